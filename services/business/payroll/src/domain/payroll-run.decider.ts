import { assertNever, Decider, DomainError, Money } from '@hexfleet/kernel';
import { payroll } from '@hexfleet/schemas';
import { generatePayslip, payableIn } from './payslip';
import { periodBounds } from './period';
import type {
  CreatePayrollRun,
  PayrollRunCommand,
  PayrollRunEvent,
  PayrollRunState,
  PayslipSummary,
  Run,
} from './payroll-run.types';

function draft(state: PayrollRunState): Run {
  if (state.status === 'none') throw new DomainError('payroll-run-not-found');
  if (state.status === 'finalized') throw new DomainError('payroll-run-finalized', { runId: state.run.runId });
  if (state.status === 'cancelled') throw new DomainError('payroll-run-cancelled', { runId: state.run.runId });
  return state.run;
}

function create({ data, metadata }: CreatePayrollRun, state: PayrollRunState): PayrollRunEvent[] {
  const { runId, period, currency, createdBy, employees, structures } = data;
  periodBounds(period);
  Money.zero(currency);
  if (state.status === 'draft' || state.status === 'finalized')
    throw new DomainError('payroll-run-exists', { runId: state.run.runId, status: state.status });
  if (state.status === 'cancelled' && state.run.period !== period)
    throw new DomainError('payroll-period-mismatch', { period: state.run.period });
  const ids = employees.map(({ employee }) => employee.employeeId);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new DomainError('duplicate-employee-in-run', { employeeId: duplicate });
  const payable = employees.filter(({ employee }) => payableIn(period, employee));
  if (payable.length === 0) throw new DomainError('no-payable-employees', { period });
  const amended = state.status === 'cancelled' ? state.run : null;
  const revision = amended ? amended.revision + 1 : 1;
  const { now } = metadata;
  const run = { runId, period, revision, currency };
  return [
    payroll.payrollRunCreated({
      runId,
      period,
      revision,
      amendsRunId: amended?.runId ?? null,
      currency,
      createdBy,
      createdAt: now,
    }),
    ...payable.map(({ payslipId, employee }) =>
      generatePayslip({ payslipId, run, employee, structures, replacesPayslipId: null, now }),
    ),
  ];
}

function cancel(state: PayrollRunState, cancelledBy: string, reason: string, now: string): payroll.PayrollRunCancelled {
  if (state.status === 'none') throw new DomainError('payroll-run-not-found');
  if (state.status === 'cancelled') throw new DomainError('payroll-run-cancelled', { runId: state.run.runId });
  const { runId, period, revision, payslips } = state.run;
  const payslipIds = Object.values(payslips).map((p) => p.payslipId);
  const wasFinalized = state.status === 'finalized';
  return payroll.payrollRunCancelled({
    runId,
    period,
    revision,
    wasFinalized,
    payslipIds,
    reason,
    cancelledBy,
    cancelledAt: now,
  });
}

function decide(command: PayrollRunCommand, state: PayrollRunState): PayrollRunEvent[] {
  const { now } = command.metadata;
  switch (command.type) {
    case 'CreatePayrollRun':
      return create(command, state);
    case 'GeneratePayslip': {
      const run = draft(state);
      const { payslipId, employee, structures } = command.data;
      const current = run.payslips[employee.employeeId];
      const replacesPayslipId = current?.payslipId ?? null;
      const payslip = generatePayslip({ payslipId, run, employee, structures, replacesPayslipId, now });
      return current?.content === contentOf(payslip) ? [] : [payslip];
    }
    case 'FinalizePayrollRun': {
      const { runId, period, revision, currency, payslips } = draft(state);
      const total = (pick: (p: PayslipSummary) => number) =>
        Money.sum(
          Object.values(payslips).map((p) => Money.of(pick(p), currency)),
          currency,
        ).amountMinor;
      return [
        payroll.payrollRunFinalized({
          runId,
          period,
          revision,
          payslipCount: Object.keys(payslips).length,
          currency,
          grossMinor: total((p) => p.grossMinor),
          deductionsMinor: total((p) => p.deductionsMinor),
          netMinor: total((p) => p.netMinor),
          finalizedBy: command.data.finalizedBy,
          finalizedAt: now,
        }),
      ];
    }
    case 'CancelPayrollRun':
      return [cancel(state, command.data.cancelledBy, command.data.reason ?? '', now)];
    case 'AmendPayrollRun': {
      if (state.status === 'none') throw new DomainError('payroll-run-not-found');
      if (state.status !== 'finalized') throw new DomainError('payroll-run-not-finalized', { status: state.status });
      const { runId, amendedBy, reason, employees, structures } = command.data;
      const cancelled = cancel(state, amendedBy, reason ?? 'amended', now);
      const { period, currency } = state.run;
      const recreate: CreatePayrollRun = {
        type: 'CreatePayrollRun',
        data: { runId, period, currency, createdBy: amendedBy, employees, structures },
        metadata: command.metadata,
      };
      return [cancelled, ...create(recreate, evolve(state, cancelled))];
    }
    default:
      return assertNever(command);
  }
}

/** Keys sorted, so a payload the store gives back in another key order (jsonb) compares equal. */
function contentOf({ data }: payroll.PayslipGenerated): string {
  const { payslipId: _p, runId: _r, revision: _v, replacesPayslipId: _x, generatedAt: _g, ...content } = data;
  return JSON.stringify(content, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}

function evolve(state: PayrollRunState, event: PayrollRunEvent): PayrollRunState {
  if (event.type === 'PayrollRunCreated') {
    const { runId, period, revision, currency } = event.data;
    return { status: 'draft', run: { runId, period, revision, currency, payslips: {} } };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'PayslipGenerated': {
      const { employeeId, payslipId, grossMinor, deductionsMinor, netMinor } = event.data;
      const summary = { payslipId, grossMinor, deductionsMinor, netMinor, content: contentOf(event) };
      return { ...state, run: { ...state.run, payslips: { ...state.run.payslips, [employeeId]: summary } } };
    }
    case 'PayrollRunFinalized':
      return { status: 'finalized', run: state.run };
    case 'PayrollRunCancelled':
      return { status: 'cancelled', run: state.run };
    default:
      return assertNever(event);
  }
}

export const payrollRunDecider: Decider<PayrollRunCommand, PayrollRunEvent, PayrollRunState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};

import { payroll } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { type CreatePayrollRun, type PayrollEmployee, payrollRunDecider } from '../../src/domain';
import { asha, GRADE_3, metadata, NOW, ravi, STRUCTURES } from './builders';

const given = deciderSpec(payrollRunDecider);
const create = (...employees: PayrollEmployee[]): CreatePayrollRun => ({
  type: 'CreatePayrollRun',
  data: {
    runId: 'run-1',
    period: '2026-04',
    currency: 'INR',
    createdBy: 'user-payroll',
    employees: employees.map((employee) => ({ payslipId: `slip-${employee.employeeId}`, employee })),
    structures: STRUCTURES,
  },
  metadata,
});
const created = payroll.payrollRunCreated({
  runId: 'run-1',
  period: '2026-04',
  revision: 1,
  currency: 'INR',
  createdBy: 'user-payroll',
  createdAt: NOW,
});
const line = (code: string, kind: payroll.ComponentKind, amountMinor: number) => ({
  componentId: `comp-${code.toLowerCase()}`,
  code,
  name: code,
  kind,
  amountMinor,
});
/** Asha's full April (30 days) on a 50,000.00 base: see the calculator spec. */
const ashaPayslip = payroll.payslipGenerated({
  payslipId: 'slip-emp-asha',
  runId: 'run-1',
  period: '2026-04',
  revision: 1,
  employeeId: 'emp-asha',
  employeeName: 'Asha Rao',
  structureId: GRADE_3.structureId,
  currency: 'INR',
  periodDays: 30,
  employedDays: 30,
  unpaidLeaveDays: 0,
  absentDays: 0,
  paymentDays: 30,
  lines: [
    line('BASIC', 'earning', 2_000_000),
    line('HRA', 'earning', 1_000_000),
    line('SPECIAL', 'earning', 1_000_000),
    line('PF', 'deduction', 240_000),
    line('PT', 'deduction', 20_000),
  ],
  grossMinor: 4_000_000,
  deductionsMinor: 260_000,
  netMinor: 3_740_000,
  final: false,
  generatedAt: NOW,
});
const payslipOf = (employeeId: string, fields: Partial<payroll.PayslipGeneratedData> = {}) =>
  expect.objectContaining({ type: 'PayslipGenerated', data: expect.objectContaining({ employeeId, ...fields }) });
const regenerate = (employee: PayrollEmployee, payslipId = 'slip-2') =>
  ({ type: 'GeneratePayslip', data: { payslipId, employee, structures: STRUCTURES }, metadata }) as const;
const finalize = { type: 'FinalizePayrollRun', data: { finalizedBy: 'user-payroll' }, metadata } as const;
const finalized = payroll.payrollRunFinalized({
  runId: 'run-1',
  period: '2026-04',
  revision: 1,
  payslipCount: 1,
  currency: 'INR',
  grossMinor: 4_000_000,
  deductionsMinor: 260_000,
  netMinor: 3_740_000,
  finalizedBy: 'user-payroll',
  finalizedAt: NOW,
});
const cancel = {
  type: 'CancelPayrollRun',
  data: { cancelledBy: 'user-payroll', reason: 'wrong base' },
  metadata,
} as const;
const cancelled = (wasFinalized: boolean) =>
  payroll.payrollRunCancelled({
    runId: 'run-1',
    period: '2026-04',
    revision: 1,
    wasFinalized,
    payslipIds: ['slip-emp-asha'],
    reason: 'wrong base',
    cancelledBy: 'user-payroll',
    cancelledAt: NOW,
  });

describe('payroll runs', () => {
  it('a run for a month creates one payslip per employee employed in it', () => {
    given([]).when(create(asha())).then([created, ashaPayslip]);
  });

  it('finalizing locks the run with its totals', () => {
    given([created, ashaPayslip]).when(finalize).then([finalized]);
  });

  it('a draft or finalized run can be cancelled, voiding its payslips', () => {
    given([created, ashaPayslip])
      .when(cancel)
      .then([cancelled(false)]);
    given([created, ashaPayslip, finalized])
      .when(cancel)
      .then([cancelled(true)]);
    given([created, ashaPayslip, cancelled(false)])
      .when(cancel)
      .thenThrows('payroll-run-cancelled');
  });

  it('a draft payslip is recomputed when leave or attendance changed, replacing the previous one', () => {
    const withLeave = asha({ unpaidLeave: { 'leave-1': [{ date: '2026-04-06', halfDay: false }] } });
    given([created, ashaPayslip])
      .when(regenerate(withLeave))
      .then([payslipOf('emp-asha', { payslipId: 'slip-2', paymentDays: 29, replacesPayslipId: 'slip-emp-asha' })]);
  });

  it('an employee enrolled after the run was created is added to the draft', () => {
    const lateJoiner = ravi({
      joiningDate: '2026-04-14',
      assignments: [{ ...asha().assignments[0], fromDate: '2026-04-14' }],
    });
    given([created, ashaPayslip])
      .when(regenerate(lateJoiner, 'slip-ravi'))
      .then([
        payslipOf('emp-ravi', {
          payslipId: 'slip-ravi',
          paymentDays: 17,
          netMinor: 2_110_666,
          replacesPayslipId: null,
        }),
      ]);
  });

  it('a recomputation that changes nothing emits nothing', () => {
    given([created, ashaPayslip]).when(regenerate(asha())).then([]);
  });

  it('even when the stored payslip comes back with its keys in another order', () => {
    const reorder = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;
    const stored = {
      ...ashaPayslip,
      data: { ...reorder(ashaPayslip.data), lines: ashaPayslip.data.lines.map(reorder) },
    };
    given([created, stored]).when(regenerate(asha())).then([]);
  });

  it('a separation in the open period makes the final payslip, prorated to the relieving date', () => {
    given([created, ashaPayslip])
      .when(regenerate(asha({ relievingDate: '2026-04-17' })))
      .then([payslipOf('emp-asha', { final: true, paymentDays: 17, netMinor: 2_110_666 })]);
  });

  it('refuses a bad period, an unknown currency or a run with nobody to pay', () => {
    given([])
      .when({ ...create(asha()), data: { ...create(asha()).data, period: '2026-4' } })
      .thenThrows('invalid-period');
    given([])
      .when({ ...create(asha()), data: { ...create(asha()).data, currency: 'XX' } })
      .thenThrows('invalid-currency');
    given([])
      .when(create(asha({ joiningDate: '2026-05-04' })))
      .thenThrows('no-payable-employees');
  });
});

describe('rule: one non-cancelled payslip per employee per period', () => {
  it('a second run for the period is refused while the first stands', () => {
    given([created, ashaPayslip]).when(create(asha())).thenThrows('payroll-run-exists');
    given([created, ashaPayslip, finalized]).when(create(asha())).thenThrows('payroll-run-exists');
  });

  it('one employee listed twice is refused', () => {
    given([]).when(create(asha(), asha())).thenThrows('duplicate-employee-in-run', { employeeId: 'emp-asha' });
  });

  it('regenerating replaces the employee payslip instead of adding one', () => {
    given([created, ashaPayslip])
      .when(regenerate(asha({ absences: { '2026-04-20': 1 } })))
      .then([payslipOf('emp-asha', { replacesPayslipId: 'slip-emp-asha' })]);
  });

  it('after a cancellation the period takes a new run, which amends the cancelled one', () => {
    given([created, ashaPayslip, cancelled(false)])
      .when({ ...create(asha()), data: { ...create(asha()).data, runId: 'run-2' } })
      .then([
        payroll.payrollRunCreated({ ...created.data, runId: 'run-2', revision: 2, amendsRunId: 'run-1' }),
        payslipOf('emp-asha', { runId: 'run-2', revision: 2 }),
      ]);
  });
});

describe('rule: no payslip for an employee who joined after or left before the period', () => {
  it('the run skips them and pays the others', () => {
    const joinedInMay = ravi({ joiningDate: '2026-05-04' });
    const leftInMarch = ravi({ employeeId: 'emp-mira', relievingDate: '2026-03-31' });
    given([])
      .when(create(asha(), joinedInMay, leftInMarch))
      .then([created, ashaPayslip]);
  });

  it('joining on the last day or leaving on the first still earns a payslip', () => {
    const lastDay = ravi({
      joiningDate: '2026-04-30',
      assignments: [{ ...asha().assignments[0], fromDate: '2026-04-30' }],
    });
    given([])
      .when(create(lastDay))
      .then([created, payslipOf('emp-ravi', { paymentDays: 1 })]);
    given([])
      .when(create(ravi({ relievingDate: '2026-04-01' })))
      .then([created, payslipOf('emp-ravi', { paymentDays: 1, final: true })]);
  });

  it('a payslip asked for one of them is refused', () => {
    given([created, ashaPayslip])
      .when(regenerate(ravi({ joiningDate: '2026-05-04' })))
      .thenThrows('employee-joined-after-period');
    given([created, ashaPayslip])
      .when(regenerate(ravi({ relievingDate: '2026-03-31' })))
      .thenThrows('employee-left-before-period');
  });
});

describe('rule: an active structure assignment must exist', () => {
  it('an employee employed in the period without an assignment stops the run', () => {
    given([])
      .when(create(asha(), ravi({ assignments: [] })))
      .thenThrows('no-active-salary-structure', { employeeId: 'emp-ravi' });
  });

  it('an assignment that starts after the period is not active in it', () => {
    const later = ravi({ assignments: [{ ...asha().assignments[0], fromDate: '2026-05-01' }] });
    given([]).when(create(later)).thenThrows('no-active-salary-structure');
  });

  it('the latest assignment begun by the end of the period applies', () => {
    const raised = asha({
      assignments: [...asha().assignments, { ...asha().assignments[0], fromDate: '2026-04-01', baseMinor: 10_000_000 }],
    });
    given([])
      .when(create(raised))
      .then([created, payslipOf('emp-asha', { grossMinor: 7_000_000 })]);
  });

  it('the structure it names must be known and in the run currency', () => {
    given([])
      .when(create(asha({ assignments: [{ ...asha().assignments[0], structureId: 'struct-x' }] })))
      .thenThrows('salary-structure-not-found');
    given([])
      .when({ ...create(asha()), data: { ...create(asha()).data, currency: 'EUR' } })
      .thenThrows('currency-mismatch');
  });
});

describe('rule: a finalized run and its payslips are immutable except by cancel-and-amend', () => {
  it('no payslip is generated or replaced in a finalized run', () => {
    given([created, ashaPayslip, finalized])
      .when(regenerate(asha({ absences: { '2026-04-20': 1 } })))
      .thenThrows('payroll-run-finalized');
  });

  it('it is finalized once', () => {
    given([created, ashaPayslip, finalized]).when(finalize).thenThrows('payroll-run-finalized');
  });

  it('amending cancels it and creates the next revision with fresh payslips', () => {
    const amend = {
      type: 'AmendPayrollRun',
      data: {
        runId: 'run-2',
        amendedBy: 'user-payroll',
        reason: 'wrong base',
        employees: [{ payslipId: 'slip-9', employee: asha({ absences: { '2026-04-20': 1 } }) }],
        structures: STRUCTURES,
      },
      metadata,
    } as const;
    given([created, ashaPayslip, finalized])
      .when(amend)
      .then([
        cancelled(true),
        payroll.payrollRunCreated({ ...created.data, runId: 'run-2', revision: 2, amendsRunId: 'run-1' }),
        payslipOf('emp-asha', {
          payslipId: 'slip-9',
          runId: 'run-2',
          revision: 2,
          paymentDays: 29,
          replacesPayslipId: null,
        }),
      ]);
    given([created, ashaPayslip]).when(amend).thenThrows('payroll-run-not-finalized');
    given([]).when(amend).thenThrows('payroll-run-not-found');
  });

  it('a cancelled run takes no payslips either', () => {
    given([created, ashaPayslip, cancelled(true)])
      .when(regenerate(asha()))
      .thenThrows('payroll-run-cancelled');
    given([]).when(finalize).thenThrows('payroll-run-not-found');
  });
});

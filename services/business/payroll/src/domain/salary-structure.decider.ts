import { assertNever, Decider, DomainError, Money } from '@hexfleet/kernel';
import { payroll } from '@hexfleet/schemas';
import type { Command } from './command';
import type { SalaryComponent } from './salary-component.decider';

/**
 * Stream `<tenant>/salary-structure/<structureId>`, topic payroll.salary-structure.v1.
 * A structure never changes once defined: a new pay scheme is a new structure
 * assigned from a date, so finalized payslips keep pointing at what they used.
 */
export type SalaryStructureEvent = payroll.PayrollSalaryStructureV1Event;
export interface SalaryStructure {
  structureId: string;
  currency: string;
  lines: payroll.SalaryLine[];
}
export type SalaryStructureState = { status: 'none' } | ({ status: 'defined' } & SalaryStructure);

export interface LineInput {
  componentId: string;
  method: payroll.CalculationMethod;
  amountMinor?: number | null;
  basisPoints?: number | null;
  ofComponent?: string | null;
  /** Defaults to true; ignored by percent_of_component, which follows its base. */
  prorated?: boolean;
}
/** Facts: `components`, the referenced salary components by id, from their streams. */
export type DefineSalaryStructure = Command<
  'DefineSalaryStructure',
  {
    structureId: string;
    name: string;
    currency: string;
    lines: readonly LineInput[];
    components: Readonly<Record<string, SalaryComponent>>;
  }
>;
export type SalaryStructureCommand = DefineSalaryStructure;

const MAX_BASIS_POINTS = 100_000; // 1000%: a typo guard, not a business cap

function toLine(
  input: LineInput,
  above: readonly payroll.SalaryLine[],
  currency: string,
  components: DefineSalaryStructure['data']['components'],
): payroll.SalaryLine {
  const component = components[input.componentId];
  if (!component) throw new DomainError('salary-component-not-found', { componentId: input.componentId });
  if (above.some((line) => line.componentId === input.componentId))
    throw new DomainError('duplicate-component-in-structure', { code: component.code });
  const { code, name, kind } = component;
  const line = { componentId: input.componentId, code, name, kind, method: input.method };
  const percent = (basisPoints: number | null | undefined) => {
    if (!Number.isInteger(basisPoints) || (basisPoints as number) < 0 || (basisPoints as number) > MAX_BASIS_POINTS)
      throw new DomainError('invalid-percentage', { code, basisPoints });
    return basisPoints as number;
  };
  switch (input.method) {
    case 'fixed': {
      const amountMinor = Money.of(input.amountMinor as number, currency).amountMinor;
      if (amountMinor < 0) throw new DomainError('invalid-amount', { code, amountMinor });
      return { ...line, amountMinor, basisPoints: null, ofComponent: null, prorated: input.prorated ?? true };
    }
    case 'percent_of_base':
      return {
        ...line,
        amountMinor: null,
        basisPoints: percent(input.basisPoints),
        ofComponent: null,
        prorated: input.prorated ?? true,
      };
    case 'percent_of_component': {
      const base = above.find((other) => other.code === input.ofComponent);
      // Only lines above may be named, so a formula can never refer to itself through others.
      if (!base) throw new DomainError('unknown-formula-base', { code, ofComponent: input.ofComponent });
      return {
        ...line,
        amountMinor: null,
        basisPoints: percent(input.basisPoints),
        ofComponent: base.code,
        prorated: base.prorated,
      };
    }
    default:
      return assertNever(input.method);
  }
}

export const salaryStructureDecider: Decider<SalaryStructureCommand, SalaryStructureEvent, SalaryStructureState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'DefineSalaryStructure': {
        if (state.status !== 'none') throw new DomainError('salary-structure-exists');
        const { structureId, name, currency, components } = command.data;
        Money.zero(currency); // refuses anything but an ISO 4217 code
        if (!name?.trim()) throw new DomainError('field-required', { field: 'name' });
        const lines = command.data.lines.reduce<payroll.SalaryLine[]>(
          (above, input) => [...above, toLine(input, above, currency, components)],
          [],
        );
        if (!lines.some((line) => line.kind === 'earning'))
          throw new DomainError('structure-needs-an-earning', { field: 'lines' });
        return [
          payroll.salaryStructureDefined({
            structureId,
            name: name.trim(),
            currency,
            lines,
            definedAt: command.metadata.now,
          }),
        ];
      }
      default:
        return assertNever(command.type);
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'SalaryStructureDefined': {
        const { structureId, currency, lines } = event.data;
        return { status: 'defined', structureId, currency, lines };
      }
      default:
        return assertNever(event.type);
    }
  },
};

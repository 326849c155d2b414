import { assertNever, Decider, DomainError } from '@hexfleet/kernel';
import { payroll } from '@hexfleet/schemas';
import type { Command } from './command';

/**
 * Stream `<tenant>/salary-component/<componentId>`, topic payroll.salary-component.v1.
 * Codes are what formulas name; a structure refuses two lines with one code,
 * so tenant-wide uniqueness is only a read-model courtesy, not an invariant.
 */
export type SalaryComponentEvent = payroll.PayrollSalaryComponentV1Event;
export type SalaryComponent = { componentId: string; code: string; name: string; kind: payroll.ComponentKind };
export type SalaryComponentState = { status: 'none' } | ({ status: 'defined' } & SalaryComponent);
export type DefineSalaryComponent = Command<'DefineSalaryComponent', SalaryComponent>;
export type SalaryComponentCommand = DefineSalaryComponent;

const CODE = /^[A-Z][A-Z0-9_]{0,19}$/;

export const salaryComponentDecider: Decider<SalaryComponentCommand, SalaryComponentEvent, SalaryComponentState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'DefineSalaryComponent': {
        if (state.status !== 'none') throw new DomainError('salary-component-exists', { code: state.code });
        const { componentId, code, name, kind } = command.data;
        if (!CODE.test(code)) throw new DomainError('invalid-component-code', { code });
        if (kind !== 'earning' && kind !== 'deduction') throw new DomainError('invalid-component-kind', { kind });
        if (!name?.trim()) throw new DomainError('field-required', { field: 'name' });
        return [
          payroll.salaryComponentDefined({
            componentId,
            code,
            name: name.trim(),
            kind,
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
      case 'SalaryComponentDefined': {
        const { componentId, code, name, kind } = event.data;
        return { status: 'defined', componentId, code, name, kind };
      }
      default:
        return assertNever(event.type);
    }
  },
};

import type { payroll } from '@hexfleet/schemas';
import type { PayrollEmployee, SalaryStructure } from '../../src/domain';

export const NOW = '2026-05-02T09:00:00.000Z';
export const metadata = { now: NOW };

type Line = Pick<payroll.SalaryLine, 'code' | 'kind' | 'method'> & Partial<payroll.SalaryLine>;
const line = (l: Line): payroll.SalaryLine => ({
  componentId: `comp-${l.code.toLowerCase()}`,
  name: l.code,
  amountMinor: null,
  basisPoints: null,
  ofComponent: null,
  prorated: true,
  ...l,
});

/**
 * An INR structure on a monthly base: Basic 40% of base, HRA 50% of Basic,
 * Special 10,000.00 fixed; Provident Fund 12% of Basic, Professional Tax
 * 200.00 flat (not prorated).
 */
export const GRADE_3: SalaryStructure = {
  structureId: 'struct-g3',
  currency: 'INR',
  lines: [
    line({ code: 'BASIC', kind: 'earning', method: 'percent_of_base', basisPoints: 4000 }),
    line({ code: 'HRA', kind: 'earning', method: 'percent_of_component', basisPoints: 5000, ofComponent: 'BASIC' }),
    line({ code: 'SPECIAL', kind: 'earning', method: 'fixed', amountMinor: 1_000_000 }),
    line({ code: 'PF', kind: 'deduction', method: 'percent_of_component', basisPoints: 1200, ofComponent: 'BASIC' }),
    line({ code: 'PT', kind: 'deduction', method: 'fixed', amountMinor: 20_000, prorated: false }),
  ],
};
export const STRUCTURES = { [GRADE_3.structureId]: GRADE_3 };

/** Asha joined long ago on a base of 50,000.00 INR a month. */
export const asha = (overrides: Partial<PayrollEmployee> = {}): PayrollEmployee => ({
  employeeId: 'emp-asha',
  name: 'Asha Rao',
  joiningDate: '2024-01-15',
  relievingDate: null,
  assignments: [{ structureId: GRADE_3.structureId, fromDate: '2024-01-15', baseMinor: 5_000_000, currency: 'INR' }],
  unpaidLeave: {},
  reversedLeave: [],
  absences: {},
  ...overrides,
});

export const ravi = (overrides: Partial<PayrollEmployee> = {}): PayrollEmployee =>
  asha({ employeeId: 'emp-ravi', name: 'Ravi Iyer', ...overrides });

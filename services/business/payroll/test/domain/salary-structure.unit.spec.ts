import { payroll } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import {
  type DefineSalaryStructure,
  type LineInput,
  type SalaryComponent,
  salaryComponentDecider,
  salaryStructureDecider,
} from '../../src/domain';
import { GRADE_3, metadata, NOW } from './builders';

const component = (code: string, kind: payroll.ComponentKind): SalaryComponent => ({
  componentId: `comp-${code.toLowerCase()}`,
  code,
  name: code,
  kind,
});
const COMPONENTS = Object.fromEntries(
  [
    component('BASIC', 'earning'),
    component('HRA', 'earning'),
    component('SPECIAL', 'earning'),
    component('PF', 'deduction'),
    component('PT', 'deduction'),
  ].map((c) => [c.componentId, c]),
);
const GRADE_3_LINES: LineInput[] = [
  { componentId: 'comp-basic', method: 'percent_of_base', basisPoints: 4000 },
  { componentId: 'comp-hra', method: 'percent_of_component', basisPoints: 5000, ofComponent: 'BASIC' },
  { componentId: 'comp-special', method: 'fixed', amountMinor: 1_000_000 },
  { componentId: 'comp-pf', method: 'percent_of_component', basisPoints: 1200, ofComponent: 'BASIC' },
  { componentId: 'comp-pt', method: 'fixed', amountMinor: 20_000, prorated: false },
];
const define = (lines: LineInput[] = GRADE_3_LINES, currency = 'INR'): DefineSalaryStructure => ({
  type: 'DefineSalaryStructure',
  data: { structureId: 'struct-g3', name: 'Grade 3', currency, lines, components: COMPONENTS },
  metadata,
});
const defined = payroll.salaryStructureDefined({ ...GRADE_3, name: 'Grade 3', definedAt: NOW });

describe('salary components', () => {
  const given = deciderSpec(salaryComponentDecider);
  const defineComponent = (code: string) =>
    ({ type: 'DefineSalaryComponent', data: { ...component(code, 'earning'), name: 'Basic' }, metadata }) as const;

  it('defines an earning or deduction with a code formulas can name', () => {
    given([])
      .when(defineComponent('BASIC'))
      .then([
        payroll.salaryComponentDefined({
          componentId: 'comp-basic',
          code: 'BASIC',
          name: 'Basic',
          kind: 'earning',
          definedAt: NOW,
        }),
      ]);
  });

  it('refuses a code formulas could not name, and a second definition', () => {
    given([]).when(defineComponent('basic pay')).thenThrows('invalid-component-code');
    const once = salaryComponentDecider.decide(defineComponent('BASIC'), salaryComponentDecider.initialState);
    given(once).when(defineComponent('BASIC')).thenThrows('salary-component-exists');
  });
});

describe('salary structures', () => {
  const given = deciderSpec(salaryStructureDecider);

  it('defines the lines in order with their formulas, copying each component', () => {
    given([]).when(define()).then([defined]);
  });

  it('a percent of a component names a line above it, so formulas never loop', () => {
    const below = [GRADE_3_LINES[1], GRADE_3_LINES[0]];
    given([]).when(define(below)).thenThrows('unknown-formula-base', { code: 'HRA', ofComponent: 'BASIC' });
  });

  it('a percent of a component follows its base proration', () => {
    const flatBasic = [
      { ...GRADE_3_LINES[0], prorated: false },
      { ...GRADE_3_LINES[1], prorated: true },
    ];
    const event = salaryStructureDecider.decide(define(flatBasic), salaryStructureDecider.initialState)[0];
    expect(event.data.lines.map((l) => l.prorated)).toEqual([false, false]);
  });

  it('refuses an unknown or repeated component, a bad amount or percentage, and a structure without earnings', () => {
    given([])
      .when(define([{ componentId: 'comp-x', method: 'fixed', amountMinor: 1 }]))
      .thenThrows('salary-component-not-found');
    given([])
      .when(define([GRADE_3_LINES[2], GRADE_3_LINES[2]]))
      .thenThrows('duplicate-component-in-structure');
    given([])
      .when(define([{ ...GRADE_3_LINES[2], amountMinor: 10.5 }]))
      .thenThrows('invalid-amount');
    given([])
      .when(define([{ ...GRADE_3_LINES[2], amountMinor: -1 }]))
      .thenThrows('invalid-amount');
    given([])
      .when(define([{ ...GRADE_3_LINES[0], basisPoints: 12.5 }]))
      .thenThrows('invalid-percentage');
    given([])
      .when(define([GRADE_3_LINES[4]]))
      .thenThrows('structure-needs-an-earning', { field: 'lines' });
  });

  it('amounts are in one ISO 4217 currency', () => {
    given([]).when(define(GRADE_3_LINES, 'rupee')).thenThrows('invalid-currency');
  });

  it('a structure is defined once: a new pay scheme is a new structure', () => {
    given([defined]).when(define()).thenThrows('salary-structure-exists');
  });
});

import { deciderSpec } from '@hexfleet/testing';
import { libraries } from '@hexfleet/schemas';
import { loanDefaultsDecider, pushedDefaultOf } from '../../src/domain';
import type { LoanDefaultsCommand, LoanDefaultsEvent, PushedTerms } from '../../src/domain';
import { at, inr, NOW, pushedTerms, SCHOOL } from './library-fixtures';
import { fold } from '@hexfleet/kernel';

const given = deciderSpec(loanDefaultsDecider);
const command = <C extends LoanDefaultsCommand>(type: C['type'], data: C['data']) =>
  ({ type, data, metadata: at() }) as C;
const OTHER_SCHOOL = '0190a1b2-0000-7000-8000-0000000000b2';

const terms = (overrides: Partial<PushedTerms> = {}): PushedTerms => ({ ...pushedTerms(), ...overrides });
const group = (policyVersion: number, t = terms()) =>
  libraries.groupLoanDefaultsReceived({ policyVersion, terms: t, receivedAt: NOW });
const school = (t: PushedTerms | null, schoolId = SCHOOL) =>
  libraries.schoolLoanDefaultsReceived({ schoolId, terms: t, receivedAt: NOW });
const stateAfter = (history: LoanDefaultsEvent[]) => fold(loanDefaultsDecider, history);

describe('loan defaults HQ pushes: the group policy', () => {
  it('given nothing, when the group publishes version 1, then GroupLoanDefaultsReceived with its terms', () => {
    given([])
      .when(command('NoteGroupLoanDefaults', { policyVersion: 1, terms: terms() }))
      .then([group(1)]);
  });

  it('given version 2 noted, then version 2 again (redelivered) or version 1 (older) changes nothing', () => {
    given([group(1), group(2, terms({ loanPeriodDays: 7 }))])
      .when(command('NoteGroupLoanDefaults', { policyVersion: 2, terms: terms({ loanPeriodDays: 7 }) }))
      .then([]);
    given([group(2)])
      .when(command('NoteGroupLoanDefaults', { policyVersion: 1, terms: terms({ loanPeriodDays: 7 }) }))
      .then([]);
  });

  it('given terms no library could apply, then they are refused with invalid-loan-rule', () => {
    given([])
      .when(command('NoteGroupLoanDefaults', { policyVersion: 1, terms: terms({ loanPeriodDays: 0 }) }))
      .thenThrows('invalid-loan-rule', { field: 'loanPeriodDays' });
  });
});

describe('loan defaults HQ pushes: a school’s own setting', () => {
  it('given nothing, when a school sets its own default, then SchoolLoanDefaultsReceived', () => {
    given([])
      .when(command('NoteSchoolLoanDefaults', { schoolId: SCHOOL, terms: terms({ loanPeriodDays: 10 }) }))
      .then([school(terms({ loanPeriodDays: 10 }))]);
  });

  it('given a school following the group, then a school policy that leaves its loan rule null changes nothing', () => {
    given([group(1)])
      .when(command('NoteSchoolLoanDefaults', { schoolId: SCHOOL, terms: null }))
      .then([]);
  });

  it('given a school’s own default, then the same again changes nothing, and null follows the group again', () => {
    given([school(terms({ loanPeriodDays: 10 }))])
      .when(command('NoteSchoolLoanDefaults', { schoolId: SCHOOL, terms: terms({ loanPeriodDays: 10 }) }))
      .then([]);
    given([school(terms({ loanPeriodDays: 10 }))])
      .when(command('NoteSchoolLoanDefaults', { schoolId: SCHOOL, terms: null }))
      .then([school(null)]);
  });
});

describe('rule: a school’s pushed default is its own when HQ set one, else the group’s (ADR 0038)', () => {
  it('given the group’s and one school’s own, then that school gets its own and another the group’s', () => {
    const state = stateAfter([group(1), school(terms({ loanPeriodDays: 10, fineCapMinor: 900 }))]);
    expect(pushedDefaultOf(state, SCHOOL)).toMatchObject({ loanPeriodDays: 10, fineCap: inr(900) });
    expect(pushedDefaultOf(state, OTHER_SCHOOL)).toMatchObject({
      loanPeriodDays: 21,
      fineRatePerDay: inr(200),
      fineCap: null,
      hardDueDate: null,
    });
  });

  it('given a school back on the group’s, or nothing published, then the group’s, or none', () => {
    expect(
      pushedDefaultOf(stateAfter([group(1), school(terms({ loanPeriodDays: 10 })), school(null)]), SCHOOL),
    ).toMatchObject({ loanPeriodDays: 21 });
    expect(pushedDefaultOf(stateAfter([]), SCHOOL)).toBeNull();
  });
});

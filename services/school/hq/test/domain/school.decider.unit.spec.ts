import { hq } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { MAX_SCHOOL_NAME, schoolDecider } from '../../src/domain';
import type { OpenSchool, SchoolCommand } from '../../src/domain';
import { HQ_ADMIN, loanRules, metadata, NOW, PRINCIPAL, SCHOOL, settings } from './hq-fixtures';

const given = deciderSpec(schoolDecider);
const YEAR_1 = '0195f0a2-7c1e-7000-8000-00000000e001';
const YEAR_2 = '0195f0a2-7c1e-7000-8000-00000000e002';

const open = (data: Partial<OpenSchool['data']> = {}): OpenSchool => ({
  type: 'OpenSchool',
  data: {
    schoolId: SCHOOL,
    code: 'north-1',
    name: ' North Campus ',
    timeZone: 'Asia/Kolkata',
    principalUserId: null,
    openedBy: HQ_ADMIN,
    ...data,
  },
  metadata,
});
const opened = hq.schoolOpened({
  schoolId: SCHOOL,
  code: 'NORTH-1',
  name: 'North Campus',
  timeZone: 'Asia/Kolkata',
  principalUserId: null,
  openedBy: HQ_ADMIN,
  openedAt: NOW,
});
const closed = hq.schoolClosed({
  schoolId: SCHOOL,
  code: 'NORTH-1',
  reason: 'merged',
  closedBy: HQ_ADMIN,
  closedAt: NOW,
});
const close = (reason = 'merged'): SchoolCommand => ({
  type: 'CloseSchool',
  data: { reason, closedBy: HQ_ADMIN },
  metadata,
});
const assign = (principalUserId = PRINCIPAL): SchoolCommand => ({
  type: 'AssignPrincipal',
  data: { principalUserId, assignedBy: HQ_ADMIN },
  metadata,
});
const rollOver = (fromYearId = YEAR_1, toYearId = YEAR_2): SchoolCommand => ({
  type: 'RollOverSchool',
  data: { fromYearId, toYearId, rolledOverBy: HQ_ADMIN },
  metadata,
});
const rolledOver = (fromYearId = YEAR_1, toYearId = YEAR_2) =>
  hq.yearRolledOver({ schoolId: SCHOOL, fromYearId, toYearId, rolledOverBy: HQ_ADMIN, rolledOverAt: NOW });
const setPolicy = (s = settings({ loanRules: loanRules({ maxLoans: 5 }) })): SchoolCommand => ({
  type: 'SetSchoolPolicy',
  data: { settings: s, setBy: HQ_ADMIN },
  metadata,
});

describe('opening a school', () => {
  it('given nothing, when HQ opens a school, then SchoolOpened with its code upper-cased and its name trimmed', () => {
    given([]).when(open()).then([opened]);
  });

  it('given nothing, when the code, name or time zone is bad, then the rule that refuses it', () => {
    given([])
      .when(open({ code: '1ABC' }))
      .thenThrows('invalid-school-code', { field: 'code' });
    given([])
      .when(open({ code: 'A' }))
      .thenThrows('invalid-school-code');
    given([])
      .when(open({ code: 'AB CD' }))
      .thenThrows('invalid-school-code');
    given([])
      .when(open({ name: '  ' }))
      .thenThrows('invalid-school-name', { field: 'name' });
    given([])
      .when(open({ name: 'x'.repeat(MAX_SCHOOL_NAME + 1) }))
      .thenThrows('invalid-school-name', { maxLength: MAX_SCHOOL_NAME });
    given([])
      .when(open({ timeZone: 'Mars/Olympus' }))
      .thenThrows('invalid-time-zone', { field: 'timeZone' });
  });

  it('given an open school, when it is opened again, then school-already-exists', () => {
    given([opened]).when(open()).thenThrows('school-already-exists', { schoolId: SCHOOL });
  });
});

describe('closing a school', () => {
  it('given an open school, when HQ closes it with a reason, then SchoolClosed keeps its code', () => {
    given([opened]).when(close(' merged ')).then([closed]);
  });

  it('given an open school, when the reason is blank, then reason-required', () => {
    given([opened]).when(close('  ')).thenThrows('reason-required', { field: 'reason' });
  });

  it('given a closed school, when it is closed again, then school-already-closed', () => {
    given([opened, closed]).when(close()).thenThrows('school-already-closed');
  });

  it('given nothing, when it is closed, then school-not-found', () => {
    given([]).when(close()).thenThrows('school-not-found');
  });
});

describe('assigning a principal', () => {
  it('given a school without one, when a principal is assigned, then PrincipalAssigned with no previous one', () => {
    given([opened])
      .when(assign())
      .then([
        hq.principalAssigned({
          schoolId: SCHOOL,
          principalUserId: PRINCIPAL,
          previousPrincipalUserId: null,
          assignedBy: HQ_ADMIN,
          assignedAt: NOW,
        }),
      ]);
  });

  it('given a principal, when another is assigned, then the event names the one before', () => {
    const next = '0195f0a2-7c1e-7000-8000-0000000000b2';
    const first = hq.principalAssigned({
      schoolId: SCHOOL,
      principalUserId: PRINCIPAL,
      previousPrincipalUserId: null,
      assignedBy: HQ_ADMIN,
      assignedAt: NOW,
    });
    given([opened, first])
      .when(assign(next))
      .then([
        hq.principalAssigned({
          schoolId: SCHOOL,
          principalUserId: next,
          previousPrincipalUserId: PRINCIPAL,
          assignedBy: HQ_ADMIN,
          assignedAt: NOW,
        }),
      ]);
  });

  it('given the same principal, when assigned again, then principal-unchanged', () => {
    given([{ ...opened, data: { ...opened.data, principalUserId: PRINCIPAL } }])
      .when(assign())
      .thenThrows('principal-unchanged');
  });

  it('given a closed school, when a principal is assigned, then school-closed', () => {
    given([opened, closed]).when(assign()).thenThrows('school-closed');
  });
});

describe("a school's own policy settings", () => {
  it('given an open school, when it sets its own loan rules, then SchoolPolicySet with the other areas null', () => {
    given([opened])
      .when(setPolicy())
      .then([
        hq.schoolPolicySet({
          schoolId: SCHOOL,
          loanRules: loanRules({ maxLoans: 5 }),
          attendanceCodes: null,
          absenceThresholds: null,
          setBy: HQ_ADMIN,
          setAt: NOW,
        }),
      ]);
  });

  it('given settings, when the same are set again, then school-policy-unchanged', () => {
    const set = hq.schoolPolicySet({
      schoolId: SCHOOL,
      ...settings({ loanRules: loanRules({ maxLoans: 5 }) }),
      setBy: HQ_ADMIN,
      setAt: NOW,
    });
    given([opened, set]).when(setPolicy()).thenThrows('school-policy-unchanged');
  });

  it('given an open school, when a setting breaks a policy rule, then that rule', () => {
    given([opened])
      .when(setPolicy(settings({ loanRules: loanRules({ loanPeriodDays: 0 }) })))
      .thenThrows('invalid-loan-rules', { field: 'loanRules.loanPeriodDays' });
  });

  it('given a closed school, when it sets its policy, then school-closed', () => {
    given([opened, closed]).when(setPolicy()).thenThrows('school-closed');
  });
});

describe('rolling a school over to the next year', () => {
  it('given an open school, when it rolls over, then YearRolledOver from one year to the next', () => {
    given([opened]).when(rollOver()).then([rolledOver()]);
  });

  it('given the school already rolled over to that year, when it rolls over again, then nothing (resumed or repeated run)', () => {
    given([opened, rolledOver()]).when(rollOver()).then([]);
  });

  it('given the year already rolled over into another year, then year-already-rolled-over', () => {
    const other = '0195f0a2-7c1e-7000-8000-00000000e003';
    given([opened, rolledOver()])
      .when(rollOver(YEAR_1, other))
      .thenThrows('year-already-rolled-over', { toYearId: YEAR_2 });
  });

  it('given a closed school, when it rolls over, then school-closed', () => {
    given([opened, closed]).when(rollOver()).thenThrows('school-closed');
  });
});

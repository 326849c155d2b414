import { checkGroupPolicy, checkSchoolSettings, effectivePolicy } from '../../src/domain';
import { CODES, groupPolicy, loanRules, settings } from './hq-fixtures';

const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return { code: (error as { code?: string }).code, details: (error as { details?: object }).details };
  }
  return undefined;
};

describe('a group policy is checked area by area', () => {
  it('accepts a complete policy, upper-casing codes and trimming labels', () => {
    const policy = groupPolicy({ attendanceCodes: [...CODES, { code: 'ex', label: ' Excused ', meaning: 'excused' }] });
    expect(checkGroupPolicy(policy).attendanceCodes[3]).toEqual({ code: 'EX', label: 'Excused', meaning: 'excused' });
  });

  it.each([
    [
      'loan period 0',
      { loanRules: loanRules({ loanPeriodDays: 0 }) },
      'invalid-loan-rules',
      'loanRules.loanPeriodDays',
    ],
    [
      'negative fine',
      { loanRules: loanRules({ fineRatePerDayMinor: -1 }) },
      'invalid-loan-rules',
      'loanRules.fineRatePerDayMinor',
    ],
    ['a fraction of a loan', { loanRules: loanRules({ maxLoans: 1.5 }) }, 'invalid-loan-rules', 'loanRules.maxLoans'],
    ['currency', { loanRules: loanRules({ currency: 'rupee' }) }, 'invalid-loan-rules', 'loanRules.currency'],
    ['fine cap', { loanRules: loanRules({ fineCapMinor: -5 }) }, 'invalid-loan-rules', 'loanRules.fineCapMinor'],
    ['no codes', { attendanceCodes: [] }, 'invalid-attendance-codes', 'attendanceCodes'],
    [
      'a long code',
      { attendanceCodes: [...CODES, { code: 'LONGER', label: 'x', meaning: 'late' }] },
      'invalid-attendance-codes',
      'attendanceCodes[3].code',
    ],
    [
      'a meaning',
      { attendanceCodes: [...CODES, { code: 'H', label: 'Holiday', meaning: 'holiday' }] },
      'invalid-attendance-codes',
      'attendanceCodes[3].meaning',
    ],
    [
      'a blank label',
      { attendanceCodes: [...CODES, { code: 'H', label: ' ', meaning: 'late' }] },
      'invalid-attendance-codes',
      'attendanceCodes[3].label',
    ],
    [
      'streak 0',
      { absenceThresholds: { consecutiveAbsentDays: 0, minimumAttendancePercent: 75 } },
      'invalid-absence-thresholds',
      'absenceThresholds.consecutiveAbsentDays',
    ],
    [
      'percent 101',
      { absenceThresholds: { consecutiveAbsentDays: 3, minimumAttendancePercent: 101 } },
      'invalid-absence-thresholds',
      'absenceThresholds.minimumAttendancePercent',
    ],
  ])('refuses %s, naming the field', (_why, change, code, field) => {
    expect(refusal(() => checkGroupPolicy(groupPolicy(change)))).toEqual({
      code,
      details: expect.objectContaining({ field }),
    });
  });

  it('refuses a code twice (case aside), and codes that cannot say present and absent', () => {
    expect(
      refusal(() =>
        checkGroupPolicy(
          groupPolicy({ attendanceCodes: [...CODES, { code: 'p', label: 'Here', meaning: 'present' }] }),
        ),
      ),
    ).toEqual({ code: 'duplicate-attendance-code', details: { code: 'P' } });
    expect(refusal(() => checkGroupPolicy(groupPolicy({ attendanceCodes: [CODES[0], CODES[2]] })))).toEqual({
      code: 'attendance-codes-incomplete',
      details: { missingMeaning: 'absent' },
    });
  });

  it("checks a school's settings the same way, leaving null areas null", () => {
    expect(checkSchoolSettings(settings())).toEqual(settings());
    expect(refusal(() => checkSchoolSettings(settings({ attendanceCodes: [] })))).toEqual({
      code: 'invalid-attendance-codes',
      details: expect.anything(),
    });
  });
});

describe('a school setting overrides the group default', () => {
  const group = groupPolicy();

  it('takes each area from the school where it set one, else from the group', () => {
    const own = loanRules({ maxLoans: 6 });
    expect(effectivePolicy(group, settings({ loanRules: own }))).toEqual({
      loanRules: { value: own, source: 'school' },
      attendanceCodes: { value: group.attendanceCodes, source: 'group' },
      absenceThresholds: { value: group.absenceThresholds, source: 'group' },
      // The group set no lock: attendance's own default applies.
      registerLockDays: { value: null, source: 'none' },
    });
  });

  it('follows the group entirely when the school set nothing', () => {
    expect(effectivePolicy(group, settings()).loanRules).toEqual({ value: group.loanRules, source: 'group' });
  });

  it("has the school's own areas and none for the rest before the group published any policy", () => {
    expect(effectivePolicy(null, settings({ attendanceCodes: CODES }))).toEqual({
      loanRules: { value: null, source: 'none' },
      attendanceCodes: { value: CODES, source: 'school' },
      absenceThresholds: { value: null, source: 'none' },
      registerLockDays: { value: null, source: 'none' },
    });
  });

  it('takes the register lock from the school, else the group, else none; settings stored before it existed follow the group', () => {
    const locking = groupPolicy({ registerLockDays: 5 });
    expect(effectivePolicy(locking, settings()).registerLockDays).toEqual({ value: 5, source: 'group' });
    expect(effectivePolicy(locking, settings({ registerLockDays: 0 })).registerLockDays).toEqual({
      value: 0,
      source: 'school',
    });
    const { registerLockDays: _old, ...stored } = settings();
    expect(effectivePolicy(locking, stored as never).registerLockDays).toEqual({ value: 5, source: 'group' });
  });
});

describe('the register lock (ADR 0055)', () => {
  it('is a whole number of days from 0 to 90, or null', () => {
    expect(checkGroupPolicy(groupPolicy({ registerLockDays: 0 })).registerLockDays).toBe(0);
    expect(checkSchoolSettings(settings({ registerLockDays: null })).registerLockDays).toBeNull();
    for (const days of [-1, 91, 2.5])
      expect(refusal(() => checkGroupPolicy(groupPolicy({ registerLockDays: days })))).toEqual({
        code: 'invalid-register-lock-days',
        details: { field: 'registerLockDays', min: 0, max: 90 },
      });
  });
});

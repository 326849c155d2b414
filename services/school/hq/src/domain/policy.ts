import { DomainError } from '@hexfleet/kernel';
import type { hq } from '@hexfleet/schemas';

export type LoanRules = hq.LoanRuleDefaults;
export type AttendanceCode = hq.AttendanceCode;
export type AbsenceThresholds = hq.AbsenceThresholds;

/** The group's policy: every area set, but the register lock (null: attendance's own default, ADR 0055). */
export interface GroupPolicy {
  loanRules: LoanRules;
  attendanceCodes: AttendanceCode[];
  absenceThresholds: AbsenceThresholds;
  registerLockDays: number | null;
}

/** A school's own settings: an area left null follows the group's. */
export type SchoolSettings = { [Area in keyof GroupPolicy]: GroupPolicy[Area] | null };

export const NO_SETTINGS: SchoolSettings = {
  loanRules: null,
  attendanceCodes: null,
  absenceThresholds: null,
  registerLockDays: null,
};
export const POLICY_AREAS = ['loanRules', 'attendanceCodes', 'absenceThresholds', 'registerLockDays'] as const;

/** The bounds of each number of a loan rule, inclusive (the REST body documents the same). */
export const LOAN_RULE_BOUNDS = {
  loanPeriodDays: [1, 365],
  maxLoans: [0, 100],
  maxRenewals: [0, 20],
  maxHolds: [0, 100],
  fineRatePerDayMinor: [0, 100_000_000],
  graceDays: [0, 60],
} as const;
export const FINE_CAP_MAX = 100_000_000;
export const CURRENCY = /^[A-Z]{3}$/;
export const ATTENDANCE_MEANINGS = ['present', 'late', 'absent', 'excused', 'left-early'] as const;
export const ATTENDANCE_CODE = /^[A-Z0-9]{1,4}$/;
export const MAX_ATTENDANCE_CODES = 20;
export const MAX_CODE_LABEL = 40;
export const THRESHOLD_BOUNDS = { consecutiveAbsentDays: [1, 60], minimumAttendancePercent: [0, 100] } as const;
/** Days after its day a register locks (0: the next day), inclusive. */
export const LOCK_DAYS_BOUNDS = [0, 90] as const;

const within = (value: number, [min, max]: readonly [number, number]) =>
  Number.isInteger(value) && value >= min && value <= max;

function loanRules(rules: LoanRules): LoanRules {
  for (const [field, bounds] of Object.entries(LOAN_RULE_BOUNDS)) {
    if (!within(rules[field as keyof typeof LOAN_RULE_BOUNDS], bounds))
      throw new DomainError('invalid-loan-rules', { field: `loanRules.${field}`, min: bounds[0], max: bounds[1] });
  }
  if (!CURRENCY.test(rules.currency))
    throw new DomainError('invalid-loan-rules', { field: 'loanRules.currency', expected: 'ISO 4217 code' });
  const cap = rules.fineCapMinor ?? null;
  if (cap !== null && !within(cap, [0, FINE_CAP_MAX]))
    throw new DomainError('invalid-loan-rules', { field: 'loanRules.fineCapMinor', min: 0, max: FINE_CAP_MAX });
  return { ...rules, fineCapMinor: cap };
}

function attendanceCodes(codes: readonly AttendanceCode[]): AttendanceCode[] {
  if (codes.length === 0 || codes.length > MAX_ATTENDANCE_CODES)
    throw new DomainError('invalid-attendance-codes', { field: 'attendanceCodes', max: MAX_ATTENDANCE_CODES });
  const checked = codes.map(({ code, label, meaning }, i) => {
    const field = `attendanceCodes[${i}]`;
    const normal = code.trim().toUpperCase();
    if (!ATTENDANCE_CODE.test(normal)) throw new DomainError('invalid-attendance-codes', { field: `${field}.code` });
    const text = label.trim();
    if (!text || text.length > MAX_CODE_LABEL)
      throw new DomainError('invalid-attendance-codes', { field: `${field}.label`, maxLength: MAX_CODE_LABEL });
    if (!ATTENDANCE_MEANINGS.some((m) => m === meaning))
      throw new DomainError('invalid-attendance-codes', { field: `${field}.meaning`, allowed: ATTENDANCE_MEANINGS });
    return { code: normal, label: text, meaning };
  });
  const seen = new Set<string>();
  for (const { code } of checked) {
    if (seen.has(code)) throw new DomainError('duplicate-attendance-code', { code });
    seen.add(code);
  }
  // A register must be able to say both, or no rate can be computed.
  for (const needed of ['present', 'absent'])
    if (!checked.some((c) => c.meaning === needed))
      throw new DomainError('attendance-codes-incomplete', { missingMeaning: needed });
  return checked;
}

function absenceThresholds(thresholds: AbsenceThresholds): AbsenceThresholds {
  for (const [field, bounds] of Object.entries(THRESHOLD_BOUNDS)) {
    if (!within(thresholds[field as keyof AbsenceThresholds], bounds))
      throw new DomainError('invalid-absence-thresholds', {
        field: `absenceThresholds.${field}`,
        min: bounds[0],
        max: bounds[1],
      });
  }
  return { ...thresholds };
}

function registerLockDays(days: number | null | undefined): number | null {
  if (days === null || days === undefined) return null;
  if (!within(days, LOCK_DAYS_BOUNDS))
    throw new DomainError('invalid-register-lock-days', {
      field: 'registerLockDays',
      min: LOCK_DAYS_BOUNDS[0],
      max: LOCK_DAYS_BOUNDS[1],
    });
  return days;
}

/** The group's policy checked and normalised (codes upper-cased, labels trimmed), or the rule it breaks. */
export function checkGroupPolicy(policy: GroupPolicy): GroupPolicy {
  return {
    loanRules: loanRules(policy.loanRules),
    attendanceCodes: attendanceCodes(policy.attendanceCodes),
    absenceThresholds: absenceThresholds(policy.absenceThresholds),
    registerLockDays: registerLockDays(policy.registerLockDays),
  };
}

/** A school's settings checked as the group's are; null areas stay null. */
export function checkSchoolSettings(settings: SchoolSettings): SchoolSettings {
  return {
    loanRules: settings.loanRules && loanRules(settings.loanRules),
    attendanceCodes: settings.attendanceCodes && attendanceCodes(settings.attendanceCodes),
    absenceThresholds: settings.absenceThresholds && absenceThresholds(settings.absenceThresholds),
    registerLockDays: registerLockDays(settings.registerLockDays),
  };
}

/** Plain data in one key order: what was stored (Postgres jsonb reorders keys) compares with what was asked. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;

/** Policies compared by value, whatever order their keys come in. */
export const samePolicy = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Where an area's effective value comes from. */
export type PolicySource = 'school' | 'group' | 'none';
export type EffectiveArea<T> = { value: T; source: 'school' | 'group' } | { value: null; source: 'none' };
export type EffectivePolicy = { [Area in keyof GroupPolicy]: EffectiveArea<GroupPolicy[Area]> };

function area<T>(own: T | null, group: T | null): EffectiveArea<T> {
  if (own !== null) return { value: own, source: 'school' };
  if (group !== null) return { value: group, source: 'group' };
  return { value: null, source: 'none' };
}

/** The rule "a school setting overrides the group default", area by area; `none` before any group policy. */
export function effectivePolicy(group: GroupPolicy | null, school: SchoolSettings): EffectivePolicy {
  return {
    loanRules: area(school.loanRules, group?.loanRules ?? null),
    attendanceCodes: area(school.attendanceCodes, group?.attendanceCodes ?? null),
    absenceThresholds: area(school.absenceThresholds, group?.absenceThresholds ?? null),
    // Settings and policies stored before the lock existed have no such key: null, as the contract's default.
    registerLockDays: area(school.registerLockDays ?? null, group?.registerLockDays ?? null),
  };
}

import type { AttendanceCode, GroupPolicy, LoanRules, SchoolSettings } from '../../src/domain';

export const NOW = '2026-03-02T09:00:00.000Z';
export const metadata = { now: NOW };
export const HQ_ADMIN = '0195f0a2-7c1e-7000-8000-0000000000ad';
export const SCHOOL = '0195f0a2-7c1e-7000-8000-000000000001';
export const OTHER_SCHOOL = '0195f0a2-7c1e-7000-8000-000000000002';
export const PRINCIPAL = '0195f0a2-7c1e-7000-8000-0000000000b1';

export const loanRules = (overrides: Partial<LoanRules> = {}): LoanRules => ({
  loanPeriodDays: 14,
  maxLoans: 3,
  maxRenewals: 2,
  maxHolds: 2,
  fineRatePerDayMinor: 100,
  currency: 'INR',
  graceDays: 1,
  fineCapMinor: null,
  ...overrides,
});

export const CODES: AttendanceCode[] = [
  { code: 'P', label: 'Present', meaning: 'present' },
  { code: 'A', label: 'Absent', meaning: 'absent' },
  { code: 'L', label: 'Late', meaning: 'late' },
];

export const groupPolicy = (overrides: Partial<GroupPolicy> = {}): GroupPolicy => ({
  loanRules: loanRules(),
  attendanceCodes: CODES,
  absenceThresholds: { consecutiveAbsentDays: 3, minimumAttendancePercent: 75 },
  registerLockDays: null,
  ...overrides,
});

export const settings = (overrides: Partial<SchoolSettings> = {}): SchoolSettings => ({
  loanRules: null,
  attendanceCodes: null,
  absenceThresholds: null,
  registerLockDays: null,
  ...overrides,
});

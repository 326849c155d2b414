import { DomainError } from '@hexfleet/kernel';
import type { attendance } from '@hexfleet/schemas';

/** How a code counts: late and left-early are attended; excused is left out of the rate. */
export type Meaning = 'present' | 'late' | 'absent' | 'excused' | 'left-early';
export const MEANINGS: readonly Meaning[] = ['present', 'late', 'absent', 'excused', 'left-early'];
const ATTENDED: readonly string[] = ['present', 'late', 'left-early'];

export type AttendanceCode = attendance.AttendanceCode;
export type AbsenceThresholds = attendance.AbsenceThresholds;

/** What a school marks with before HQ publishes a policy (ADR 0050). */
export const DEFAULT_CODES: readonly AttendanceCode[] = [
  { code: 'P', label: 'Present', meaning: 'present' },
  { code: 'L', label: 'Late', meaning: 'late' },
  { code: 'A', label: 'Absent', meaning: 'absent' },
  { code: 'E', label: 'Excused', meaning: 'excused' },
  { code: 'LE', label: 'Left early', meaning: 'left-early' },
];
export const DEFAULT_THRESHOLDS: AbsenceThresholds = { consecutiveAbsentDays: 3, minimumAttendancePercent: 75 };

export const attended = (meaning: string): boolean => ATTENDED.includes(meaning);

/** The code as the school's list has it, or `unknown-code` naming it. */
export function codeIn(codes: readonly AttendanceCode[], code: string): AttendanceCode {
  const found = codes.find((c) => c.code === code);
  if (!found) throw new DomainError('unknown-code', { code, known: codes.map((c) => c.code) });
  return found;
}

/** The first code meaning present: what "all present" marks. */
export function presentCode(codes: readonly AttendanceCode[]): AttendanceCode {
  const found = codes.find((c) => c.meaning === 'present');
  if (!found) throw new DomainError('no-present-code');
  return found;
}

/** Attended / counted in whole percent, rounded down; excused and withdrawn records do not count. */
export function ratePercent(meanings: readonly string[]): { attended: number; counted: number; percent: number } {
  const counted = meanings.filter((m) => MEANINGS.includes(m as Meaning) && m !== 'excused');
  const present = counted.filter(attended).length;
  return {
    attended: present,
    counted: counted.length,
    percent: counted.length === 0 ? 100 : Math.floor((present * 100) / counted.length),
  };
}

/** The first code meaning excused: what a school event pre-fills; null when the school has none. */
export const excusedCode = (codes: readonly AttendanceCode[]): AttendanceCode | null =>
  codes.find((c) => c.meaning === 'excused') ?? null;

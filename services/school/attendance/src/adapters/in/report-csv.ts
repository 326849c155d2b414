import type { views } from '@hexfleet/schemas';

export interface NamedLine extends views.attendance.GroupReportLineView {
  rollNumber: number | null;
  firstName: string;
  lastName: string;
}

const COLUMNS = [
  'roll_number',
  'student_id',
  'first_name',
  'last_name',
  'records',
  'present',
  'late',
  'left_early',
  'absent',
  'excused',
  'attendance_percent',
  'absence_percent',
];

/** A cell as spreadsheets read it: quoted when needed, and never a formula (a leading = + - @ is escaped). */
export function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A group's report as CSV: one row per student (by roll number), then the group's totals. */
export function reportCsv(lines: readonly NamedLine[], totals: views.attendance.AttendanceTotalsView): string {
  const row = (t: views.attendance.AttendanceTotalsView) => [
    t.records,
    t.present,
    t.late,
    t.leftEarly,
    t.absent,
    t.excused,
    t.attendancePercent,
    t.absencePercent,
  ];
  const rows = [
    COLUMNS,
    ...lines.map((l) => [l.rollNumber, l.studentId, l.firstName, l.lastName, ...row(l)]),
    [null, 'total', null, null, ...row(totals)],
  ];
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

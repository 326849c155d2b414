import { DomainError } from '@hexfleet/kernel';
import type { GuardianInput } from '../domain';

/** The columns a student CSV has, in any order; the header names them. Required ones must be there. */
export const REQUIRED_COLUMNS = [
  'admission_number',
  'first_name',
  'birth_date',
  'grade',
  'section',
  'guardian_name',
  'guardian_relationship',
] as const;
export const OPTIONAL_COLUMNS = [
  'last_name',
  'gender',
  'email',
  'roll_number',
  'guardian_email',
  'guardian_phone',
  'guardian2_name',
  'guardian2_relationship',
  'guardian2_email',
  'guardian2_phone',
] as const;
export type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
export const COLUMNS: readonly Column[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

/** One data row of the file: its line (the header is line 1) and its cells by column. */
export interface ImportRow {
  line: number;
  cells: Partial<Record<Column, string>>;
}

/** The file as received and checked whole: nothing is written before this exists. */
export interface ImportFile {
  fileName: string;
  sha256: string;
  rows: ImportRow[];
}

/** A command's field as the CSV column a person would fix (`guardians[1].email` -> `guardian2_email`). */
export function columnOf(field: string): string {
  const guardian = /^guardians\[(\d)\]\.(\w+)$/.exec(field);
  if (guardian) return `guardian${guardian[1] === '0' ? '' : Number(guardian[1]) + 1}_${snake(guardian[2])}`;
  return field === 'guardians' ? 'guardian_name' : snake(field);
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const cell = (row: ImportRow, column: Column) => {
  const value = row.cells[column]?.trim() ?? '';
  return value === '' ? null : value;
};

function guardian(row: ImportRow, prefix: 'guardian' | 'guardian2', primary: boolean): GuardianInput | null {
  const name = cell(row, `${prefix}_name`);
  const relationship = cell(row, `${prefix}_relationship`);
  const email = cell(row, `${prefix}_email`);
  const phone = cell(row, `${prefix}_phone`);
  if (!primary && !name && !relationship && !email && !phone) return null;
  return { name: name ?? '', relationship: relationship ?? '', email, phone, primary };
}

/** What a row asks for: an admission, and a seat in grade and section (the domain checks the values). */
export function rowRequest(row: ImportRow) {
  const roll = cell(row, 'roll_number');
  if (roll !== null && !/^\d{1,4}$/.test(roll)) throw new DomainError('invalid-roll-number', { field: 'rollNumber' });
  const guardians = [guardian(row, 'guardian', true), guardian(row, 'guardian2', false)];
  return {
    admission: {
      admissionNumber: cell(row, 'admission_number') ?? '',
      firstName: cell(row, 'first_name') ?? '',
      lastName: cell(row, 'last_name') ?? '',
      birthDate: cell(row, 'birth_date') ?? '',
      gender: cell(row, 'gender'),
      email: cell(row, 'email'),
      guardians: guardians.filter((g): g is GuardianInput => g !== null),
    },
    grade: cell(row, 'grade') ?? '',
    section: cell(row, 'section') ?? '',
    rollNumber: roll === null ? null : Number(roll),
  };
}

import { DomainError } from '@hexfleet/kernel';

/** A school code as stored: trimmed, upper-cased, 2 to 16 letters, digits or hyphens, a letter first. */
export const SCHOOL_CODE = /^[A-Z][A-Z0-9-]{1,15}$/;

export function normalizeSchoolCode(code: string): string {
  const normal = (code ?? '').trim().toUpperCase();
  if (!SCHOOL_CODE.test(normal))
    throw new DomainError('invalid-school-code', { field: 'code', pattern: SCHOOL_CODE.source });
  return normal;
}

/**
 * The grade a group's students move up to at the year's end: the next number (5 -> 6,
 * "05" -> "06"), or null for a grade that is not a number (a school names those itself).
 */
export function nextGrade(grade: string): string | null {
  const trimmed = grade.trim();
  if (!/^\d{1,2}$/.test(trimmed)) return null;
  return String(Number(trimmed) + 1).padStart(trimmed.length, '0');
}

/**
 * Where a group's students go at the year's end: the same section of the next grade, or out
 * of the school (graduated) from its highest grade. Grades that are not numbers stay put.
 */
export function promotionOf(
  group: { grade: string; section: string },
  highestGrade: number,
): { kind: 'promote'; grade: string; section: string } | { kind: 'graduate' } | { kind: 'stay' } {
  const next = nextGrade(group.grade);
  if (next === null) return { kind: 'stay' };
  if (Number(group.grade) >= highestGrade) return { kind: 'graduate' };
  return { kind: 'promote', grade: next, section: group.section.trim() };
}

/** The highest numeric grade among a year's groups: its students leave the school at the year's end. */
export const highestGrade = (grades: readonly string[]): number =>
  Math.max(0, ...grades.filter((g) => nextGrade(g) !== null).map(Number));

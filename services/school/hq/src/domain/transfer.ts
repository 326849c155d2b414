import { CalendarDate, DomainError } from '@hexfleet/kernel';
import type { SchoolFact } from './academic-year.decider';

export const MAX_TRANSFER_REASON = 500;

/** What a transfer names, with the two schools as their streams say now. */
export interface Move {
  transferId: string;
  fromSchoolId: string;
  toSchoolId: string;
  effectiveDate: string;
  reason: string;
  transferredBy: string;
  schools: { from: SchoolFact['status']; to: SchoolFact['status'] };
}

/** Where a person is placed: their one school, since when. */
export interface Placement {
  schoolId: string;
  since: string;
}

/**
 * The rules every transfer keeps: two different schools of the group, the new one open;
 * a person is in one school at a time, so a transfer starts from the school they are in,
 * and never before their last move.
 */
export function checkMove(move: Move, placed: Placement | null): Move {
  const { fromSchoolId, toSchoolId } = move;
  const effectiveDate = CalendarDate.parse(move.effectiveDate, 'effectiveDate');
  if (fromSchoolId === toSchoolId) throw new DomainError('transfer-to-same-school', { field: 'toSchoolId' });
  if (move.schools.from === 'none')
    throw new DomainError('school-not-in-group', { field: 'fromSchoolId', schoolId: fromSchoolId });
  if (move.schools.to !== 'open') throw new DomainError('school-not-open', { schoolId: toSchoolId });
  if (placed && placed.schoolId !== fromSchoolId)
    throw new DomainError('not-at-school', { fromSchoolId, currentSchoolId: placed.schoolId });
  if (placed && effectiveDate < placed.since)
    throw new DomainError('transfer-before-last', { effectiveDate, lastMove: placed.since });
  const reason = (move.reason ?? '').trim();
  if (reason.length > MAX_TRANSFER_REASON)
    throw new DomainError('reason-too-long', { field: 'reason', maxLength: MAX_TRANSFER_REASON });
  return { ...move, effectiveDate, reason };
}

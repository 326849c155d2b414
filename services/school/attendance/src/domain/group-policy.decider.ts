import { assertNever } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { attendance } from '@hexfleet/schemas';
import { DEFAULT_CODES, DEFAULT_THRESHOLDS } from './codes';
import type { AbsenceThresholds, AttendanceCode } from './codes';
import type { Command } from './command';
import type { SchoolState } from './school.decider';

/** Stream `<tenant>/group-policy/group`, topic attendance.group-policy.v1 (internal): HQ's attendance areas. */
export type GroupPolicyEvent = attendance.AttendanceGroupPolicyV1Event;

export type NoteGroupPolicy = Command<'NoteGroupPolicy', attendance.GroupAttendancePolicyNotedData>;

export interface GroupPolicyState {
  version: number;
  codes: AttendanceCode[] | null;
  thresholds: AbsenceThresholds | null;
  /** HQ's register lock in days; null: the service's default. */
  lockDays: number | null;
}

export interface EffectivePolicy {
  codes: readonly AttendanceCode[];
  thresholds: AbsenceThresholds;
  /** Null: the service's default (ATTENDANCE_LOCK_DAYS). */
  lockDays: number | null;
}

/** ADR 0038's rule: the school's area when it set one, else the group's latest, else the defaults (ADR 0050, 0055). */
export function effectivePolicy(group: GroupPolicyState, school: SchoolState): EffectivePolicy {
  return {
    codes: school.codes ?? group.codes ?? DEFAULT_CODES,
    thresholds: school.thresholds ?? group.thresholds ?? DEFAULT_THRESHOLDS,
    lockDays: school.lockDays ?? group.lockDays ?? null,
  };
}

function decide(command: NoteGroupPolicy, state: GroupPolicyState): GroupPolicyEvent[] {
  switch (command.type) {
    case 'NoteGroupPolicy':
      // Versions can arrive again (redelivery) but never out of order on HQ's one-stream topic.
      return command.data.policyVersion <= state.version ? [] : [attendance.groupAttendancePolicyNoted(command.data)];
    default:
      return assertNever(command.type);
  }
}

function evolve(_state: GroupPolicyState, event: GroupPolicyEvent): GroupPolicyState {
  switch (event.type) {
    case 'GroupAttendancePolicyNoted':
      return {
        version: event.data.policyVersion,
        codes: event.data.attendanceCodes,
        thresholds: event.data.absenceThresholds,
        lockDays: event.data.registerLockDays ?? null,
      };
    default:
      return assertNever(event.type);
  }
}

export const groupPolicyDecider: Decider<NoteGroupPolicy, GroupPolicyEvent, GroupPolicyState> = {
  initialState: { version: 0, codes: null, thresholds: null, lockDays: null },
  decide,
  evolve,
};

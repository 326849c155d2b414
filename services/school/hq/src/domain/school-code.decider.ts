import { assertNever, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { hq } from '@hexfleet/schemas';
import type { Command } from './command';
import { normalizeSchoolCode } from './school-code';

/**
 * Stream `<tenant>/school-code/<CODE>`: one stream per code, so "school code unique in
 * the group" is guarded by this stream's version (ADR 0037). Opening a school appends
 * the claim and SchoolOpened in one transaction: two schools racing for a code both
 * append here at the version they read, and the second fails, whatever the school
 * streams say. A code is never released: a closed school keeps it.
 */
export type ClaimSchoolCode = Command<'ClaimSchoolCode', { code: string; schoolId: string }>;
export type SchoolCodeCommand = ClaimSchoolCode;
export type SchoolCodeEvent = hq.HqSchoolCodeV1Event;
export type SchoolCodeState = { status: 'free' } | { status: 'claimed'; code: string; schoolId: string };

function decide(command: SchoolCodeCommand, state: SchoolCodeState): SchoolCodeEvent[] {
  switch (command.type) {
    case 'ClaimSchoolCode': {
      const code = normalizeSchoolCode(command.data.code);
      const { schoolId } = command.data;
      if (state.status === 'free') return [hq.schoolCodeClaimed({ code, schoolId, claimedAt: command.metadata.now })];
      if (state.code !== code) throw new DomainError('wrong-school-code-stream', { code, stream: state.code });
      // The same school again is a retried opening: nothing changes.
      if (state.schoolId === schoolId) return [];
      throw new DomainError('school-code-taken', { code });
    }
    default:
      return assertNever(command.type);
  }
}

function evolve(_state: SchoolCodeState, event: SchoolCodeEvent): SchoolCodeState {
  switch (event.type) {
    case 'SchoolCodeClaimed':
      return { status: 'claimed', code: event.data.code, schoolId: event.data.schoolId };
    default:
      return assertNever(event.type);
  }
}

export const schoolCodeDecider: Decider<SchoolCodeCommand, SchoolCodeEvent, SchoolCodeState> = {
  initialState: { status: 'free' },
  decide,
  evolve,
};

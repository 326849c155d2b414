import { assertNever, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { hq } from '@hexfleet/schemas';
import type { Command } from './command';
import { isTimeZone, requireText } from './command';
import { checkSchoolSettings, NO_SETTINGS, samePolicy } from './policy';
import type { SchoolSettings } from './policy';
import { normalizeSchoolCode } from './school-code';

/** Stream `<tenant>/school/<schoolId>`, topic hq.school.v1. */
export type SchoolEvent = hq.HqSchoolV1Event;

export const MAX_SCHOOL_NAME = 120;
export const MAX_REASON = 500;

export type OpenSchool = Command<
  'OpenSchool',
  { schoolId: string; code: string; name: string; timeZone: string; principalUserId: string | null; openedBy: string }
>;
export type CloseSchool = Command<'CloseSchool', { reason: string; closedBy: string }>;
export type AssignPrincipal = Command<'AssignPrincipal', { principalUserId: string; assignedBy: string }>;
export type SetSchoolPolicy = Command<'SetSchoolPolicy', { settings: SchoolSettings; setBy: string }>;
export type RollOverSchool = Command<'RollOverSchool', { fromYearId: string; toYearId: string; rolledOverBy: string }>;
export type SchoolCommand = OpenSchool | CloseSchool | AssignPrincipal | SetSchoolPolicy | RollOverSchool;

export interface School {
  schoolId: string;
  code: string;
  name: string;
  timeZone: string;
  principalUserId: string | null;
  settings: SchoolSettings;
  /** Each rollover the school went through: the year it left -> the year it entered. */
  rolledOver: Readonly<Record<string, string>>;
}

export type SchoolState = { status: 'none' } | ({ status: 'open' } & School) | ({ status: 'closed' } & School);

/** The school, open: a closed one takes no principal, settings or rollover. */
function open(state: SchoolState): School {
  if (state.status === 'none') throw new DomainError('school-not-found');
  if (state.status === 'closed') throw new DomainError('school-closed', { schoolId: state.schoolId });
  return state;
}

function openSchool({ data, metadata }: OpenSchool, state: SchoolState): SchoolEvent[] {
  if (state.status !== 'none') throw new DomainError('school-already-exists', { schoolId: state.schoolId });
  if (!isTimeZone(data.timeZone)) throw new DomainError('invalid-time-zone', { field: 'timeZone' });
  return [
    hq.schoolOpened({
      schoolId: data.schoolId,
      code: normalizeSchoolCode(data.code),
      name: requireText(data.name, MAX_SCHOOL_NAME, 'invalid-school-name', 'name'),
      timeZone: data.timeZone,
      principalUserId: data.principalUserId,
      openedBy: data.openedBy,
      openedAt: metadata.now,
    }),
  ];
}

function rollOver({ data, metadata }: RollOverSchool, state: SchoolState): SchoolEvent[] {
  const school = open(state);
  const { fromYearId, toYearId } = data;
  const entered = school.rolledOver[fromYearId];
  // A resumed or repeated rollover meets the schools it already moved: nothing to do.
  if (entered === toYearId) return [];
  if (entered !== undefined) throw new DomainError('year-already-rolled-over', { fromYearId, toYearId: entered });
  return [hq.yearRolledOver({ schoolId: school.schoolId, ...data, rolledOverAt: metadata.now })];
}

function decide(command: SchoolCommand, state: SchoolState): SchoolEvent[] {
  const now = command.metadata.now;
  switch (command.type) {
    case 'OpenSchool':
      return openSchool(command, state);
    case 'CloseSchool': {
      if (state.status === 'closed') throw new DomainError('school-already-closed', { schoolId: state.schoolId });
      const { schoolId, code } = open(state);
      const reason = requireText(command.data.reason, MAX_REASON, 'reason-required', 'reason');
      return [hq.schoolClosed({ schoolId, code, reason, closedBy: command.data.closedBy, closedAt: now })];
    }
    case 'AssignPrincipal': {
      const school = open(state);
      const { principalUserId, assignedBy } = command.data;
      if (school.principalUserId === principalUserId) throw new DomainError('principal-unchanged', { principalUserId });
      return [
        hq.principalAssigned({
          schoolId: school.schoolId,
          principalUserId,
          previousPrincipalUserId: school.principalUserId,
          assignedBy,
          assignedAt: now,
        }),
      ];
    }
    case 'SetSchoolPolicy': {
      const school = open(state);
      const settings = checkSchoolSettings(command.data.settings);
      if (samePolicy(settings, school.settings)) throw new DomainError('school-policy-unchanged');
      return [hq.schoolPolicySet({ schoolId: school.schoolId, ...settings, setBy: command.data.setBy, setAt: now })];
    }
    case 'RollOverSchool':
      return rollOver(command, state);
    default:
      return assertNever(command);
  }
}

function evolve(state: SchoolState, event: SchoolEvent): SchoolState {
  if (event.type === 'SchoolOpened') {
    const { schoolId, code, name, timeZone, principalUserId } = event.data;
    return {
      status: 'open',
      schoolId,
      code,
      name,
      timeZone,
      principalUserId,
      settings: NO_SETTINGS,
      rolledOver: {},
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'SchoolClosed':
      return { ...state, status: 'closed' };
    case 'PrincipalAssigned':
      return { ...state, principalUserId: event.data.principalUserId };
    case 'SchoolPolicySet': {
      const { loanRules, attendanceCodes, absenceThresholds, registerLockDays } = event.data;
      return { ...state, settings: { loanRules, attendanceCodes, absenceThresholds, registerLockDays } };
    }
    case 'YearRolledOver':
      return { ...state, rolledOver: { ...state.rolledOver, [event.data.fromYearId]: event.data.toYearId } };
    default:
      return assertNever(event);
  }
}

export const schoolDecider: Decider<SchoolCommand, SchoolEvent, SchoolState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};

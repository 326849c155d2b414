import { assertNever } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { admin } from '@hexfleet/schemas';
import type { Command } from './command';

/**
 * Stream `<tenant>/hq-facts/hq`, topic admin.hq-facts.v1 (internal): the schools and the
 * every-school year templates Admin has seen from HQ. HQ's two topics arrive in any order;
 * noting each fact on one stream, in the transaction that acts on it, means that of a school
 * opened and a template published at once, the second to commit sees the first.
 */
export type HqFactsEvent = admin.AdminHqFactsV1Event;

export type YearTemplate = Omit<admin.HqYearTemplateNotedData, 'notedAt'>;

export type NoteSchool = Command<'NoteSchool', { schoolId: string; open: boolean }>;
export type NoteTemplate = Command<'NoteTemplate', YearTemplate>;
export type HqFactsCommand = NoteSchool | NoteTemplate;

export interface HqFactsState {
  schools: Record<string, boolean>;
  templates: YearTemplate[];
}

/** Noting what is known already decides nothing: a redelivered HQ event changes no fact. */
function decide(command: HqFactsCommand, state: HqFactsState): HqFactsEvent[] {
  const notedAt = command.metadata.now;
  switch (command.type) {
    case 'NoteSchool': {
      const { schoolId, open } = command.data;
      return state.schools[schoolId] === open ? [] : [admin.hqSchoolNoted({ schoolId, open, notedAt })];
    }
    case 'NoteTemplate':
      return state.templates.some((t) => t.templateId === command.data.templateId)
        ? []
        : [admin.hqYearTemplateNoted({ ...command.data, notedAt })];
    default:
      return assertNever(command);
  }
}

function evolve(state: HqFactsState, event: HqFactsEvent): HqFactsState {
  switch (event.type) {
    case 'HqSchoolNoted':
      return { ...state, schools: { ...state.schools, [event.data.schoolId]: event.data.open } };
    case 'HqYearTemplateNoted': {
      const { notedAt: _at, ...template } = event.data;
      return { ...state, templates: [...state.templates, template] };
    }
    default:
      return assertNever(event);
  }
}

export const hqFactsDecider: Decider<HqFactsCommand, HqFactsEvent, HqFactsState> = {
  initialState: { schools: {}, templates: [] },
  decide,
  evolve,
};

/** The schools HQ has open. */
export const openSchools = (state: HqFactsState): string[] =>
  Object.entries(state.schools).flatMap(([schoolId, open]) => (open ? [schoolId] : []));

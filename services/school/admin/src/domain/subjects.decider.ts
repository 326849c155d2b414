import { assertNever, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { admin } from '@hexfleet/schemas';
import type { Command } from './command';
import { requireText } from './rules';

/** Stream `<tenant>/subjects/<schoolId>`, topic admin.subject.v1: what one school teaches. */
export type SubjectEvent = admin.AdminSubjectV1Event;

export type DefineSubject = Command<
  'DefineSubject',
  { subjectId: string; schoolId: string; code: string; name: string }
>;
export type SubjectCommand = DefineSubject;

export interface Subject {
  subjectId: string;
  code: string;
  name: string;
}

export interface SubjectsState {
  schoolId: string | null;
  subjects: Subject[];
}

/** Letters, digits and dashes, upper-cased: MATH, SCI-2. */
export const SUBJECT_CODE = /^[A-Z0-9][A-Z0-9-]{0,15}$/;

function decide(command: SubjectCommand, state: SubjectsState): SubjectEvent[] {
  switch (command.type) {
    case 'DefineSubject': {
      const { data, metadata } = command;
      if (state.schoolId !== null && state.schoolId !== data.schoolId)
        throw new DomainError('subjects-of-another-school', { schoolId: state.schoolId });
      const code = requireText(data.code, 'code', 16).toUpperCase();
      if (!SUBJECT_CODE.test(code)) throw new DomainError('invalid-subject-code', { code });
      const name = requireText(data.name, 'name', 100);
      if (state.subjects.some((s) => s.subjectId === data.subjectId))
        throw new DomainError('subject-already-defined', { subjectId: data.subjectId });
      const taken = state.subjects.find((s) => s.code === code);
      if (taken) throw new DomainError('subject-code-taken', { code, subjectId: taken.subjectId });
      return [
        admin.subjectDefined({
          subjectId: data.subjectId,
          schoolId: data.schoolId,
          code,
          name,
          definedAt: metadata.now,
        }),
      ];
    }
    default:
      return assertNever(command.type);
  }
}

function evolve(state: SubjectsState, event: SubjectEvent): SubjectsState {
  switch (event.type) {
    case 'SubjectDefined': {
      const { subjectId, schoolId, code, name } = event.data;
      return { schoolId, subjects: [...state.subjects, { subjectId, code, name }] };
    }
    default:
      return assertNever(event.type);
  }
}

export const subjectsDecider: Decider<SubjectCommand, SubjectEvent, SubjectsState> = {
  initialState: { schoolId: null, subjects: [] },
  decide,
  evolve,
};

/** The subject an id names in this school, or `subject-not-found`. */
export function subjectOf(state: SubjectsState, subjectId: string): Subject {
  const subject = state.subjects.find((s) => s.subjectId === subjectId);
  if (!subject) throw new DomainError('subject-not-found', { subjectId });
  return subject;
}

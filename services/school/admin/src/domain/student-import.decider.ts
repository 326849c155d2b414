import { assertNever, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { admin } from '@hexfleet/schemas';
import type { Command } from './command';

/** Stream `<tenant>/student-import/<importId>`, topic admin.student-import.v1 (internal). */
export type StudentImportEvent = admin.AdminStudentImportV1Event;

/** The most data rows one file may hold: a large school's whole roll, not a district's. */
export const MAX_IMPORT_ROWS = 20_000;

export interface ImportTotals {
  processed: number;
  admitted: number;
  unchanged: number;
  refused: number;
}

export type StartImport = Command<'StartImport', Omit<admin.StudentImportStartedData, 'startedAt'>>;
export type RecordProgress = Command<'RecordProgress', ImportTotals & { errors: admin.ImportRowError[] }>;
export type CompleteImport = Command<'CompleteImport', Record<string, never>>;
export type StudentImportCommand = StartImport | RecordProgress | CompleteImport;

export type StudentImportState =
  { status: 'none' } | ({ status: 'running' | 'completed'; importId: string; rows: number } & ImportTotals);

const ZERO: ImportTotals = { processed: 0, admitted: 0, unchanged: 0, refused: 0 };

function running(state: StudentImportState) {
  if (state.status === 'none') throw new DomainError('import-not-found');
  if (state.status !== 'running') throw new DomainError('import-not-running', { importId: state.importId });
  return state;
}

/** Totals only grow, add up, and never pass the file's rows. */
function checkTotals(state: { rows: number } & ImportTotals, next: ImportTotals) {
  const { processed, admitted, unchanged, refused } = next;
  if (admitted + unchanged + refused !== processed) throw new DomainError('import-totals-do-not-add-up', { ...next });
  if (processed > state.rows) throw new DomainError('import-progress-beyond-rows', { processed, rows: state.rows });
  if ((Object.keys(ZERO) as Array<keyof ImportTotals>).some((k) => next[k] < state[k]))
    throw new DomainError('import-progress-backwards', { ...next });
}

function decide(command: StudentImportCommand, state: StudentImportState): StudentImportEvent[] {
  switch (command.type) {
    case 'StartImport': {
      if (state.status !== 'none') throw new DomainError('import-already-started', { importId: state.importId });
      const { rows } = command.data;
      if (rows < 1) throw new DomainError('import-empty');
      if (rows > MAX_IMPORT_ROWS) throw new DomainError('import-too-many-rows', { rows, maxRows: MAX_IMPORT_ROWS });
      return [admin.studentImportStarted({ ...command.data, startedAt: command.metadata.now })];
    }
    case 'RecordProgress': {
      const current = running(state);
      const { errors, ...totals } = command.data;
      checkTotals(current, totals);
      if (errors.length !== totals.refused - current.refused)
        throw new DomainError('import-errors-do-not-match', { errors: errors.length });
      const progressedAt = command.metadata.now;
      return [admin.studentImportProgressed({ importId: current.importId, ...totals, errors, progressedAt })];
    }
    case 'CompleteImport': {
      const { importId, rows, processed, admitted, unchanged, refused } = running(state);
      if (processed !== rows) throw new DomainError('import-incomplete', { processed, rows });
      const completedAt = command.metadata.now;
      return [admin.studentImportCompleted({ importId, processed, admitted, unchanged, refused, completedAt })];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: StudentImportState, event: StudentImportEvent): StudentImportState {
  switch (event.type) {
    case 'StudentImportStarted':
      return { status: 'running', importId: event.data.importId, rows: event.data.rows, ...ZERO };
    case 'StudentImportProgressed': {
      if (state.status === 'none') return state;
      const { processed, admitted, unchanged, refused } = event.data;
      return { ...state, processed, admitted, unchanged, refused };
    }
    case 'StudentImportCompleted':
      return state.status === 'none' ? state : { ...state, status: 'completed' };
    default:
      return assertNever(event);
  }
}

export const studentImportDecider: Decider<StudentImportCommand, StudentImportEvent, StudentImportState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};

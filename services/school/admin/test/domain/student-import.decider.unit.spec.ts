import { admin } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { MAX_IMPORT_ROWS, rowWork, studentImportDecider } from '../../src/domain';
import type { StudentEvent, StudentImportCommand } from '../../src/domain';
import { admitted, enrolled, GROUP, metadata, NOW, OTHER_GROUP, SCHOOL, YEAR } from './fixtures';
import { fold } from '@hexfleet/kernel';
import { studentDecider } from '../../src/domain';

const given = deciderSpec(studentImportDecider);
const IMPORT = '0195f0a2-7c1e-7000-8000-0000000cc001';
const startData = {
  importId: IMPORT,
  schoolId: SCHOOL,
  yearId: YEAR,
  enrolledOn: '2026-04-01',
  fileName: 'grade-5.csv',
  fileSha256: 'ab'.repeat(32),
  rows: 3,
  startedBy: 'admin-user',
};
const start = (rows = 3): StudentImportCommand => ({ type: 'StartImport', data: { ...startData, rows }, metadata });
const started = admin.studentImportStarted({ ...startData, startedAt: NOW });
const rowError = { line: 3, admissionNumber: 'A-2', field: 'first_name', code: 'formula-like-text', message: 'x' };
const progress = (processed: number, admitted: number, refused: number, errors = refused ? [rowError] : []) => ({
  type: 'RecordProgress' as const,
  data: { processed, admitted, unchanged: 0, refused, errors },
  metadata,
});
const progressed = (processed: number, admitted: number, refused: number) =>
  admin.studentImportProgressed({
    importId: IMPORT,
    processed,
    admitted,
    unchanged: 0,
    refused,
    errors: refused ? [rowError] : [],
    progressedAt: NOW,
  });
const complete: StudentImportCommand = { type: 'CompleteImport', data: {}, metadata };

describe('an import’s progress', () => {
  it('starts with its rows counted, and refuses an empty or oversized file and a second start', () => {
    given([]).when(start()).then([started]);
    given([]).when(start(0)).thenThrows('import-empty');
    given([])
      .when(start(MAX_IMPORT_ROWS + 1))
      .thenThrows('import-too-many-rows');
    given([started]).when(start()).thenThrows('import-already-started');
  });

  it('records totals that add up, only grow, never pass the rows, and carry one error per refused row', () => {
    given([started])
      .when(progress(2, 1, 1))
      .then([progressed(2, 1, 1)]);
    given([started])
      .when(progress(2, 2, 1))
      .thenThrows('import-totals-do-not-add-up');
    given([started])
      .when(progress(4, 3, 1))
      .thenThrows('import-progress-beyond-rows');
    given([started, progressed(2, 1, 1)])
      .when(progress(1, 0, 1, []))
      .thenThrows('import-progress-backwards');
    given([started])
      .when(progress(1, 0, 1, []))
      .thenThrows('import-errors-do-not-match');
  });

  it('completes only when every row is done, and takes nothing after', () => {
    given([started, progressed(2, 1, 1)])
      .when(complete)
      .thenThrows('import-incomplete', { processed: 2, rows: 3 });
    const done = progressed(3, 2, 1);
    given([started, done])
      .when(complete)
      .then([
        admin.studentImportCompleted({
          importId: IMPORT,
          processed: 3,
          admitted: 2,
          unchanged: 0,
          refused: 1,
          completedAt: NOW,
        }),
      ]);
    given([]).when(complete).thenThrows('import-not-found');
  });
});

describe('the same file imported twice changes nothing', () => {
  const row = admitted().data;
  const state = (events: StudentEvent[] = []) => fold(studentDecider, events);
  const target = { yearId: YEAR, groupId: GROUP };

  it('admits a new number, enrols an admitted student, and leaves one enrolled as the row says', () => {
    expect(rowWork(state(), row, target)).toBe('admit');
    expect(rowWork(state([admitted()]), row, target)).toBe('enrol');
    expect(rowWork(state([admitted(), enrolled()]), row, target)).toBe('unchanged');
  });

  it('refuses a number taken by another person, or a student enrolled elsewhere', () => {
    expect(() => rowWork(state([admitted()]), { ...row, firstName: 'Someone' }, target)).toThrow(
      'admission-number-taken',
    );
    expect(() => rowWork(state([admitted(), enrolled()]), row, { yearId: YEAR, groupId: OTHER_GROUP })).toThrow(
      'student-already-enrolled',
    );
  });
});

import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DomainError, isDomainError } from '@hexfleet/kernel';
import type { TenantId } from '@hexfleet/kernel';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { admin } from '@hexfleet/schemas';
import { v5 as uuidv5 } from 'uuid';
import {
  admit,
  groupDecider,
  nextRollNumber,
  rowWork,
  studentDecider,
  studentFacts,
  studentImportDecider,
} from '../domain';
import type { GroupCommand, ImportTotals, StudentCommand, StudentImportCommand, YearFacts } from '../domain';
import { found } from './found';
import { Pending } from './pending-streams';
import { groupIdFor } from './groups.command-handler';
import { columnOf, rowRequest } from './import-columns';
import type { ImportRow } from './import-columns';
import { studentIdFor } from './students.command-handler';

const ROW_NAMESPACE = '6c1d9e2b-7a4f-4b3e-9d8c-1e2f3a4b5c6d';

/** Chunks imported at once: chunks of one group may race, and the loser re-decides. */
const PARALLEL_GROUPS = 4;
/** Rows decided and appended in one transaction (all of one group). */
const CHUNK_ROWS = 50;
/** Progress is recorded after this many rows, or this long, whichever comes first. */
const PROGRESS_ROWS = 250;
const PROGRESS_MS = 1000;

export interface ImportRun {
  tenant: TenantId;
  importId: string;
  year: YearFacts;
  enrolledOn: string;
  rows: ImportRow[];
}

type RowOutcome = 'admitted' | 'unchanged' | admin.ImportRowError;

/**
 * Runs an import's rows after the upload was answered: each row one transaction over the
 * student's and the group's streams (admitted, enrolled and seated, or nothing), so a refused
 * row leaves nothing behind. Command ids derive from the import and the row, so a row
 * retried after a lost race acts once. Progress and the refused rows' errors go to the
 * import's stream, where the read model shows them while the import runs.
 */
@Injectable()
export class StudentImportJob implements OnApplicationShutdown {
  private readonly running = new Set<Promise<void>>();
  private readonly logger = new Logger('StudentImportJob');

  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  /** Starts the run in the background; the promise settles when the run ends (tests await it through the read model). */
  start(run: ImportRun): void {
    const work = this.run(run)
      .catch((error: Error) => this.logger.error(`import ${run.importId} stopped: ${error.message}`))
      .finally(() => this.running.delete(work));
    this.running.add(work);
  }

  async onApplicationShutdown() {
    await Promise.all(this.running);
  }

  private async run(run: ImportRun): Promise<void> {
    const totals: ImportTotals = { processed: 0, admitted: 0, unchanged: 0, refused: 0 };
    let errors: admin.ImportRowError[] = [];
    let flushes = 0;
    let flushed = -1;
    let lastFlush = Date.parse(this.time.now());
    const flush = () => {
      // Taken now, together: the totals and the errors they count.
      const data = { ...totals, errors };
      errors = [];
      flushed = totals.processed;
      lastFlush = Date.parse(this.time.now());
      const step = `progress/${flushes++}`;
      return () => this.onImport(run, step, (metadata) => ({ type: 'RecordProgress', data, metadata }));
    };
    let flushing = Promise.resolve();
    const queues = chunks(run.rows);
    const worker = async () => {
      for (let rows = queues.shift(); rows; rows = queues.shift()) {
        for (const outcome of await this.chunkOrRetryLater(run, rows)) {
          totals.processed++;
          if (outcome === 'admitted' || outcome === 'unchanged') totals[outcome]++;
          else {
            totals.refused++;
            errors.push(outcome);
          }
        }
        const due =
          totals.processed - flushed >= PROGRESS_ROWS || Date.parse(this.time.now()) - lastFlush > PROGRESS_MS;
        if (due) flushing = flushing.then(flush());
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_GROUPS }, worker));
    if (flushed !== totals.processed) flushing = flushing.then(flush());
    await flushing;
    await this.onImport(run, 'complete', (metadata) => ({ type: 'CompleteImport', data: {}, metadata }));
  }

  private async onImport(run: ImportRun, step: string, command: (metadata: { now: string }) => StudentImportCommand) {
    const commandId = uuidv5(`${run.tenant}/${run.importId}/${step}`, ROW_NAMESPACE);
    await this.commands.issue(run.tenant, commandId, async (tx) => {
      const stream = await tx.load(studentImportDecider, 'student-import', run.importId);
      tx.append(stream, studentImportDecider.decide(command({ now: this.time.now() }), stream.state));
    });
  }

  /**
   * A chunk that cannot be written (its races lost too often, the database gone for a moment)
   * is reported row by row as to be imported again, so the import still completes: uploading the
   * same file again imports those rows and leaves the others unchanged.
   */
  private async chunkOrRetryLater(run: ImportRun, rows: readonly ImportRow[]): Promise<RowOutcome[]> {
    try {
      return await this.chunk(run, rows);
    } catch (error) {
      this.logger.warn(
        `import ${run.importId}: rows ${rows[0].line}-${rows[rows.length - 1].line} not written: ${String(error)}`,
      );
      return rows.map((row) => rowError(row, new DomainError('row-not-written-import-again')));
    }
  }

  /**
   * Rows of one group in one transaction: each row is decided on its own (admitted, enrolled and
   * seated, or found done, or refused with nothing of it kept), then everything the accepted rows
   * decided is appended at once, each stream at the version it was read. A lost race re-decides
   * the whole chunk.
   */
  private async chunk(run: ImportRun, rows: readonly ImportRow[]): Promise<RowOutcome[]> {
    const { tenant, importId } = run;
    const commandId = uuidv5(`${tenant}/${importId}/rows/${rows[0].line}-${rows[rows.length - 1].line}`, ROW_NAMESPACE);
    const outcome = await this.commands.issue(
      tenant,
      commandId,
      async (tx) => {
        const pending = new Pending(tx);
        const outcomes: RowOutcome[] = [];
        for (const row of rows) {
          try {
            outcomes.push(await this.row(run, row, pending));
          } catch (error) {
            if (!isDomainError(error)) throw error;
            outcomes.push(rowError(row, error));
          }
        }
        pending.appendAll();
        return outcomes;
      },
      { retries: 3 },
    );
    return outcome.result;
  }

  /** One row, decided against the chunk's state so far; its events join the chunk's only if all of them could be decided. */
  private async row(run: ImportRun, row: ImportRow, pending: Pending): Promise<'admitted' | 'unchanged'> {
    const { tenant, year, importId, enrolledOn } = run;
    const now = this.time.now();
    const { admission, grade, section, rollNumber } = rowRequest(row);
    if (!grade) throw new DomainError('field-required', { field: 'grade' });
    if (!section) throw new DomainError('field-required', { field: 'section' });
    if (!admission.admissionNumber) throw new DomainError('field-required', { field: 'admissionNumber' });
    const studentId = studentIdFor(tenant, year.schoolId, admission.admissionNumber);
    const groupId = groupIdFor(tenant, year.yearId, grade, section);
    const student = await pending.student(studentId);
    const data = { ...admission, studentId, schoolId: year.schoolId, admittedOn: enrolledOn, importId };
    const admitted = admit({ type: 'AdmitStudent', data, metadata: { now } });
    const work = rowWork(student.state, admitted.data, { yearId: year.yearId, groupId });
    if (work === 'unchanged') return 'unchanged';
    const group = await pending.group(groupId);
    const { schoolId, yearId } = found(group.state, 'group');
    const placement = { groupId, schoolId, yearId, rollNumber: rollNumber ?? nextRollNumber(group.state) };
    const admittedNow = work === 'admit' ? [admitted] : [];
    const before = admittedNow.reduce(studentDecider.evolve, student.state);
    const enrol: StudentCommand = { type: 'EnrolStudent', data: { year, enrolledOn, placement }, metadata: { now } };
    const enrolled = studentDecider.decide(enrol, before);
    const after = enrolled.reduce(studentDecider.evolve, before);
    const join: GroupCommand = {
      type: 'AddStudent',
      data: { student: studentFacts(after), rollNumber: placement.rollNumber },
      metadata: { now },
    };
    const seated = groupDecider.decide(join, group.state);
    pending.add(student, [...admittedNow, ...enrolled], after);
    pending.add(group, seated, seated.reduce(groupDecider.evolve, group.state));
    return 'admitted';
  }
}

/** The rows by group (rows of one group share its stream), in chunks of at most CHUNK_ROWS. */
function chunks(rows: readonly ImportRow[]): ImportRow[][] {
  const byGroup = new Map<string, ImportRow[]>();
  for (const row of rows) {
    const key = `${row.cells.grade?.trim().toUpperCase()}/${row.cells.section?.trim().toUpperCase()}`;
    byGroup.set(key, [...(byGroup.get(key) ?? []), row]);
  }
  return [...byGroup.values()].flatMap((group) =>
    Array.from({ length: Math.ceil(group.length / CHUNK_ROWS) }, (_, i) =>
      group.slice(i * CHUNK_ROWS, (i + 1) * CHUNK_ROWS),
    ),
  );
}

/** What a person reads for the commonest refusals; other codes read as words, with their details. */
const MESSAGES: Record<string, (row: ImportRow) => string> = {
  'formula-like-text': () => 'starts with =, +, - or @, which a spreadsheet would run as a formula: not imported',
  'field-required': () => 'is required',
  'group-not-found': (row) => `no group of grade ${row.cells.grade} section ${row.cells.section} in this year`,
  'admission-number-taken': () => 'is another student’s admission number',
};

function rowError(row: ImportRow, error: DomainError): admin.ImportRowError {
  const named = typeof error.details.field === 'string' ? columnOf(error.details.field) : '';
  const field = error.code === 'group-not-found' ? 'section' : named;
  const details = Object.entries(error.details)
    .filter(([key]) => key !== 'field')
    .map(([key, value]) => `${key} ${JSON.stringify(value)}`)
    .join(', ');
  const text = MESSAGES[error.code]?.(row) ?? `${error.code.replace(/-/g, ' ')}${details ? ` (${details})` : ''}`;
  const admissionNumber = row.cells.admission_number?.trim() ?? '';
  return { line: row.line, admissionNumber, field, code: error.code, message: `${field || 'row'}: ${text}` };
}

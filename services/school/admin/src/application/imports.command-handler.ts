import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@hexfleet/kernel';
import { Commands, Streams, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { calendarDecider, studentImportDecider, yearOf } from '../domain';
import type { YearFacts } from '../domain';
import { ADMIN_SETTINGS } from './admin-settings';
import type { AdminSettings } from './admin-settings';
import type { ImportFile } from './import-columns';
import { mustWrite } from './school-access';
import { StudentImportJob } from './student-import.job';

export interface ImportTarget {
  yearId: string;
  enrolledOn: string;
}

/**
 * Bulk admission from CSV (ADR 0042). `prepare` checks the caller, school and year before
 * the upload is read; `start` records the import (its rows counted, the file's hash kept) and
 * hands the rows to the job, answering at once: progress is read from the import's view.
 */
@Injectable()
export class ImportsCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    private readonly streams: Streams,
    private readonly job: StudentImportJob,
    @Inject(ADMIN_SETTINGS) private readonly settings: AdminSettings,
  ) {}

  get limits() {
    return { maxBytes: this.settings.importMaxBytes };
  }

  async prepare(caller: Principal, schoolId: string, target: ImportTarget): Promise<YearFacts> {
    mustWrite(caller, schoolId);
    const calendar = await this.streams.load(calendarDecider, caller.tenant, 'calendar', schoolId);
    const year = { ...yearOf(calendar.state, target.yearId), schoolId };
    if (target.enrolledOn < year.startDate || target.enrolledOn > year.endDate)
      throw new DomainError('enrolment-outside-year', {
        field: 'enrolledOn',
        startDate: year.startDate,
        endDate: year.endDate,
      });
    return year;
  }

  async start(caller: Principal, year: YearFacts, enrolledOn: string, file: ImportFile) {
    const importId = this.time.newId(caller, 'student-import');
    const outcome = await this.commands.transact(caller, async (tx) => {
      const stream = await tx.load(studentImportDecider, 'student-import', importId);
      if (stream.state.status !== 'none') return; // a replayed Idempotency-Key: that import is running or done
      const data = {
        importId,
        schoolId: year.schoolId,
        yearId: year.yearId,
        enrolledOn,
        fileName: file.fileName,
        fileSha256: file.sha256,
        rows: file.rows.length,
        startedBy: caller.userId,
      };
      tx.append(
        stream,
        studentImportDecider.decide({ type: 'StartImport', data, metadata: { now: this.time.now() } }, stream.state),
      );
    });
    if (outcome.status === 'appended' && outcome.written.length)
      this.job.start({ tenant: caller.tenant, importId, year, enrolledOn, rows: file.rows });
    return { importId, rows: file.rows.length };
  }
}

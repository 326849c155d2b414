import { Injectable } from '@nestjs/common';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { calendarDecider, subjectsDecider } from '../domain';
import { mustWrite } from './school-access';

export interface NewSpan {
  name: string;
  startDate: string;
  endDate: string;
}

/**
 * A school's calendar (years, terms) and subjects: one stream each per school, so a
 * name or code is unique and years and terms never overlap however requests race.
 * Both are safe to re-decide, so a lost race is retried.
 */
@Injectable()
export class SetupCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async openYear(caller: Principal, schoolId: string, input: NewSpan): Promise<{ yearId: string }> {
    mustWrite(caller, schoolId);
    const yearId = this.time.newId(caller, 'academic-year');
    await this.commands.handle(calendarDecider, {
      caller,
      aggregate: 'calendar',
      id: schoolId,
      command: { type: 'OpenAcademicYear', data: { yearId, schoolId, ...input }, metadata: { now: this.time.now() } },
      retries: 3,
    });
    return { yearId };
  }

  async defineTerm(caller: Principal, schoolId: string, yearId: string, input: NewSpan): Promise<{ termId: string }> {
    mustWrite(caller, schoolId);
    const termId = this.time.newId(caller, 'term');
    await this.commands.handle(calendarDecider, {
      caller,
      aggregate: 'calendar',
      id: schoolId,
      command: { type: 'DefineTerm', data: { termId, yearId, ...input }, metadata: { now: this.time.now() } },
      retries: 3,
    });
    return { termId };
  }

  async defineSubject(
    caller: Principal,
    schoolId: string,
    input: { code: string; name: string },
  ): Promise<{ subjectId: string }> {
    mustWrite(caller, schoolId);
    const subjectId = this.time.newId(caller, 'subject');
    await this.commands.handle(subjectsDecider, {
      caller,
      aggregate: 'subjects',
      id: schoolId,
      command: { type: 'DefineSubject', data: { subjectId, schoolId, ...input }, metadata: { now: this.time.now() } },
      retries: 3,
    });
    return { subjectId };
  }
}

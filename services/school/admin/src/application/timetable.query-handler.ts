import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { CalendarDate, DomainError } from '@hexfleet/kernel';
import { Consistency } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import { ADMIN_SETTINGS } from './admin-settings';
import type { AdminSettings } from './admin-settings';
import { MEMBERS, mustReach, reaches } from './school-access';
import { SCHOOL_STRUCTURE } from './school-structure.port';
import type { SchoolStructure } from './school-structure.port';
import { TIMETABLE } from './timetable.port';
import type { LessonFilter, Timetable } from './timetable.port';

/** The most days one timetable read spans: six weeks, a screen's worth. */
export const MAX_TIMETABLE_DAYS = 42;

/** Timetables of a term, a group, a teacher or a room, for anyone with a role in the school. */
@Injectable()
export class TimetableQueryHandler {
  constructor(
    @Inject(ADMIN_SETTINGS) private readonly settings: AdminSettings,
    @Inject(TIMETABLE) private readonly timetable: Timetable,
    @Inject(SCHOOL_STRUCTURE) private readonly structure: SchoolStructure,
    private readonly consistency: Consistency,
  ) {}

  async sessions(caller: Principal, schoolId: string, termId: string): Promise<views.admin.ClassSessionView[]> {
    mustReach(caller, MEMBERS, `school ${schoolId}`, { schoolId });
    await this.consistency.await(this.settings.readModels.timetable, caller);
    return this.timetable.sessions(caller.tenant, schoolId, termId);
  }

  /** A group's lessons: its school comes from the group, so a group grant reaches them too. */
  async groupLessons(caller: Principal, groupId: string, days: { from: string; to: string }) {
    span(days);
    await this.consistency.await(this.settings.readModels.structure, caller);
    const group = await this.structure.group(caller.tenant, groupId);
    if (!group || !reaches(caller, MEMBERS, group.schoolId, groupId))
      throw new NotFoundException(`no group ${groupId}`);
    return this.lessons(caller, { schoolId: group.schoolId, groupId, ...days });
  }

  async lessonsOf(caller: Principal, filter: LessonFilter): Promise<views.admin.LessonView[]> {
    span(filter);
    mustReach(caller, MEMBERS, `school ${filter.schoolId}`, { schoolId: filter.schoolId });
    return this.lessons(caller, filter);
  }

  private async lessons(caller: Principal, filter: LessonFilter) {
    await this.consistency.await(this.settings.readModels.timetable, caller);
    return this.timetable.lessons(caller.tenant, filter);
  }
}

function span({ from, to }: { from: string; to: string }) {
  const days = CalendarDate.daysBetween(from, to) + 1;
  if (days < 1) throw new DomainError('end-before-start', { field: 'to', from, to });
  if (days > MAX_TIMETABLE_DAYS)
    throw new DomainError('timetable-span-too-long', { field: 'to', maxDays: MAX_TIMETABLE_DAYS });
}

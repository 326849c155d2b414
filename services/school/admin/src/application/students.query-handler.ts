import { Inject, Injectable } from '@nestjs/common';
import { Consistency } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import { ADMIN_SETTINGS } from './admin-settings';
import type { AdminSettings } from './admin-settings';
import type { Page } from './paging';
import { ROSTER } from './roster.port';
import type { Roster, StudentFilter } from './roster.port';
import { mustReach, reaches, STAFF } from './school-access';
import { SCHOOL_STRUCTURE } from './school-structure.port';
import type { SchoolStructure } from './school-structure.port';

/** Student records and group lists: personal data, for the school's staff only. */
@Injectable()
export class StudentsQueryHandler {
  constructor(
    @Inject(ADMIN_SETTINGS) private readonly settings: AdminSettings,
    @Inject(ROSTER) private readonly roster: Roster,
    @Inject(SCHOOL_STRUCTURE) private readonly structure: SchoolStructure,
    private readonly consistency: Consistency,
  ) {}

  /** A group's students by roll number; undefined (404) when the group is beyond reach or unknown. */
  async members(caller: Principal, groupId: string): Promise<views.admin.GroupMemberView[] | undefined> {
    await this.consistency.await(this.settings.readModels.structure, caller);
    const group = await this.structure.group(caller.tenant, groupId);
    if (!group || !reaches(caller, STAFF, group.schoolId, groupId)) return undefined;
    await this.consistency.await(this.settings.readModels.roster, caller);
    return this.roster.members(caller.tenant, groupId);
  }

  async student(caller: Principal, studentId: string): Promise<views.admin.StudentView | undefined> {
    await this.consistency.await(this.settings.readModels.roster, caller);
    const student = await this.roster.student(caller.tenant, studentId);
    return student && reaches(caller, STAFF, student.schoolId, student.groupId ?? undefined) ? student : undefined;
  }

  async students(
    caller: Principal,
    filter: Omit<StudentFilter, 'limit'> & { limit?: number },
  ): Promise<Page<views.admin.StudentView>> {
    mustReach(caller, STAFF, `school ${filter.schoolId}`, { schoolId: filter.schoolId });
    await this.consistency.await(this.settings.readModels.roster, caller);
    return this.roster.students(caller.tenant, { ...filter, limit: filter.limit ?? this.settings.defaultPageSize });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { Consistency } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import { ADMIN_SETTINGS } from './admin-settings';
import type { AdminSettings } from './admin-settings';
import type { Page } from './paging';
import { MEMBERS, mustReach, reaches } from './school-access';
import { SCHOOL_STRUCTURE } from './school-structure.port';
import type { GroupFilter, SchoolStructure } from './school-structure.port';

/** A school's years, subjects and groups, for anyone with a role in it. */
@Injectable()
export class SchoolQueryHandler {
  constructor(
    @Inject(ADMIN_SETTINGS) private readonly settings: AdminSettings,
    @Inject(SCHOOL_STRUCTURE) private readonly structure: SchoolStructure,
    private readonly consistency: Consistency,
  ) {}

  async years(caller: Principal, schoolId: string): Promise<views.admin.AcademicYearView[]> {
    await this.ready(caller, schoolId);
    return this.structure.years(caller.tenant, schoolId);
  }

  async subjects(caller: Principal, schoolId: string): Promise<views.admin.SubjectView[]> {
    await this.ready(caller, schoolId);
    return this.structure.subjects(caller.tenant, schoolId);
  }

  async groups(
    caller: Principal,
    filter: Omit<GroupFilter, 'limit'> & { limit?: number },
  ): Promise<Page<views.admin.GroupView>> {
    await this.ready(caller, filter.schoolId);
    return this.structure.groups(caller.tenant, { ...filter, limit: filter.limit ?? this.settings.defaultPageSize });
  }

  /** One group; undefined (404) outside the caller's reach, as for one that does not exist. */
  async group(caller: Principal, groupId: string): Promise<views.admin.GroupView | undefined> {
    await this.consistency.await(this.settings.readModels.structure, caller);
    const group = await this.structure.group(caller.tenant, groupId);
    return group && reaches(caller, MEMBERS, group.schoolId, groupId) ? group : undefined;
  }

  private async ready(caller: Principal, schoolId: string) {
    mustReach(caller, MEMBERS, `school ${schoolId}`, { schoolId });
    await this.consistency.await(this.settings.readModels.structure, caller);
  }
}

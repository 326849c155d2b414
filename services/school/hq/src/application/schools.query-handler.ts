import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Consistency } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { HQ_SETTINGS } from './hq-settings';
import type { HqSettings } from './hq-settings';
import { assertSees, fenceOf } from './school-access';
import { SCHOOL_DIRECTORY } from './school-directory.port';
import type { SchoolDirectory, SchoolPage, SchoolView } from './school-directory.port';

/**
 * Reads of the schools, fenced: HQ sees every school of the tenant, anyone else the schools
 * their grants name; a school outside the fence is a 404, as one of another tenant is.
 */
@Injectable()
export class SchoolsQueryHandler {
  constructor(
    @Inject(HQ_SETTINGS) private readonly settings: HqSettings,
    @Inject(SCHOOL_DIRECTORY) private readonly schools: SchoolDirectory,
    private readonly consistency: Consistency,
  ) {}

  async list(
    caller: Principal,
    query: { limit?: number; offset?: number; status?: SchoolView['status'] },
  ): Promise<SchoolPage> {
    await this.consistency.await(this.settings.readModels.schools, caller);
    return this.schools.page(caller.tenant, fenceOf(caller), {
      limit: query.limit ?? this.settings.defaultPageSize,
      offset: query.offset ?? 0,
      status: query.status,
    });
  }

  async get(caller: Principal, schoolId: string): Promise<SchoolView> {
    assertSees(caller, schoolId);
    await this.consistency.await(this.settings.readModels.schools, caller);
    const school = await this.schools.find(caller.tenant, schoolId);
    if (!school) throw new NotFoundException(`no school ${schoolId}`);
    return school;
  }
}

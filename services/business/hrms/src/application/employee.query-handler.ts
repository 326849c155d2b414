import { Inject, Injectable } from '@nestjs/common';
import { Consistency } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { EMPLOYEE_DIRECTORY } from './employee-directory.port';
import type { DirectoryEntry, DirectoryFilter, EmployeeDirectory } from './employee-directory.port';
import { HRMS_SETTINGS } from './hrms-settings';
import type { HrmsSettings } from './hrms-settings';

/** Reads of the employee directory, always in the caller's tenant; everyone in the company may look people up. */
@Injectable()
export class EmployeeQueryHandler {
  constructor(
    @Inject(EMPLOYEE_DIRECTORY) private readonly directory: EmployeeDirectory,
    @Inject(HRMS_SETTINGS) private readonly settings: HrmsSettings,
    private readonly consistency: Consistency,
  ) {}

  async list(caller: Principal, filter: DirectoryFilter) {
    await this.consistency.await(this.settings.readModels.directory, caller);
    const { items, total } = await this.directory.list(caller.tenant, filter);
    return { items, total, limit: filter.limit, offset: filter.offset };
  }

  async get(caller: Principal, employeeId: string): Promise<DirectoryEntry | undefined> {
    await this.consistency.await(this.settings.readModels.directory, caller);
    return this.directory.get(caller.tenant, employeeId);
  }

  /** The caller's employee id (by the identity user the hire named), or their user id when they have none. */
  async actorId(caller: Principal): Promise<string> {
    return (await this.directory.byUser(caller.tenant, caller.userId))?.employeeId ?? caller.userId;
  }
}

import { Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import { ServiceRuntime } from '@hexfleet/platform';
import { isStaff } from './library-context';

/**
 * Who may read or act for a patron: the desk (staff) for anyone, a signed-in
 * user only for the patron linked to them. Anyone else's patron does not exist
 * for them (404), as another tenant's would not.
 */
@Injectable()
export class PatronAccess {
  constructor(private readonly runtime: ServiceRuntime) {}

  async check(caller: Principal, patronId: string): Promise<void> {
    if (isStaff(caller)) return;
    if (!(await this.isPatronsUser(caller, patronId))) throw new NotFoundException(`no patron ${patronId}`);
  }

  async isPatronsUser(caller: Principal, patronId: string): Promise<boolean> {
    const rows = await this.runtime.queryTenant(
      caller.tenant,
      (s) => `select 1 from ${s}.patrons where patron_id = $1 and user_id = $2`,
      [patronId, caller.userId],
    );
    return rows.length > 0;
  }
}

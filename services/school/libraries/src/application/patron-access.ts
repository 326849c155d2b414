import { Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import { ServiceRuntime } from '@hexfleet/platform';
import { streamId } from '@hexfleet/eventing';
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

  /**
   * Read from the patron's stream (its registration names the user), not from the read
   * model: whether a user may see a patron must not depend on how far a projection has got.
   * A consistency token for a loan says nothing about the patron's stream.
   */
  async isPatronsUser(caller: Principal, patronId: string): Promise<boolean> {
    const [registered] = await this.runtime.store.readStream(streamId(caller.tenant, 'patron', patronId));
    return (
      registered?.type === 'PatronRegistered' &&
      (registered.data as { userId?: string | null }).userId === caller.userId
    );
  }
}

import { Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import { hasRole, Streams } from '@hexfleet/platform';
import type { Role } from '@hexfleet/schemas';
import { patronDecider } from '../domain';

/** Roles that may run the desk: check out, return, catalogue, block, act for any patron. */
export const STAFF: readonly Role[] = ['librarian', 'school-admin'];

/**
 * Who may read or act for a patron: the desk (staff) for anyone, a signed-in
 * user only for the patron linked to them. Anyone else's patron does not exist
 * for them (404), as another tenant's would not.
 */
@Injectable()
export class PatronAccess {
  constructor(private readonly streams: Streams) {}

  async check(caller: Principal, patronId: string): Promise<void> {
    if (hasRole(caller, ...STAFF)) return;
    if (!(await this.isPatronsUser(caller, patronId))) throw new NotFoundException(`no patron ${patronId}`);
  }

  /**
   * Read from the patron's stream (its registration names the user), not from the read
   * model: whether a user may see a patron must not depend on how far a projection has got.
   * A consistency token for a loan says nothing about the patron's stream.
   */
  async isPatronsUser(caller: Principal, patronId: string): Promise<boolean> {
    const { history } = await this.streams.load(patronDecider, caller.tenant, 'patron', patronId);
    const [registered] = history;
    return registered?.type === 'PatronRegistered' && registered.data.userId === caller.userId;
  }
}

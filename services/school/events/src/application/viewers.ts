import { Inject, Injectable } from '@nestjs/common';
import { hasRole } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { audienceGroups } from '../domain';
import { AUDIENCES } from './audiences.port';
import type { Audiences } from './audiences.port';
import type { Viewer } from './calendar.port';
import { ORGANISERS } from './organisers';

/** The groups a role of the token is granted over (identity's group-scoped grants). */
const grantedGroups = (caller: Principal) =>
  caller.grants.flatMap((g) => (g.scopeType === 'group' && g.scopeId ? [g.scopeId] : []));

/**
 * Who the caller is for audiences: whether they organise, and their groups from Admin's
 * membership and from their token together (ADR 0048). The membership is read, not awaited:
 * the caller's own writes never name Admin's group streams.
 */
@Injectable()
export class Viewers {
  constructor(@Inject(AUDIENCES) private readonly audiences: Audiences) {}

  async of(caller: Principal): Promise<Viewer> {
    const memberOf = await this.audiences.groupsOf(caller.tenant, caller.userId);
    return {
      userId: caller.userId,
      organiser: hasRole(caller, ...ORGANISERS),
      groupIds: audienceGroups(memberOf, grantedGroups(caller)),
    };
  }
}

import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Consistency, type Principal } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import { visibility } from './profile-access';
import {
  type DirectorySearch,
  PROFILE_DIRECTORY,
  type ProfileDirectory,
  type StoredProfile,
} from './profile-directory.port';
import { PROFILE_SETTINGS, type ProfileSettings } from './profile-settings';

/** What staff see of anyone in the tenant: typed once, in the contracts the gateway implements too. */
export type ProfileCard = views.profile.ProfileCard;
/** All of a profile, for the person and those who may see all of it. */
export type ProfileView = views.profile.ProfileView;

const card = ({ doc }: StoredProfile): ProfileCard => {
  const { userId, product, status, fields } = doc;
  const { fullName, preferredName, avatarUrl, department, designation, className } = fields;
  return { userId, product, status, fullName, preferredName, avatarUrl, department, designation, className };
};

/** Reads of the profiles read model, in the caller's tenant only; each waits for a consistency token first. */
@Injectable()
export class ProfileQueryHandler {
  constructor(
    @Inject(PROFILE_DIRECTORY) private readonly profiles: ProfileDirectory,
    private readonly consistency: Consistency,
    @Inject(PROFILE_SETTINGS) private readonly settings: ProfileSettings,
  ) {}

  async me(caller: Principal) {
    await this.fresh(caller);
    const stored = await this.profiles.profile(caller.tenant, caller.userId);
    if (!stored) throw new NotFoundException('no profile yet: it is created when the account is registered');
    return this.full(caller, stored);
  }

  /** The whole profile, the card, or 404: another tenant's user, like a made-up id, is not found. */
  async get(caller: Principal, userId: string) {
    await this.fresh(caller);
    const stored = await this.profiles.profile(caller.tenant, userId);
    const seen = stored ? visibility(caller, stored.doc) : 'none';
    if (!stored || seen === 'none') throw new NotFoundException(`no profile ${userId}`);
    return seen === 'full' ? this.full(caller, stored) : card(stored);
  }

  /** Active profiles whose name or email contains `query`, by name, a page at a time (`page` is the one `offset` falls in). */
  async directory(caller: Principal, search: DirectorySearch) {
    await this.fresh(caller);
    const { limit, offset } = search;
    const { profiles, total } = await this.profiles.search(caller.tenant, search);
    return { items: profiles.map(card), total, limit, offset, page: Math.floor(offset / limit) + 1, pageSize: limit };
  }

  private async full(caller: Principal, { doc, employeeId, createdAt }: StoredProfile): Promise<ProfileView> {
    const guardianOf = await this.profiles.guardianOf(caller.tenant, doc.userId);
    const { userId, product, status, studentId, fields, preferences, guardians } = doc;
    return { userId, product, status, employeeId, studentId, ...fields, preferences, guardians, guardianOf, createdAt };
  }

  private fresh(caller: Principal) {
    return this.consistency.await(this.settings.readModels.profiles, caller);
  }
}

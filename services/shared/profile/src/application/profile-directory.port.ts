import type { TenantId } from '@hexfleet/kernel';
import type { ProfileData, ProfileState } from '../domain';

/** A profile as the read model keeps it: the domain's own state, and what it was created with. */
export interface StoredProfile {
  doc: ProfileData & { status: Exclude<ProfileState['status'], 'none'> };
  employeeId: string | null;
  createdAt: string;
}

/** A student the person is a guardian of. */
export interface GuardianOf {
  studentUserId: string;
  relationship: string;
  primary: boolean;
}

export interface DirectorySearch {
  /** Part of a name or an email, any case; none lists everyone. */
  query?: string;
  limit: number;
  offset: number;
}

/** The profiles read model (`profile.profile.v1`), one tenant at a time. */
export interface ProfileDirectory {
  profile(tenant: TenantId, userId: string): Promise<StoredProfile | undefined>;
  /** Active profiles by name; `total` counts every match, not just the page. */
  search(tenant: TenantId, search: DirectorySearch): Promise<{ profiles: StoredProfile[]; total: number }>;
  /** The students whose guardian `guardianUserId` is, oldest link first. */
  guardianOf(tenant: TenantId, guardianUserId: string): Promise<GuardianOf[]>;
}
export const PROFILE_DIRECTORY = Symbol('ProfileDirectory');

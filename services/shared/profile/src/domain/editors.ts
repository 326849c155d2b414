import { DomainError } from '@hexfleet/kernel';
import { type Actor, ADMIN_ROLES, hasAnyRole, HR_ROLES } from './actor';
import { isMinor } from './age';
import type { ProfileData } from './profile.state';

const isLinkedGuardian = (actor: Actor, profile: ProfileData) =>
  actor.type === 'person' && profile.guardians.some((g) => g.guardianUserId === actor.userId);

/**
 * Who may edit a profile (fields and preferences): a policy, an admin, a
 * linked guardian; the person themself unless they are a minor (under 18
 * on the command's date by the birth date on file); HR for a business profile.
 */
export function assertMayEdit(actor: Actor, profile: ProfileData, now: string): void {
  if (hasAnyRole(actor, ADMIN_ROLES) || isLinkedGuardian(actor, profile)) return;
  if (isMinor(profile.fields.birthDate, now))
    throw new DomainError('minor-profile-guardian-or-admin-only', { userId: profile.userId });
  if (actor.type === 'person' && actor.userId === profile.userId) return;
  if (profile.product === 'business' && hasAnyRole(actor, HR_ROLES)) return;
  throw new DomainError('profile-edit-not-allowed', { userId: profile.userId });
}

/** Guardian links are the school's record of who may act for a child: admins and policies set them. */
export function assertMayManageGuardians(actor: Actor): void {
  if (!hasAnyRole(actor, ADMIN_ROLES)) throw new DomainError('guardian-links-admin-only');
}

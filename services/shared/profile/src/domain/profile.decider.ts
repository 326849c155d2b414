import { assertNever, Decider, DomainError, isUuid } from '@hexfleet/kernel';
import { profile } from '@hexfleet/schemas';
import { type Actor, actorId } from './actor';
import type { Command } from './command';
import { assertMayEdit, assertMayManageGuardians } from './editors';
import { link, makePrimary, unlink } from './guardians';
import { applyPreferences, type PreferenceChanges } from './preferences';
import { applyChanges, type ProfileChanges } from './profile-fields';
import { evolveProfile, type ProfileData, type ProfileEvent, type ProfileState } from './profile.state';

/** Every command but creation names its actor: the rules on who may edit depend on it. */
export type ProfileCommand =
  /** From identity UserRegistered (a policy): the registration data, nothing else yet. */
  | Command<'CreateProfile', Omit<profile.ProfileCreatedData, 'createdAt'>>
  | Command<'UpdateProfile', { actor: Actor; changes: ProfileChanges }>
  | Command<'ChangePreferences', { actor: Actor; changes: PreferenceChanges }>
  | Command<'LinkGuardian', { actor: Actor; guardianUserId: string; relationship: string; primary: boolean }>
  | Command<'UnlinkGuardian', { actor: Actor; guardianUserId: string }>
  | Command<'ChangePrimaryGuardian', { actor: Actor; guardianUserId: string }>
  /** From identity UserDeactivated / UserReactivated (policies). */
  | Command<'ArchiveProfile', Record<string, never>>
  | Command<'RestoreProfile', Record<string, never>>;

function existing(state: ProfileState): Exclude<ProfileState, { status: 'none' }> {
  if (state.status === 'none') throw new DomainError('profile-not-found');
  return state;
}

function editable(state: ProfileState): ProfileData {
  const current = existing(state);
  if (current.status === 'archived') throw new DomainError('profile-archived', { userId: current.userId });
  return current;
}

function decide(command: ProfileCommand, state: ProfileState): ProfileEvent[] {
  const now = command.metadata.now;
  switch (command.type) {
    case 'CreateProfile': {
      // The stream is the user's: a second UserRegistered for one user is a bug upstream, not a second profile.
      if (state.status !== 'none') throw new DomainError('profile-already-exists', { userId: state.userId });
      const { userId } = command.data;
      if (!isUuid(userId)) throw new DomainError('invalid-user-id', { userId });
      const fullName = command.data.fullName.trim();
      if (!fullName) throw new DomainError('full-name-required');
      return [profile.profileCreated({ ...command.data, fullName, createdAt: now })];
    }
    case 'UpdateProfile': {
      const current = editable(state);
      const { actor, changes } = command.data;
      assertMayEdit(actor, current, now);
      const { fields, changed } = applyChanges(current.product, current.fields, changes, actor, now);
      // Saving an unchanged form records nothing.
      if (changed.length === 0) return [];
      const { userId } = current;
      return [
        profile.profileUpdated({
          userId,
          changedFields: changed,
          ...fields,
          updatedBy: actorId(actor),
          updatedAt: now,
        }),
      ];
    }
    case 'ChangePreferences': {
      const current = editable(state);
      const { actor, changes } = command.data;
      assertMayEdit(actor, current, now);
      const next = applyPreferences(current.preferences, changes);
      if (JSON.stringify(next) === JSON.stringify(current.preferences)) return [];
      return [
        profile.preferencesChanged({ userId: current.userId, ...next, changedBy: actorId(actor), changedAt: now }),
      ];
    }
    case 'LinkGuardian': {
      const current = editable(state);
      const { actor, ...data } = command.data;
      assertMayManageGuardians(actor);
      return link(current, data, { by: actorId(actor), now });
    }
    case 'UnlinkGuardian': {
      const current = editable(state);
      assertMayManageGuardians(command.data.actor);
      return unlink(current, command.data.guardianUserId, { by: actorId(command.data.actor), now });
    }
    case 'ChangePrimaryGuardian': {
      const current = editable(state);
      assertMayManageGuardians(command.data.actor);
      return makePrimary(current, command.data.guardianUserId, { by: actorId(command.data.actor), now });
    }
    case 'ArchiveProfile': {
      const current = existing(state);
      if (current.status === 'archived') throw new DomainError('profile-already-archived');
      return [profile.profileArchived({ userId: current.userId, archivedAt: now })];
    }
    case 'RestoreProfile': {
      const current = existing(state);
      if (current.status === 'active') throw new DomainError('profile-not-archived');
      return [profile.profileRestored({ userId: current.userId, restoredAt: now })];
    }
    default:
      return assertNever(command);
  }
}

export const profileDecider: Decider<ProfileCommand, ProfileEvent, ProfileState> = {
  initialState: { status: 'none' },
  decide,
  evolve: evolveProfile,
};

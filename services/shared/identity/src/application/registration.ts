import type { StreamTransaction } from '@hexfleet/platform';
import {
  credentialDecider,
  type CredentialCommand,
  loginIdDecider,
  normalizeLoginId,
  type ScopeInput,
  userDecider,
  type UserCommand,
} from '../domain';
import { decideAll, type KnownTenant, loginIdKey } from './streams';

export interface GrantRequest {
  role: string;
  scope: ScopeInput;
}

export interface NewInvitation {
  userId: string;
  email: string;
  displayName: string;
  grants: readonly GrantRequest[];
  invitedBy: string | null;
  employeeId?: string | null;
  studentId?: string | null;
  /** SHA-256 of the invitation link's token, and when it stops working. */
  tokenHash: string;
  expiresAt: string;
}

/**
 * An invitation, as one decision over three streams: the login id reserved,
 * the user registered with its roles, the credential opened without a
 * password and an invitation link requested. Used by admins, by tenant
 * provisioning (the first admin) and by the HRMS policy. The user stream is
 * appended last, so the response's consistency token names it and the
 * directory (fed by identity.user.v1) can be awaited with it.
 */
export async function inviteUser(
  tx: StreamTransaction,
  tenant: KnownTenant,
  invitation: NewInvitation,
  now: string,
  /** Decided on the new user's stream after its roles, in the same append (a guardianship, say). */
  more: readonly UserCommand[] = [],
) {
  const metadata = { now };
  const { userId, email, displayName, invitedBy } = invitation;
  const { user, credential } = await openAccount(tx, email, userId, now);
  const credentialCommands: CredentialCommand[] = [
    { type: 'CreateCredential', data: { userId, passwordHash: null }, metadata },
    {
      type: 'RequestPasswordReset',
      data: { tokenHash: invitation.tokenHash, purpose: 'invitation', expiresAt: invitation.expiresAt },
      metadata,
    },
  ];
  tx.append(credential, decideAll(credentialDecider, credential.state, credentialCommands));
  const userCommands: UserCommand[] = [
    {
      type: 'InviteUser',
      data: {
        userId,
        email,
        displayName,
        tenant: { product: tenant.product, status: tenant.status },
        invitedBy,
        employeeId: invitation.employeeId ?? null,
        studentId: invitation.studentId ?? null,
      },
      metadata,
    },
    ...invitation.grants.map((g): UserCommand => ({
      type: 'GrantRole',
      data: { ...g, grantedBy: invitedBy },
      metadata,
    })),
    ...more,
  ];
  tx.append(user, decideAll(userDecider, user.state, userCommands));
}

/** Loads a new account's streams and reserves its login id (which fails with `login-id-taken` when held). */
async function openAccount(tx: StreamTransaction, email: string, userId: string, now: string) {
  const loginId = await tx.load(loginIdDecider, 'login-id', loginIdKey(normalizeLoginId(email)));
  const user = await tx.load(userDecider, 'user', userId);
  const credential = await tx.load(credentialDecider, 'credential', userId);
  const reserve = { type: 'ReserveLoginId' as const, data: { email, userId }, metadata: { now } };
  tx.append(loginId, loginIdDecider.decide(reserve, loginId.state));
  return { user, credential };
}

/** Self-registration: like an invitation, but with the person's own password and no role. */
export async function registerUser(
  tx: StreamTransaction,
  tenant: KnownTenant,
  person: { userId: string; email: string; displayName: string; passwordHash: string },
  now: string,
) {
  const metadata = { now };
  const { userId, email, displayName, passwordHash } = person;
  const { user, credential } = await openAccount(tx, email, userId, now);
  tx.append(
    credential,
    credentialDecider.decide({ type: 'CreateCredential', data: { userId, passwordHash }, metadata }, credential.state),
  );
  const data = { userId, email, displayName, tenant: { product: tenant.product, status: tenant.status } };
  tx.append(user, userDecider.decide({ type: 'RegisterUser', data, metadata }, user.state));
}

/**
 * A policy ends an account (EmployeeSeparated, StudentWithdrawn): the user deactivated and the
 * credential disabled, which revokes every session. An account already deactivated (by an
 * admin, say), or none at all, changes nothing more.
 */
export async function deactivateAccount(tx: StreamTransaction, userId: string, reason: string, now: string) {
  const metadata = { now };
  const user = await tx.load(userDecider, 'user', userId);
  if (user.state.status !== 'active') return;
  const credential = await tx.load(credentialDecider, 'credential', userId);
  tx.append(credential, credentialDecider.decide({ type: 'DisableCredential', data: {}, metadata }, credential.state));
  const data = { reason, deactivatedBy: null };
  tx.append(user, userDecider.decide({ type: 'DeactivateUser', data, metadata }, user.state));
}

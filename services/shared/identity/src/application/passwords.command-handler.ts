import { Inject, Injectable } from '@nestjs/common';
import { DomainError, isDomainError, TenantId } from '@hexfleet/kernel';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import { credentialDecider, loginIdDecider, normalizeLoginId, userDecider, type UserCommand } from '../domain';
import type { Client } from './address-limits';
import { AddressLimits } from './address-limits';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings';
import { inSeconds } from './instants';
import { Mails } from './mails';
import { hashToken, linkTokenUser, mintLinkToken } from './opaque-tokens';
import { hashPassword } from './passwords';
import { actingAs, decideAll, loginIdKey, tenantFacts } from './streams';

/**
 * Forgotten passwords and invitation links. Both links are the credential's
 * one pending reset (single-use, expiring, stored as SHA-256); following one
 * sets the password, and since it proves the mailbox, verifies the email.
 */
@Injectable()
export class PasswordsCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    private readonly limits: AddressLimits,
    private readonly mails: Mails,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  /** Always accepted, whether or not the account exists: the answer tells a guesser nothing. */
  async requestReset(tenant: TenantId, email: string, client: Client): Promise<void> {
    await this.limits.spendMail(client);
    const loginId = normalizeLoginId(email);
    const metadata = { now: this.time.now() };
    const expiresAt = inSeconds(this.time, this.settings.ttl.passwordReset);
    const outcome = await this.commands.transact(
      actingAs(tenant, 'anonymous'),
      async (tx) => {
        const facts = await tenantFacts(tx, tenant);
        const held = await tx.load(loginIdDecider, 'login-id', loginIdKey(loginId));
        if (facts.status !== 'active' || held.state.status === 'free') return null;
        const { userId } = held.state;
        const credential = await tx.load(credentialDecider, 'credential', userId);
        const link = mintLinkToken(userId);
        const data = { tokenHash: link.hash, purpose: 'reset' as const, expiresAt };
        try {
          tx.append(
            credential,
            credentialDecider.decide({ type: 'RequestPasswordReset', data, metadata }, credential.state),
          );
        } catch (error) {
          if (isDomainError(error)) return null; // a deactivated account gets no link, and no telling
          throw error;
        }
        return link.token;
      },
      { retries: 2 },
    );
    if (outcome.status === 'appended' && outcome.result) {
      await this.mails.send('password-reset', loginId, tenant, outcome.result);
    }
  }

  /**
   * Sets the password through a link (an invitation's first password or a
   * reset). Ends every session (the credential decides that), records the
   * public PasswordChanged, and verifies the email the link was sent to.
   */
  async setPasswordByLink(tenant: TenantId, token: string, password: string): Promise<void> {
    const userId = linkTokenUser(token);
    if (!userId) throw new DomainError('reset-token-invalid');
    const newPasswordHash = await hashPassword(password);
    const metadata = { now: this.time.now() };
    await this.commands.transact(
      actingAs(tenant, userId),
      async (tx) => {
        const credential = await tx.load(credentialDecider, 'credential', userId);
        const user = await tx.load(userDecider, 'user', userId);
        if (credential.state.status === 'none' || user.state.status === 'none')
          throw new DomainError('reset-token-invalid');
        const reason = credential.state.passwordHash === null ? 'setup' : 'reset';
        const reset = {
          type: 'ResetPassword' as const,
          data: { tokenHash: hashToken(token), newPasswordHash },
          metadata,
        };
        tx.append(credential, credentialDecider.decide(reset, credential.state));
        const commands: UserCommand[] = [
          { type: 'RecordPasswordChange', data: { reason }, metadata },
          { type: 'VerifyEmail', data: { email: user.state.email }, metadata },
        ];
        tx.append(user, decideAll(userDecider, user.state, commands));
      },
      { retries: 2 },
    );
  }
}

import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { DomainError, TenantId } from '@hexfleet/kernel';
import { Commands, Streams, TimeAndIds } from '@hexfleet/platform';
import { loginIdDecider, normalizeLoginId, userDecider } from '../domain';
import { AddressLimits, type Client } from './address-limits';
import { mintVerificationToken, parseVerificationToken, verificationHolds } from './email-verification';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings';
import { epochMs } from './instants';
import { Mails } from './mails';
import { hashPassword } from './passwords';
import { registerUser } from './registration';
import { SigningKey } from './signing-key';
import { actingAs, loginIdKey, tenantFacts } from './streams';

export interface SelfRegistration {
  email: string;
  displayName: string;
  password: string;
}

type Registered = { kind: 'created'; userId: string } | { kind: 'exists' };

/**
 * Self-registration (ADR 0018) and email verification (ADR 0019). The answer
 * to a registration is the same whether the address was free or taken; the
 * mailbox's owner learns which, nobody else.
 */
@Injectable()
export class RegistrationCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    private readonly limits: AddressLimits,
    private readonly mails: Mails,
    private readonly key: SigningKey,
    private readonly streams: Streams,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async register(tenant: TenantId, input: SelfRegistration, client: Client): Promise<void> {
    await this.limits.spendMail(client);
    const email = normalizeLoginId(input.email);
    const passwordHash = await hashPassword(input.password);
    const caller = actingAs(tenant, 'anonymous');
    const userId = this.time.newId(caller, 'user');
    const now = this.time.now();
    const outcome = await this.commands.transact(caller, async (tx): Promise<Registered> => {
      const facts = await tenantFacts(tx, tenant);
      // An unknown tenant looks like a closed one: the answer does not list tenants.
      if (facts.status === 'none' || !this.settings.selfRegistration.includes(facts.product))
        throw new ForbiddenException('This tenant does not accept self-registration');
      const held = await tx.load(loginIdDecider, 'login-id', loginIdKey(email));
      if (held.state.status === 'reserved') return { kind: 'exists' };
      await registerUser(tx, facts, { userId, email, displayName: input.displayName, passwordHash }, now);
      return { kind: 'created', userId };
    });
    if (outcome.status !== 'appended') return;
    if (outcome.result.kind === 'exists') return this.mails.send('account-exists', email, tenant, null);
    await this.sendVerification(tenant, outcome.result.userId, email, input.displayName);
  }

  /** Sends the link again to an unverified account; silent otherwise (202 either way). */
  async resend(tenant: TenantId, address: string, client: Client): Promise<void> {
    await this.limits.spendMail(client);
    const email = normalizeLoginId(address);
    const held = await this.streams.load(loginIdDecider, tenant, 'login-id', loginIdKey(email));
    if (held.state.status === 'free') return;
    const user = await this.streams.load(userDecider, tenant, 'user', held.state.userId);
    if (user.state.status !== 'active' || user.state.emailVerified) return;
    await this.sendVerification(tenant, user.state.userId, email);
  }

  async confirm(tenant: TenantId, token: string): Promise<void> {
    const parsed = parseVerificationToken(token);
    if (!parsed) throw new DomainError('verification-token-invalid');
    const { userId } = parsed;
    const metadata = { now: this.time.now() };
    await this.commands.transact(actingAs(tenant, userId), async (tx) => {
      const user = await tx.load(userDecider, 'user', userId);
      if (user.state.status === 'none') throw new DomainError('verification-token-invalid');
      const { email } = user.state;
      if (!verificationHolds(this.key, parsed, { tenant, email }, epochMs(this.time)))
        throw new DomainError('verification-token-invalid');
      tx.append(user, userDecider.decide({ type: 'VerifyEmail', data: { email }, metadata }, user.state));
    });
  }

  private async sendVerification(tenant: TenantId, userId: string, email: string, name?: string) {
    const expiresAt = epochMs(this.time) + this.settings.ttl.emailVerification * 1000;
    const token = mintVerificationToken(this.key, { tenant, userId, email }, expiresAt);
    await this.mails.send('email-verification', email, tenant, token, name);
  }
}

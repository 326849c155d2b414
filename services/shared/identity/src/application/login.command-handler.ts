import { ConflictException, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { TenantId } from '@hexfleet/kernel';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import { credentialDecider, type CredentialState, loginIdDecider, normalizeLoginId, userDecider } from '../domain';
import { AddressLimits, type Client } from './address-limits';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings';
import { epochMs, inSeconds } from './instants';
import { mintRefreshToken } from './opaque-tokens';
import { verifyPassword } from './passwords';
import { actingAs, loginIdKey, tenantFacts } from './streams';
import { type SignedIn, TokenIssuer, type TokenPair } from './token-issuer';
import { decryptTotpSecret, totpStep } from './totp';

export interface LoginInput {
  tenant: string;
  email: string;
  password: string;
  totp?: string;
}

/** 401 for every refusal alike: which of tenant, email or password was wrong is nobody's business. */
export class LoginRefused extends HttpException {
  constructor(readonly secondFactorRequired = false) {
    super(
      secondFactorRequired ? 'This account needs a TOTP code (field totp)' : 'Wrong tenant, email or password',
      HttpStatus.UNAUTHORIZED,
    );
  }
}

/** Tokens are handed out once: a retried sign-in or refresh must ask again, not replay. */
export class SessionNotRepeatable extends ConflictException {
  constructor() {
    super('This Idempotency-Key was already used to sign in; sign in again without it');
  }
}

type Attempt = { kind: 'unknown' } | { kind: 'refused'; reason: string } | { kind: 'signed-in'; session: SignedIn };

/**
 * Login: the credential decides (lockout, disabled, suspended tenant, second
 * factor) from what this handler verified (password against the KDF hash,
 * TOTP code against the decrypted secret). Refusals are stored (the login
 * audit, the lockout count), then answered 401; the address's failures count
 * towards its own limit.
 */
@Injectable()
export class LoginCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    private readonly limits: AddressLimits,
    private readonly tokens: TokenIssuer,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async login(input: LoginInput, client: Client): Promise<TokenPair> {
    await this.limits.assertMayLogIn(client);
    const attempt = await this.attempt(TenantId.parse(input.tenant), input, client);
    // Signed only now: a token exists only for a session that was stored.
    if (attempt.kind === 'signed-in') return this.tokens.issue(attempt.session);
    await this.limits.loginFailed(client);
    throw new LoginRefused(attempt.kind === 'refused' && attempt.reason === 'second_factor_required');
  }

  private async attempt(tenant: TenantId, input: LoginInput, client: Client): Promise<Attempt> {
    const now = this.time.now();
    const nowMs = epochMs(this.time);
    const caller = actingAs(tenant, 'anonymous');
    const sessionId = this.time.newId(caller, 'session');
    const outcome = await this.commands.transact(
      caller,
      async (tx): Promise<Attempt> => {
        const facts = await tenantFacts(tx, tenant);
        const loginId = await tx.load(loginIdDecider, 'login-id', loginIdKey(normalizeLoginId(input.email)));
        if (facts.status === 'none' || loginId.state.status === 'free') {
          await verifyPassword(input.password, null); // the time a real check takes
          return { kind: 'unknown' };
        }
        const { userId } = loginId.state;
        const credential = await tx.load(credentialDecider, 'credential', userId);
        const user = await tx.load(userDecider, 'user', userId);
        if (credential.state.status === 'none' || user.state.status === 'none') return { kind: 'unknown' };
        const refresh = mintRefreshToken(userId, sessionId);
        const events = credentialDecider.decide(
          {
            type: 'LogIn',
            data: {
              sessionId,
              refreshTokenHash: refresh.hash,
              sessionExpiresAt: inSeconds(this.time, this.settings.ttl.session),
              passwordVerified: await verifyPassword(input.password, credential.state.passwordHash),
              totp: this.secondFactor(tenant, credential.state, input.totp, nowMs),
              tenant: { status: facts.status },
              policy: this.settings.lockout,
              clientIp: client.address,
              userAgent: client.userAgent,
            },
            metadata: { now },
          },
          credential.state,
        );
        tx.append(credential, events);
        const failed = events.find((e) => e.type === 'LoginFailed');
        if (failed?.type === 'LoginFailed') return { kind: 'refused', reason: failed.data.reason };
        const session = { tenant, userId, sessionId, grants: user.state.grants, refreshToken: refresh.token };
        return { kind: 'signed-in', session };
      },
      { retries: 3 },
    );
    // A repeated Idempotency-Key finds its first login already stored: that session's tokens are gone.
    if (outcome.status === 'already-applied') throw new SessionNotRepeatable();
    return outcome.result;
  }

  /** The code checked against the stored secret; null when none was sent or none is needed. */
  private secondFactor(tenant: TenantId, credential: CredentialState, code: string | undefined, nowMs: number) {
    if (credential.status === 'none' || credential.totp === null || code === undefined) return null;
    const owner = { tenant, userId: credential.userId };
    const secret = decryptTotpSecret(this.settings.totpKey, owner, credential.totp.secretCiphertext);
    const step = secret === null ? null : totpStep(code, secret, nowMs);
    return step === null ? { verified: false, step: Math.floor(nowMs / 30_000) } : { verified: true, step };
  }
}

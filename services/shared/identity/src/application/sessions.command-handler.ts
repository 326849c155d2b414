import { Injectable, UnauthorizedException } from '@nestjs/common';
import { isDomainError, TenantId } from '@hexfleet/kernel';
import type { Principal } from '@hexfleet/platform';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import { decodeJwt } from 'jose';
import { credentialDecider, userDecider } from '../domain';
import { hashToken, mintRefreshToken, parseRefreshToken } from './opaque-tokens';
import { actingAs, tenantFacts } from './streams';
import { SessionNotRepeatable } from './login.command-handler';
import { type SignedIn, TokenIssuer, type TokenPair } from './token-issuer';

type Rotation = { kind: 'refused' } | { kind: 'reused' } | { kind: 'rotated'; session: SignedIn };

const refused = () => new UnauthorizedException('The refresh token is not valid (expired, revoked or already used)');

/** Refresh-token rotation and revocation, all on the user's credential stream. */
@Injectable()
export class SessionsCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    private readonly tokens: TokenIssuer,
  ) {}

  /**
   * Rotates the refresh token. A spent one coming back means it was copied:
   * the session is revoked (stored), then 401. Roles are read afresh, so a
   * grant or revocation shows in the next access token.
   */
  async refresh(tenant: TenantId, refreshToken: string): Promise<TokenPair> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) throw refused();
    const { userId, sessionId } = parsed;
    const metadata = { now: this.time.now() };
    const outcome = await this.commands.transact(
      actingAs(tenant, userId),
      async (tx): Promise<Rotation> => {
        const facts = await tenantFacts(tx, tenant);
        const credential = await tx.load(credentialDecider, 'credential', userId);
        const user = await tx.load(userDecider, 'user', userId);
        if (facts.status === 'none' || user.state.status === 'none') return { kind: 'refused' };
        const next = mintRefreshToken(userId, sessionId);
        const data = {
          sessionId,
          presentedTokenHash: hashToken(refreshToken),
          newRefreshTokenHash: next.hash,
          tenant: { status: facts.status },
        };
        try {
          const events = credentialDecider.decide({ type: 'RefreshSession', data, metadata }, credential.state);
          tx.append(credential, events);
          if (events.some((e) => e.type === 'SessionRevoked')) return { kind: 'reused' };
        } catch (error) {
          if (isDomainError(error)) return { kind: 'refused' };
          throw error;
        }
        return {
          kind: 'rotated',
          session: { tenant, userId, sessionId, grants: user.state.grants, refreshToken: next.token },
        };
      },
      { retries: 3 },
    );
    if (outcome.status === 'already-applied') throw new SessionNotRepeatable();
    const rotation = outcome.result;
    if (rotation.kind !== 'rotated') throw refused();
    return this.tokens.issue(rotation.session);
  }

  /** Ends the session the caller's access token belongs to (its `sid`). */
  async logout(caller: Principal): Promise<void> {
    const sid = decodeJwt(caller.token).sid;
    if (typeof sid !== 'string') throw new UnauthorizedException('This token belongs to no session');
    const command = { type: 'RevokeSession' as const, data: { sessionId: sid }, metadata: { now: this.time.now() } };
    await this.commands.handle(credentialDecider, { caller, aggregate: 'credential', id: caller.userId, command });
  }

  /** "Log out everywhere": every refresh token of the caller stops working. */
  async revokeAll(caller: Principal): Promise<void> {
    const command = { type: 'RevokeAllSessions' as const, data: {}, metadata: { now: this.time.now() } };
    await this.commands.handle(credentialDecider, {
      caller,
      aggregate: 'credential',
      id: caller.userId,
      command,
      retries: 3,
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { TimeAndIds } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import type { Grant } from '../domain';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings';
import { epochMs } from './instants';
import { SigningKey } from './signing-key';

/** What login and refresh answer (OAuth 2.0's token response): typed in the contracts. */
export type TokenPair = views.identity.TokenPair;

export interface SignedIn {
  tenant: string;
  userId: string;
  sessionId: string;
  grants: readonly Grant[];
  refreshToken: string;
}

@Injectable()
export class TokenIssuer {
  constructor(
    private readonly key: SigningKey,
    private readonly time: TimeAndIds,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async issue({ tenant, userId, sessionId, grants, refreshToken }: SignedIn): Promise<TokenPair> {
    const expiresIn = this.settings.ttl.accessToken;
    const claims = { tenant, userId, sessionId, grants };
    const accessToken = await this.key.accessToken(claims, epochMs(this.time), expiresIn);
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn };
  }
}

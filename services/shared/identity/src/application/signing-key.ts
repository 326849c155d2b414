import { createHmac, hkdfSync } from 'node:crypto';
import { calculateJwkThumbprint, importJWK, type JWK, type KeyLike, SignJWT } from 'jose';
import type { Grant } from '../domain';

export const ISSUER = 'hexfleet-identity';

/** The claims every Hexfleet service reads (libs/platform TokenVerifier): sub, tenant, roles; grants for scopes. */
export interface AccessClaims {
  userId: string;
  tenant: string;
  sessionId: string;
  grants: readonly Grant[];
}

/**
 * The ES256 key pair that signs access tokens. The private half comes from
 * SIGNING_KEY_JWK; the public half is served as the JWKS that every service
 * (identity included) verifies tokens with. The key id is the JWK thumbprint
 * (RFC 7638) unless the JWK names one, so a rotated key gets a new `kid`.
 */
export class SigningKey {
  private constructor(
    private readonly privateKey: KeyLike | Uint8Array,
    readonly kid: string,
    readonly publicJwk: JWK,
    private readonly linkMacKey: Buffer,
  ) {}

  static async fromJwk(json: string): Promise<SigningKey> {
    let jwk: JWK;
    try {
      jwk = JSON.parse(json) as JWK;
    } catch {
      throw new Error('SIGNING_KEY_JWK is not JSON');
    }
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d || !jwk.x || !jwk.y)
      throw new Error('SIGNING_KEY_JWK must be a private EC P-256 JWK (kty EC, crv P-256, with d)');
    const { kty, crv, x, y } = jwk;
    const kid = jwk.kid ?? (await calculateJwkThumbprint({ kty, crv, x, y }));
    const privateKey = await importJWK({ ...jwk, alg: 'ES256' }, 'ES256');
    // A separate key for the HMAC of email-verification links, derived so there is no second secret to manage.
    const hmacKey = Buffer.from(hkdfSync('sha256', Buffer.from(jwk.d, 'base64url'), kid, 'email-verification', 32));
    return new SigningKey(privateKey, kid, { kty, crv, x, y, kid, alg: 'ES256', use: 'sig' }, hmacKey);
  }

  /** The public keys, as GET /.well-known/jwks.json serves them and JWKS_JSON holds them. */
  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  async accessToken(claims: AccessClaims, nowMs: number, ttlSeconds: number): Promise<string> {
    const iat = Math.floor(nowMs / 1000);
    const roles = [...new Set(claims.grants.map((g) => g.role))];
    const grants = claims.grants.map(({ role, scopeType, scopeId }) => ({ role, scopeType, scopeId }));
    return new SignJWT({ tenant: claims.tenant, roles, grants, sid: claims.sessionId })
      .setProtectedHeader({ alg: 'ES256', kid: this.kid, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setSubject(claims.userId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .sign(this.privateKey);
  }

  /** HMAC-SHA256 (base64url) for a stateless link; see email-verification.ts. */
  mac(message: string): string {
    return createHmac('sha256', this.linkMacKey).update(message, 'utf8').digest('base64url');
  }
}

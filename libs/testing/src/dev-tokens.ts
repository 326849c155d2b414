import { exportJWK, generateKeyPair, importJWK, JWK, SignJWT } from 'jose';
import type { KeyLike } from 'jose';
import { randomUUID } from 'node:crypto';

export interface DevTokenClaims {
  tenant: string;
  userId?: string;
  roles?: string[];
  /** Scoped grants, as identity's tokens carry them: `{ role, scopeType: 'tenant' | 'school' | 'group', scopeId }`. */
  grants?: Array<{ role: string; scopeType: string; scopeId: string | null }>;
  /** Seconds from now; negative for a token that has already expired. */
  expiresInSeconds?: number;
}

export interface DevIssuer {
  /** The public half as a JWKS document: what a service's `JWKS_JSON` holds. */
  jwksJson: string;
  /** The private half as a JWK: identity's SIGNING_KEY_JWK in a test fleet, so its tokens and these agree. */
  signingKeyJwk: string;
  mint(claims: DevTokenClaims): Promise<string>;
}

/**
 * A signing key pair made in memory for one test run (nothing secret is ever
 * committed), standing in for the identity service: services verify its
 * tokens exactly as they will verify identity's, through a JWKS.
 */
export async function createDevIssuer(issuer = 'hexfleet-dev'): Promise<DevIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return {
    jwksJson: JSON.stringify({ keys: [jwk] }),
    signingKeyJwk: JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' }),
    mint: minter(privateKey, kid, issuer),
  };
}

/**
 * Tokens signed with a key a fleet already trusts (its identity's SIGNING_KEY_JWK): what a harness
 * that drives a running fleet, such as the tenant-isolation sweep, mints its callers with.
 */
export async function issuerForKey(signingKeyJwk: string, issuer = 'hexfleet-dev'): Promise<Pick<DevIssuer, 'mint'>> {
  const jwk = JSON.parse(signingKeyJwk) as JWK;
  return { mint: minter((await importJWK(jwk, 'ES256')) as KeyLike, jwk.kid ?? '', issuer) };
}

function minter(privateKey: KeyLike, kid: string, issuer: string): DevIssuer['mint'] {
  return async ({ tenant, userId = randomUUID(), roles = [], grants, expiresInSeconds = 300 }) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ tenant, roles, ...(grants ? { grants } : {}) })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer(issuer)
      .setSubject(userId)
      .setIssuedAt(now)
      .setExpirationTime(now + expiresInSeconds)
      .sign(privateKey);
  };
}

/** An unsigned token (`alg: none`) with the same claims: every service must refuse it. */
export function unsignedToken(claims: Required<Pick<DevTokenClaims, 'tenant'>> & { userId?: string }): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ tenant: claims.tenant, sub: claims.userId ?? randomUUID(), roles: ['admin'], iat: now, exp: now + 300 })}.`;
}

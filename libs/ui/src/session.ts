/**
 * The signed-in session as the browser keeps it (ADR 0085): identity's access token (short-lived,
 * sent as the bearer), its refresh token (single use: each refresh answers a new one), when the
 * access token expires, and the tenant slug the refresh needs. Kept in `sessionStorage`, so it
 * lives as long as the tab and is never sent anywhere but to the gateway.
 */
export interface StoredSession {
  tenant: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token stops working. */
  expiresAt: number;
}

/** What the access token says about the caller (read, not verified: the gateway verifies it). */
export interface Claims {
  userId: string;
  tenant: string;
  roles: string[];
  /** Epoch milliseconds. */
  expiresAt?: number;
}

const base64UrlDecode = (part: string): string => {
  const padded = part.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((part.length + 3) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
};

export function claimsOf(accessToken: string): Claims | undefined {
  const payload = accessToken.split('.')[1];
  if (!payload) return undefined;
  try {
    const body = JSON.parse(base64UrlDecode(payload)) as Record<string, unknown>;
    if (typeof body.sub !== 'string' || typeof body.tenant !== 'string') return undefined;
    return {
      userId: body.sub,
      tenant: body.tenant,
      roles: Array.isArray(body.roles) ? body.roles.filter((r): r is string => typeof r === 'string') : [],
      ...(typeof body.exp === 'number' ? { expiresAt: body.exp * 1000 } : {}),
    };
  } catch {
    return undefined;
  }
}

/** A session from what login or refreshSession answered. */
export function sessionFrom(
  tenant: string,
  tokens: { accessToken: string; refreshToken: string; expiresIn: number },
  now: number,
): StoredSession {
  return {
    tenant,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: now + tokens.expiresIn * 1000,
  };
}

/** Refresh this long before the access token expires (a fifth of its life, at most a minute). */
export function refreshDelay(session: StoredSession, now: number, lifetimeMs?: number): number {
  const margin = Math.min(60_000, (lifetimeMs ?? session.expiresAt - now) / 5);
  return Math.max(0, session.expiresAt - now - margin);
}

export function parseStored(raw: string | null): StoredSession | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<StoredSession>;
    if (
      typeof value.tenant === 'string' &&
      typeof value.accessToken === 'string' &&
      typeof value.refreshToken === 'string' &&
      typeof value.expiresAt === 'number'
    ) {
      return value as StoredSession;
    }
  } catch {
    // A broken entry is no session.
  }
  return undefined;
}

/** The tenant slug identity accepts (the same rule the gateway states). */
export const TENANT_SLUG = /^[a-z][a-z0-9]{2,30}$/;

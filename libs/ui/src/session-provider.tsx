'use client';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { createGatewayClient } from './client';
import { ConsistencyTokens } from './consistency';
import { problemOf } from './problems';
import type { Problem } from './problems';
import { claimsOf, parseStored, refreshDelay, sessionFrom } from './session';
import type { Claims, StoredSession } from './session';
import { LoginMutation, LogoutMutation, RefreshMutation } from './session-operations';

const STORAGE_KEY = 'hexfleet.session';

export interface SignInInput {
  tenant: string;
  email: string;
  password: string;
  totp?: string;
}

export interface SessionApi {
  /** False until the stored session (if any) has been read: render nothing that depends on it before. */
  ready: boolean;
  session?: StoredSession;
  claims?: Claims;
  /** Undefined when signed in; the problem otherwise (a `secondFactor` asks for the TOTP code). */
  signIn(input: SignInInput): Promise<Problem | undefined>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside <SessionProvider>');
  return api;
}

/**
 * The session and the GraphQL client of a web app (ADR 0085): reads the stored session once, refreshes
 * the access token before it expires (the refresh token is single use: each answer replaces it), and
 * ends the session when the gateway says `unauthenticated` or the person signs out.
 */
export function SessionProvider({ gatewayUrl, children }: { gatewayUrl: string; children: ReactNode }) {
  const [session, setSession] = useState<StoredSession | undefined>(undefined);
  const [ready, setReady] = useState(false);
  const current = useRef<StoredSession | undefined>(undefined);

  const store = useCallback((next: StoredSession | undefined) => {
    current.current = next;
    if (next) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else window.sessionStorage.removeItem(STORAGE_KEY);
    setSession(next);
  }, []);

  const tokens = useMemo(() => new ConsistencyTokens(), []);
  const client = useMemo(
    () =>
      createGatewayClient({
        gatewayUrl,
        accessToken: () => current.current?.accessToken,
        tokens,
        onUnauthenticated: () => {
          tokens.clear();
          store(undefined);
        },
      }),
    [gatewayUrl, tokens, store],
  );

  useEffect(() => {
    const stored = parseStored(window.sessionStorage.getItem(STORAGE_KEY));
    current.current = stored && stored.expiresAt > Date.now() - 1000 ? stored : undefined;
    setSession(current.current);
    setReady(true);
  }, []);

  // Refresh ahead of expiry; a refused refresh (expired, revoked, reused) ends the session.
  useEffect(() => {
    if (!session) return;
    const timer = window.setTimeout(
      async () => {
        const result = await client
          .mutation(RefreshMutation, { input: { tenant: session.tenant, refreshToken: session.refreshToken } })
          .toPromise();
        if (current.current !== session) return; // signed out or in again meanwhile
        store(result.data ? sessionFrom(session.tenant, result.data.refreshSession, Date.now()) : undefined);
      },
      refreshDelay(session, Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [session, client, store]);

  const signIn = useCallback(
    async (input: SignInInput) => {
      const result = await client
        .mutation(LoginMutation, {
          input: {
            tenant: input.tenant.trim(),
            email: input.email.trim(),
            password: input.password,
            ...(input.totp ? { totp: input.totp.trim() } : {}),
          },
        })
        .toPromise();
      if (!result.data) return problemOf(result.error) ?? { code: 'unknown', message: 'Sign-in failed.', fields: {} };
      tokens.clear();
      store(sessionFrom(input.tenant.trim(), result.data.login, Date.now()));
      return undefined;
    },
    [client, store, tokens],
  );

  const signOut = useCallback(async () => {
    if (current.current) await client.mutation(LogoutMutation, {}).toPromise();
    tokens.clear();
    store(undefined);
  }, [client, store, tokens]);

  const api = useMemo<SessionApi>(
    () => ({
      ready,
      ...(session ? { session } : {}),
      ...(session && claimsOf(session.accessToken) ? { claims: claimsOf(session.accessToken) } : {}),
      signIn,
      signOut,
    }),
    [ready, session, signIn, signOut],
  );
  return (
    <SessionContext.Provider value={api}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </SessionContext.Provider>
  );
}

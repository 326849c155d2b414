'use client';
import { AppShell, Loading, useSession } from '@hexfleet/ui';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { MeQuery } from '@/lib/me';
import { APP_NAME, SECTIONS } from '@/lib/navigation';

/** Every page but sign-in: signed in only (else to sign-in, coming back here after), in the app's frame. */
export default function SignedInLayout({ children }: { children: ReactNode }) {
  const { ready, session, claims, signOut } = useSession();
  const router = useRouter();
  const pathname = usePathname();
  useEffect(() => {
    if (ready && !session) router.replace(`/sign-in?next=${encodeURIComponent(pathname ?? '/')}`);
  }, [ready, session, pathname, router]);
  const [me] = useQuery({ query: MeQuery, pause: !session });

  if (!ready || !session) return <Loading label="Checking your session…" />;
  return (
    <AppShell
      appName={APP_NAME}
      sections={SECTIONS}
      roles={me.data?.me.roles ?? claims?.roles ?? []}
      person={me.data?.me.displayName}
      onSignOut={async () => {
        await signOut();
        router.replace('/sign-in');
      }}
    >
      {children}
    </AppShell>
  );
}

'use client';
import { Loading, SignInForm, useSession } from '@hexfleet/ui';
import { useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useEffect } from 'react';
import { APP_NAME } from '@/lib/navigation';

/** Only a path of this app (never another site) is a place to return to after signing in. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

function SignIn() {
  const { ready, session } = useSession();
  const router = useRouter();
  const next = safeNext(useSearchParams().get('next'));
  useEffect(() => {
    if (ready && session) router.replace(next);
  }, [ready, session, next, router]);
  return (
    <main id="main">
      <SignInForm appName={APP_NAME} onSignedIn={() => router.replace(next)} />
    </main>
  );
}

export default function SignInPage() {
  return (
    <Suspense fallback={<Loading />}>
      <SignIn />
    </Suspense>
  );
}

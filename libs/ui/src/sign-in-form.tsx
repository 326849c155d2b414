'use client';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { TextField } from './fields';
import { FormAlert } from './states';
import { formMessage } from './problems';
import type { Problem } from './problems';
import { useSession } from './session-provider';

const FIELDS = ['tenant', 'email', 'password', 'totp'];

/**
 * Sign in with the organisation (tenant slug), email and password; when the account has a second
 * factor, identity refuses with `secondFactor: totp` and the form asks for the 6-digit code.
 */
export function SignInForm({ appName, onSignedIn }: { appName: string; onSignedIn: () => void }) {
  const { signIn } = useSession();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [askTotp, setAskTotp] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '');
    setBusy(true);
    const refused = await signIn({
      tenant: value('tenant'),
      email: value('email'),
      password: value('password'),
      ...(askTotp ? { totp: value('totp') } : {}),
    });
    setBusy(false);
    if (!refused) return onSignedIn();
    if (refused.secondFactor === 'totp') setAskTotp(true);
    setProblem(refused);
  }

  const message =
    problem?.secondFactor === 'totp' && !problem.fields.totp
      ? 'Enter the 6-digit code from your authenticator app.'
      : formMessage(problem, FIELDS);
  return (
    <form className="hx-card hx-sign-in" onSubmit={submit} noValidate aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to {appName}</h1>
      <FormAlert message={message} />
      <TextField
        label="Organisation"
        name="tenant"
        autoComplete="organization"
        required
        hint="The short name your organisation signs in with, e.g. acme"
        error={problem?.fields.tenant}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        error={problem?.fields.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={problem?.fields.password}
      />
      {askTotp ? (
        <TextField
          label="Authenticator code"
          name="totp"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          required
          autoFocus
          error={problem?.fields.totp}
        />
      ) : null}
      <button className="hx-button" type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

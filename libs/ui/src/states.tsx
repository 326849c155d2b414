import type { ReactNode } from 'react';
import type { Problem } from './problems';

/** Something is on its way: announced politely to screen readers. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="hx-state hx-loading" role="status" aria-live="polite">
      <span className="hx-spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** Nothing to show yet, and what to do about it. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="hx-state hx-empty">
      <p className="hx-empty-title">{title}</p>
      {children}
    </div>
  );
}

/** A failed call, with its problem code for support. */
export function ProblemNotice({ problem, title = 'Something went wrong' }: { problem?: Problem; title?: string }) {
  if (!problem) return null;
  return (
    <div className="hx-notice hx-notice-error" role="alert">
      <strong>{title}.</strong> {problem.message} <span className="hx-code">({problem.code})</span>
    </div>
  );
}

/** Long work under way: a real progress bar when the share done is known. */
export function Progress({ label, value, max }: { label: string; value?: number; max?: number }) {
  return (
    <div className="hx-progress">
      <label>
        {label}
        <progress value={value} max={max} />
      </label>
    </div>
  );
}

/** A form's refusal above its fields (the per-field messages sit next to each field). */
export function FormAlert({ message, id }: { message?: string | undefined; id?: string }) {
  if (!message) return null;
  return (
    <div id={id} className="hx-notice hx-notice-error" role="alert">
      {message}
    </div>
  );
}

/** What just happened (applied, approved, ...), announced politely. */
export function StatusNote({ message }: { message?: string | undefined }) {
  if (!message) return null;
  return (
    <div className="hx-notice hx-notice-info" role="status">
      {message}
    </div>
  );
}

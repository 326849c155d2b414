/**
 * What went wrong with a gateway call, as a page shows it: the problem code (the gateway's
 * `extensions.code`, the service's problem code), a sentence for people, and the message for
 * each input field the problem names (`extensions.errors: [{ field, message }]`), keyed by the
 * field's last path segment (`input.workEmail`, `/workEmail` and `workEmail` are one field).
 */
export interface Problem {
  code: string;
  message: string;
  status?: number;
  /** Message per field name; what no field of the form shows goes in `message`. */
  fields: Record<string, string>;
  /** A sign-in refused for want of a second factor: which one (`totp`). */
  secondFactor?: string;
}

/** The parts of urql's CombinedError (or any GraphQL client's) this reads. */
interface ErrorLike {
  message?: string;
  graphQLErrors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
  networkError?: { message: string } | Error;
}

export const fieldName = (path: string): string => {
  const parts = path.split(/[./[\]]+/).filter((p) => p && !/^\d+$/.test(p));
  return parts.at(-1) ?? path;
};

const READABLE: Record<string, string> = {
  unauthenticated: 'Your session has ended. Please sign in again.',
  forbidden: 'You may not do this.',
  'module-not-deployed': 'This part of Hexfleet is not available here.',
  'upstream-unavailable': 'A service did not answer. Try again in a moment.',
  'upstream-timeout': 'A service took too long to answer. Try again in a moment.',
  'rate-limited': 'Too many requests. Wait a moment and try again.',
  network: 'The server could not be reached. Check your connection and try again.',
};

/** A problem from a failed call; undefined when there was none. */
export function problemOf(error: ErrorLike | null | undefined): Problem | undefined {
  if (!error) return undefined;
  const first = error.graphQLErrors?.[0];
  if (!first) {
    if (error.networkError) return { code: 'network', message: READABLE.network, fields: {} };
    return { code: 'unknown', message: error.message ?? 'Something went wrong.', fields: {} };
  }
  const ext = first.extensions ?? {};
  const code = typeof ext.code === 'string' ? ext.code : 'unknown';
  const fields: Record<string, string> = {};
  for (const graphQLError of error.graphQLErrors ?? []) {
    const list = graphQLError.extensions?.errors;
    if (!Array.isArray(list)) continue;
    for (const item of list as Array<Record<string, unknown>>) {
      if (typeof item?.field !== 'string') continue;
      const name = fieldName(item.field);
      fields[name] ??= typeof item.message === 'string' && item.message ? item.message : 'This value is not valid.';
    }
  }
  return {
    code,
    message: READABLE[code] ?? first.message,
    fields,
    ...(typeof ext.status === 'number' ? { status: ext.status } : {}),
    ...(typeof ext.secondFactor === 'string' ? { secondFactor: ext.secondFactor } : {}),
  };
}

/**
 * The message a form shows above its fields: the problem's own, unless every detail it has is
 * already shown next to a field of the form (then a short summary, so a screen reader hears it too).
 */
export function formMessage(problem: Problem | undefined, formFields: readonly string[]): string | undefined {
  if (!problem) return undefined;
  const named = Object.keys(problem.fields);
  if (named.length > 0 && named.every((f) => formFields.includes(f))) {
    return named.length === 1
      ? 'Please correct the field marked below.'
      : `Please correct the ${named.length} fields marked below.`;
  }
  const elsewhere = named.filter((f) => !formFields.includes(f)).map((f) => `${f}: ${problem.fields[f]}`);
  return [problem.message, ...elsewhere].join(' ');
}

const CODE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * A broken business rule. The `code` is stable and kebab-case
 * (`no-renewals-left`): adapters map it to HTTP, clients switch on it, and it
 * never changes once published. `details` carry the values that explain it.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    message?: string,
  ) {
    super(message ?? code);
    if (!CODE.test(code)) throw new Error(`DomainError code must be kebab-case, got "${code}"`);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

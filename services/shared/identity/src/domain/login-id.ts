import { DomainError } from '@hexfleet/kernel';

// Deliberately loose: deliverability is proven by EmailVerified, not by a regex.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The login id is the email, compared without case: `Ana@X.org` and
 * `ana@x.org` are one login. The application uses the result as the id of
 * the login-id stream, so two spellings can never get two streams.
 */
export function normalizeLoginId(email: string): string {
  const normalized = email.trim().toLowerCase();
  if (normalized.length > 254 || !EMAIL.test(normalized)) throw new DomainError('invalid-email', { email });
  return normalized;
}

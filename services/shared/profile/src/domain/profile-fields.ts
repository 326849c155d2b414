import { DomainError } from '@hexfleet/kernel';
import type { profile, Role } from '@hexfleet/schemas';
import { type Actor, hasAnyRole, HR_ROLES, SCHOOL_ADMIN_ROLES } from './actor';
import { parseDate } from './age';
import type { ProfileFields } from './profile.state';

export type ProfileChanges = Partial<ProfileFields>;
type Field = keyof ProfileFields;

/**
 * Who owns the per-app fields: HR sets a department and a designation, the
 * school's admin an admission number and a class. To the person they are
 * read-only; a policy (system) may set them from HRMS or Admin events.
 */
const OWNED: Partial<Record<Field, { product: profile.Product; owner: 'hr' | 'admin'; roles: readonly Role[] }>> = {
  department: { product: 'business', owner: 'hr', roles: HR_ROLES },
  designation: { product: 'business', owner: 'hr', roles: HR_ROLES },
  admissionNumber: { product: 'school', owner: 'admin', roles: SCHOOL_ADMIN_ROLES },
  className: { product: 'school', owner: 'admin', roles: SCHOOL_ADMIN_ROLES },
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/;
const HTTPS_URL = /^https:\/\/[^\s/]+\.[^\s]+$/;
const COUNTRY = /^[A-Z]{2}$/;

const text = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

function required(value: string | null | undefined, code: string, details: Record<string, unknown> = {}): string {
  const trimmed = text(value);
  if (trimmed === null) throw new DomainError(code, details);
  return trimmed;
}

function phone(value: string, code: string): string {
  const trimmed = value.trim();
  if (!PHONE.test(trimmed)) throw new DomainError(code, { phone: value });
  return trimmed;
}

/** Each field checked and normalized (trimmed, lower-cased emails, blank to null). */
const NORMALIZE: { [K in Field]: (value: ProfileFields[K], now: string) => ProfileFields[K] } = {
  fullName: (v) => required(v, 'full-name-required'),
  preferredName: text,
  avatarUrl: (v) => {
    if (v !== null && !HTTPS_URL.test(v)) throw new DomainError('invalid-avatar-url', { avatarUrl: v });
    return v;
  },
  birthDate: (v, now) => {
    if (v === null) return null;
    try {
      parseDate(v);
    } catch {
      throw new DomainError('invalid-birth-date', { birthDate: v });
    }
    if (v > now.slice(0, 10)) throw new DomainError('invalid-birth-date', { birthDate: v, reason: 'in the future' });
    return v;
  },
  emails: (v) =>
    v.map(({ address, label }) => {
      const normalized = address.trim().toLowerCase();
      if (!EMAIL.test(normalized)) throw new DomainError('invalid-email', { email: address });
      return { address: normalized, label: required(label, 'label-required') };
    }),
  phones: (v) =>
    v.map(({ number, label }) => ({
      number: phone(number, 'invalid-phone'),
      label: required(label, 'label-required'),
    })),
  address: (v) => {
    if (v === null) return null;
    if (!COUNTRY.test(v.country)) throw new DomainError('invalid-address', { country: v.country });
    return {
      line1: required(v.line1, 'invalid-address', { field: 'line1' }),
      line2: text(v.line2),
      city: required(v.city, 'invalid-address', { field: 'city' }),
      region: text(v.region),
      postalCode: text(v.postalCode),
      country: v.country,
    };
  },
  emergencyContacts: (v) =>
    v.map((c) => ({
      name: required(c.name, 'invalid-emergency-contact', { field: 'name' }),
      relationship: required(c.relationship, 'invalid-emergency-contact', { field: 'relationship' }),
      phone: phone(c.phone, 'invalid-emergency-contact'),
    })),
  department: text,
  designation: text,
  admissionNumber: text,
  className: text,
};

const isField = (key: string): key is Field => Object.hasOwn(NORMALIZE, key);

/**
 * The fields after `changes`, and the names of those that really changed.
 * Ownership is checked only for fields whose value changes, so a form that
 * sends the person's department back unchanged is accepted.
 */
export function applyChanges(
  product: profile.Product,
  current: ProfileFields,
  changes: ProfileChanges,
  actor: Actor,
  now: string,
): { fields: ProfileFields; changed: Field[] } {
  const fields = { ...current } as Record<Field, unknown>;
  const changed: Field[] = [];
  for (const [key, value] of Object.entries(changes)) {
    if (!isField(key)) throw new DomainError('unknown-field', { field: key });
    if (value === undefined) continue;
    const owned = OWNED[key];
    if (owned && owned.product !== product) throw new DomainError('field-not-in-product', { field: key, product });
    const next = (NORMALIZE[key] as (v: unknown, now: string) => unknown)(value, now);
    if (JSON.stringify(next) === JSON.stringify(current[key])) continue;
    if (owned && !hasAnyRole(actor, owned.roles))
      throw new DomainError('field-read-only', { field: key, ownedBy: owned.owner });
    fields[key] = next;
    changed.push(key);
  }
  return { fields: fields as ProfileFields, changed };
}

import { DomainError } from './domain-error';

declare const brand: unique symbol;

/**
 * A validated tenant slug: `^[a-z][a-z0-9]{2,30}$`, and not a name Postgres gives a meaning to
 * (`public`, `postgres`, `template0`/`template1`, anything starting with `pg`: Postgres reserves
 * `pg_` for its own schemas; see docs/adr/0072-hostile-tenant-slugs.md). It is the ONLY way a
 * tenant reaches SQL (as the schema `tenant_<slug>`), so the check lives in one place and every
 * value of this type has passed it. ASCII only: a look-alike letter (Cyrillic `а`, fullwidth
 * `ａ`) fails the pattern, as do quotes, spaces, `_` and anything past 31 characters.
 */
export type TenantId = string & { readonly [brand]: 'TenantId' };

const SLUG = /^[a-z][a-z0-9]{2,30}$/;
/** Slugs refused although they match SLUG. */
const RESERVED = /^(pg.*|public|postgres|template[01])$/;

export const TENANT_SLUG_RULE = 'tenant must match ^[a-z][a-z0-9]{2,30}$ and not be reserved (public, postgres, pg...)';

const valid = (value: unknown): value is TenantId =>
  typeof value === 'string' && SLUG.test(value) && !RESERVED.test(value);

export const TenantId = {
  parse(value: unknown): TenantId {
    if (!valid(value)) {
      throw new DomainError('invalid-tenant', { value: String(value).slice(0, 64) }, TENANT_SLUG_RULE);
    }
    return value;
  },
  isValid(value: unknown): value is TenantId {
    return valid(value);
  },
  /** The tenant's read-model schema name, unquoted (quote it as an identifier when it reaches SQL). */
  schemaName(tenant: TenantId): string {
    return `tenant_${tenant}`;
  },
};

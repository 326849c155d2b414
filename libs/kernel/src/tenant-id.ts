import { DomainError } from './domain-error';

declare const brand: unique symbol;

/**
 * A validated tenant slug: `^[a-z][a-z0-9]{2,30}$`. It is the ONLY way a tenant
 * reaches SQL (as the schema `tenant_<slug>`), so the check lives in one place
 * and every value of this type has passed it.
 */
export type TenantId = string & { readonly [brand]: 'TenantId' };

const SLUG = /^[a-z][a-z0-9]{2,30}$/;

export const TenantId = {
  parse(value: unknown): TenantId {
    if (typeof value !== 'string' || !SLUG.test(value)) {
      throw new DomainError(
        'invalid-tenant',
        { value: String(value).slice(0, 64) },
        'tenant must match ^[a-z][a-z0-9]{2,30}$',
      );
    }
    return value as TenantId;
  },
  isValid(value: unknown): value is TenantId {
    return typeof value === 'string' && SLUG.test(value);
  },
  /** The tenant's read-model schema name, unquoted (quote it as an identifier when it reaches SQL). */
  schemaName(tenant: TenantId): string {
    return `tenant_${tenant}`;
  },
};

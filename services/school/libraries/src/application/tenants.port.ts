import type { TenantId } from '@hexfleet/kernel';

/** The tenants this service holds read models for: what a scheduled job walks through. */
export interface Tenants {
  all(): Promise<TenantId[]>;
}
export const TENANTS = Symbol('Tenants');

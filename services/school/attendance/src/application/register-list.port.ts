import type { TenantId } from '@hexfleet/kernel';

/** One register as the list shows it. */
export interface RegisterView {
  registerId: string;
  name: string;
  /** ISO-8601 UTC instants. */
  createdAt: string;
  renamedAt: string | null;
}

export interface Paging {
  limit: number;
  offset: number;
}

export interface RegisterPage extends Paging {
  items: RegisterView[];
  /** Every register of the tenant, not only this page's. */
  total: number;
}

/** The registers of a tenant, by name: the read model `attendance-register-list`. */
export interface RegisterList {
  page(tenant: TenantId, paging: Paging): Promise<RegisterPage>;
  find(tenant: TenantId, registerId: string): Promise<RegisterView | undefined>;
}

export const REGISTER_LIST = Symbol('RegisterList');

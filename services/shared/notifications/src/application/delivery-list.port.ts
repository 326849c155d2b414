import type { TenantId } from '@hexfleet/kernel';

/** One delivery as the list shows it. */
export interface DeliveryView {
  deliveryId: string;
  name: string;
  /** ISO-8601 UTC instants. */
  createdAt: string;
  renamedAt: string | null;
}

export interface Paging {
  limit: number;
  offset: number;
}

export interface DeliveryPage extends Paging {
  items: DeliveryView[];
  /** Every delivery of the tenant, not only this page's. */
  total: number;
}

/** The deliveries of a tenant, by name: the read model `notifications-delivery-list`. */
export interface DeliveryList {
  page(tenant: TenantId, paging: Paging): Promise<DeliveryPage>;
  find(tenant: TenantId, deliveryId: string): Promise<DeliveryView | undefined>;
}

export const DELIVERY_LIST = Symbol('DeliveryList');

import type { TenantId } from '@hexfleet/kernel';

export interface Paging {
  limit: number;
  offset: number;
}

export interface InboxItem {
  itemId: string;
  kind: string;
  category: string;
  subject: string;
  body: string;
  at: string;
  readAt: string | null;
}

export interface InboxPage {
  items: InboxItem[];
  total: number;
  unread: number;
  limit: number;
  offset: number;
}

export interface DeliveryView {
  deliveryId: string;
  eventId: string;
  recipient: string;
  channel: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  address: string | null;
  userId: string | null;
  at: string;
  sentAt: string | null;
  parkedAt: string | null;
  nextAttemptAt: string | null;
}

export interface DeliveryPage {
  items: DeliveryView[];
  total: number;
  limit: number;
  offset: number;
}

export const INBOX = Symbol('Inbox');

/** A user's in-app notices and the tenant's deliveries (for its admins). */
export interface Inbox {
  page(tenant: TenantId, userId: string, unreadOnly: boolean, paging: Paging): Promise<InboxPage>;
  unread(tenant: TenantId, userId: string): Promise<number>;
  /** The entry's read instant (the first one, when read before); undefined when the user has no such entry. */
  markRead(tenant: TenantId, userId: string, itemId: string, now: string): Promise<string | undefined>;
  markAllRead(tenant: TenantId, userId: string, now: string): Promise<number>;
  deliveries(tenant: TenantId, status: string | undefined, paging: Paging): Promise<DeliveryPage>;
}

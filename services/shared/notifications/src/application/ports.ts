import type { TenantId } from '@hexfleet/kernel';
import type { DeliveryEvent, DeliveryStatus } from '../domain/delivery.decider';
import type { Channel, NoticeKind, NoticeParams, Recipient } from '../domain/notices';

/**
 * Where a tenant's deliveries live, as the store names it (its schema): the dispatcher passes it
 * back, never reads it. Only a valid TenantId, or the store's own listing, makes one.
 */
export type TenantKey = string & { readonly __tenantKey: unique symbol };

export interface DeliveryRow {
  deliveryId: string;
  eventId: string;
  recipient: string;
  channel: Channel;
  kind: NoticeKind;
  params: NoticeParams;
  at: string;
  status: DeliveryStatus;
  attempts: number;
}

export interface InboxEntry {
  itemId: string;
  userId: string;
  kind: NoticeKind;
  category: string;
  subject: string;
  body: string;
  at: string;
}

export const DELIVERY_STORE = Symbol('DeliveryStore');

/** The deliveries recorded by the projection, as the dispatcher and an admin work on them. */
export interface DeliveryStore {
  /** The key of a tenant's deliveries. */
  keyOf(tenant: TenantId): TenantKey;
  /** Every tenant that has deliveries. */
  tenants(): Promise<TenantKey[]>;
  /** Due pending deliveries, leased for `leaseMs` so no other dispatcher takes them meanwhile. */
  claim(tenant: TenantKey, limit: number, leaseMs: number): Promise<DeliveryRow[]>;
  /**
   * Applies what the decider decided to the row (still in `expected` status), with the inbox entry
   * of an in-app delivery in the same transaction: an entry exists exactly when its delivery is sent.
   */
  settle(
    tenant: TenantKey,
    row: Pick<DeliveryRow, 'deliveryId' | 'status'>,
    events: readonly DeliveryEvent[],
    extra?: { address?: string; userId?: string; inbox?: InboxEntry },
  ): Promise<boolean>;
  find(tenant: TenantKey, deliveryId: string): Promise<DeliveryRow | undefined>;
}

export interface ResolvedRecipient {
  userId: string | null;
  address: string | null;
  name: string;
  language: string | null;
  /** False when the person turned email off in their profile. */
  emailEnabled: boolean;
  /** False when identity deactivated the account. */
  active: boolean;
}

export type Resolution =
  | { found: true; recipient: ResolvedRecipient }
  /** `permanent`: the directory knows there is nobody to tell (no approver); otherwise it may not have caught up yet. */
  | { found: false; permanent: boolean; reason: string };

export const DIRECTORY = Symbol('Directory');

export interface Directory {
  resolve(tenant: TenantKey, recipient: Recipient): Promise<Resolution>;
  /** An employee's name, '' when unknown (a leave request's wording for its approver). */
  employeeName(tenant: TenantKey, employeeId: string): Promise<string>;
}

export interface Mail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** `<deliveryId@...>`: the same for every attempt of one delivery, so a receiver can drop a repeat. */
  messageId: string;
}

/** Thrown by a mailer; `permanent` when the server refused the message itself (5xx), not just this time. */
export class MailError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export const MAILER = Symbol('Mailer');

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

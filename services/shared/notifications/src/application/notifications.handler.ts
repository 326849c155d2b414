import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@hexfleet/kernel';
import type { Principal } from '@hexfleet/platform';
import { deliveryDecider } from '../domain/delivery.decider';
import { INBOX } from './inbox.port';
import type { DeliveryPage, Inbox, InboxPage } from './inbox.port';
import { NOTIFICATIONS_SETTINGS } from './notifications-settings';
import type { NotificationsSettings } from './notifications-settings';
import { DELIVERY_STORE } from './ports';
import type { DeliveryStore } from './ports';

interface PagingInput {
  limit?: number;
  offset?: number;
}

/**
 * The caller's own inbox (every user of the tenant has one; nobody reads another's), and the
 * tenant's deliveries for its admins: what was sent, what is parked, and a retry of a parked one.
 */
@Injectable()
export class NotificationsHandler {
  private readonly decider;

  constructor(
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
    @Inject(INBOX) private readonly inbox: Inbox,
    @Inject(DELIVERY_STORE) private readonly store: DeliveryStore,
  ) {
    this.decider = deliveryDecider(settings.retry);
  }

  private paging({ limit, offset }: PagingInput) {
    return { limit: limit ?? this.settings.defaultPageSize, offset: offset ?? 0 };
  }

  myInbox(caller: Principal, query: PagingInput & { unread?: 'true' | 'false' }): Promise<InboxPage> {
    return this.inbox.page(caller.tenant, caller.userId, query.unread === 'true', this.paging(query));
  }

  async unreadCount(caller: Principal): Promise<{ unread: number }> {
    return { unread: await this.inbox.unread(caller.tenant, caller.userId) };
  }

  async markRead(caller: Principal, itemId: string): Promise<{ itemId: string; readAt: string }> {
    const readAt = await this.inbox.markRead(caller.tenant, caller.userId, itemId, this.settings.now().toISOString());
    if (!readAt) throw new DomainError('inbox-item-not-found', { itemId });
    return { itemId, readAt };
  }

  async markAllRead(caller: Principal): Promise<{ marked: number }> {
    return { marked: await this.inbox.markAllRead(caller.tenant, caller.userId, this.settings.now().toISOString()) };
  }

  deliveries(caller: Principal, query: PagingInput & { status?: string }): Promise<DeliveryPage> {
    return this.inbox.deliveries(caller.tenant, query.status, this.paging(query));
  }

  /** Puts a parked delivery back in the queue with a fresh round of attempts (409 unless parked). */
  async retry(caller: Principal, deliveryId: string): Promise<{ deliveryId: string; status: 'pending' }> {
    const key = this.store.keyOf(caller.tenant);
    const row = await this.store.find(key, deliveryId);
    if (!row) throw new DomainError('delivery-not-found', { deliveryId });
    const events = this.decider.decide(
      { type: 'Retry', now: this.settings.now().toISOString() },
      { status: row.status, attempts: row.attempts },
    );
    if (!(await this.store.settle(key, row, events))) throw new DomainError('delivery-changed', { deliveryId });
    return { deliveryId, status: 'pending' };
  }
}

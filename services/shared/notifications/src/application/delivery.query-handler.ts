import { Inject, Injectable } from '@nestjs/common';
import { Consistency } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { NOTIFICATIONS_SETTINGS } from './notifications-settings';
import type { NotificationsSettings } from './notifications-settings';
import { DELIVERY_LIST } from './delivery-list.port';
import type { DeliveryList, DeliveryPage, DeliveryView } from './delivery-list.port';

/**
 * Reads of deliveries, in the caller's tenant. Anyone of the tenant may read them;
 * a read that sends a command's consistency token back first waits for the read model.
 */
@Injectable()
export class DeliveryQueryHandler {
  constructor(
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
    @Inject(DELIVERY_LIST) private readonly deliveries: DeliveryList,
    private readonly consistency: Consistency,
  ) {}

  async list(caller: Principal, paging: { limit?: number; offset?: number }): Promise<DeliveryPage> {
    await this.consistency.await(this.settings.readModels.deliveryList, caller);
    return this.deliveries.page(caller.tenant, {
      limit: paging.limit ?? this.settings.defaultPageSize,
      offset: paging.offset ?? 0,
    });
  }

  async get(caller: Principal, deliveryId: string): Promise<DeliveryView | undefined> {
    await this.consistency.await(this.settings.readModels.deliveryList, caller);
    return this.deliveries.find(caller.tenant, deliveryId);
  }
}

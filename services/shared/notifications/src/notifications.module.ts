import { Module } from '@nestjs/common';
import { commonOptions, named } from '@hexfleet/platform';
import type { ServiceComposition, ServiceDefinition } from '@hexfleet/platform';
import { notifications, TOPIC_CATALOG } from '@hexfleet/schemas';
import { DeliveriesController } from './adapters/in/deliveries.http.controller';
import { PostgresDeliveryList } from './adapters/out/delivery-list/delivery-list.adapter';
import { deliveryList } from './adapters/out/delivery-list/delivery-list.projection';
import { NOTIFICATIONS_SETTINGS } from './application/notifications-settings';
import type { NotificationsSettings } from './application/notifications-settings';
import { DeliveryCommandHandler } from './application/delivery.command-handler';
import { DELIVERY_LIST } from './application/delivery-list.port';
import { DeliveryQueryHandler } from './application/delivery.query-handler';
import { notificationsEnv } from './notifications.config';
import type { NotificationsOptions } from './notifications.config';

/** DomainError codes that say the request is invalid in itself (422); every other code is a state conflict (409). */
const UNPROCESSABLE = ['invalid-delivery-name'];

/**
 * The Notifications service: its definition for the platform and its Nest module, built
 * together because the read models' running names (which queries wait on), the clock
 * and the id generator are choices of one composition.
 */
export function createNotifications(
  overrides: Partial<NotificationsOptions> = {},
  env: NodeJS.ProcessEnv = process.env,
): ServiceComposition {
  const options: NotificationsOptions = {
    ...commonOptions('notifications', env),
    ...notificationsEnv(env),
    ...overrides,
  };
  const readModels = named({ deliveryList }, options.projectionSuffix);
  const settings: NotificationsSettings = {
    defaultPageSize: options.defaultPageSize,
    readModels: { deliveryList: readModels.deliveryList.name },
  };
  const definition: ServiceDefinition = {
    name: 'notifications',
    source: '/shared/notifications',
    description: 'Notifications: deliveries and their names.',
    contracts: notifications.contracts,
    topics: TOPIC_CATALOG.filter((topic) => topic.owner === 'notifications'),
    projections: Object.values(readModels),
    clock: options.clock,
    ids: options.ids,
    unprocessable: UNPROCESSABLE,
    // A delivery of another tenant looks like one that never existed.
    notFound: [/-not-found$/],
  };

  @Module({
    controllers: [DeliveriesController],
    providers: [
      { provide: NOTIFICATIONS_SETTINGS, useValue: settings },
      { provide: DELIVERY_LIST, useClass: PostgresDeliveryList },
      DeliveryCommandHandler,
      DeliveryQueryHandler,
    ],
  })
  class NotificationsModule {}

  return { definition, module: NotificationsModule };
}

import { Module } from '@nestjs/common';
import { commonOptions, named } from '@hexfleet/platform';
import type { ServiceComposition, ServiceDefinition } from '@hexfleet/platform';
import { hrms, identity, libraries, payroll, profile } from '@hexfleet/schemas';
import { DeliveriesController } from './adapters/in/deliveries.http.controller';
import { InboxController } from './adapters/in/inbox.http.controller';
import { deliveries } from './adapters/out/deliveries.projection';
import { directory } from './adapters/out/directory.projection';
import { PostgresDeliveryStore } from './adapters/out/postgres-deliveries.adapter';
import { PostgresDirectory } from './adapters/out/postgres-directory.adapter';
import { PostgresInbox } from './adapters/out/postgres-inbox.adapter';
import { SmtpMailer } from './adapters/out/smtp-mailer.adapter';
import { Dispatcher } from './application/dispatcher';
import { INBOX } from './application/inbox.port';
import { NotificationsHandler } from './application/notifications.handler';
import { NOTIFICATIONS_SETTINGS } from './application/notifications-settings';
import type { NotificationsSettings } from './application/notifications-settings';
import { DELIVERY_STORE, DIRECTORY, MAILER } from './application/ports';
import { notificationsEnv } from './notifications.config';
import type { NotificationsOptions } from './notifications.config';

/** DomainError codes that say the request is invalid in itself (422); every other code is a state conflict (409). */
const UNPROCESSABLE: string[] = [];

/**
 * The Notifications service: it owns no aggregate and publishes nothing. Two read models
 * consume other services' events: the directory (who is who) and the deliveries (one per
 * notice, recipient and channel, recorded with the consumer's checkpoint); the dispatcher
 * sends them by SMTP or writes them to the in-app inbox.
 */
export function createNotifications(
  overrides: Partial<NotificationsOptions> & { now?: () => Date } = {},
  env: NodeJS.ProcessEnv = process.env,
): ServiceComposition {
  const options: NotificationsOptions = {
    ...commonOptions('notifications', env),
    ...notificationsEnv(env),
    ...overrides,
  };
  const readModels = named({ deliveries, directory }, options.projectionSuffix);
  const settings: NotificationsSettings = {
    defaultPageSize: options.defaultPageSize,
    dispatchIntervalMs: options.dispatchIntervalMs,
    leaseMs: options.leaseMs,
    retry: options.retry,
    now: overrides.now ?? (() => new Date()),
    readModels: { deliveries: readModels.deliveries.name, directory: readModels.directory.name },
  };
  const definition: ServiceDefinition = {
    name: 'notifications',
    source: '/shared/notifications',
    description: 'Notifications: domain events become mails and in-app notices, once per event, recipient and channel.',
    // Only to read other services' events.
    contracts: [
      ...hrms.contracts,
      ...payroll.contracts,
      ...libraries.contracts,
      ...identity.contracts,
      ...profile.contracts,
    ],
    topics: [],
    projections: Object.values(readModels),
    clock: options.clock,
    ids: options.ids,
    unprocessable: UNPROCESSABLE,
    // Another user's inbox entry, or another tenant's delivery, looks like one that never existed.
    notFound: [/-not-found$/],
  };

  @Module({
    controllers: [InboxController, DeliveriesController],
    providers: [
      { provide: NOTIFICATIONS_SETTINGS, useValue: settings },
      { provide: DELIVERY_STORE, useClass: PostgresDeliveryStore },
      { provide: DIRECTORY, useClass: PostgresDirectory },
      { provide: INBOX, useClass: PostgresInbox },
      { provide: MAILER, useFactory: () => new SmtpMailer(options.smtpUrl, options.mailFrom) },
      Dispatcher,
      NotificationsHandler,
    ],
  })
  class NotificationsModule {}

  return { definition, module: NotificationsModule };
}

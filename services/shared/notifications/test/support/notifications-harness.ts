import { randomBytes } from 'node:crypto';
import type { Clock } from '@hexfleet/kernel';
import { consumerGroups, createService } from '@hexfleet/platform';
import { createDevIssuer, startLocalService, uniqueName } from '@hexfleet/testing';
import { createNotifications } from '../../src/notifications.module';

/** A tenant slug no other test uses (slugs allow no hyphen, so not uniqueName). */
export const uniqueTenant = (prefix = 't') => `${prefix}${randomBytes(5).toString('hex')}`;

/**
 * The Notifications service in-process on the run's stack: its own database, read-model
 * names of its own (so parallel runs never share a consumer group), a clock the test
 * sets, and an issuer of tokens it trusts.
 */
export async function startNotifications(clock: Clock) {
  const issuer = await createDevIssuer();
  const { definition, module } = createNotifications({ clock, projectionSuffix: `-${uniqueName('t')}` }, {});
  const service = await startLocalService(
    definition.name,
    issuer,
    (env) => createService(definition, module, { env }),
    consumerGroups(definition),
  );
  return Object.assign(service, { issuer });
}

export type NotificationsHarness = Awaited<ReturnType<typeof startNotifications>>;

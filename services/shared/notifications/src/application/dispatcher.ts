import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { deliveryDecider } from '../domain/delivery.decider';
import type { DeliveryCommand } from '../domain/delivery.decider';
import { CATEGORY } from '../domain/notices';
import type { Recipient } from '../domain/notices';
import { headerSafe, isPlainAddress, localeOf, render } from '../domain/templates';
import { NOTIFICATIONS_SETTINGS } from './notifications-settings';
import type { NotificationsSettings } from './notifications-settings';
import { DELIVERY_STORE, DIRECTORY, MAILER, MailError } from './ports';
import type { DeliveryRow, DeliveryStore, Directory, InboxEntry, Mailer, TenantKey } from './ports';

const ROLES = new Set(['employee', 'manager-of', 'patron']);

export function parseRecipient(key: string): Recipient {
  const at = key.indexOf(':');
  const role = key.slice(0, at);
  if (at < 0 || !ROLES.has(role)) throw new Error(`unknown recipient ${key}`);
  return { role: role as Recipient['role'], id: key.slice(at + 1) };
}

/**
 * Sends what the deliveries projection recorded: every interval, each tenant's due deliveries
 * are leased, their recipient looked up in the directory, the notice rendered in the recipient's
 * language and handed to SMTP (email) or written to the inbox (in-app). Each outcome goes through
 * the delivery decider: sent, retried after a backoff, parked after the last attempt, or skipped
 * when there is nobody to tell (docs/adr/0078).
 */
@Injectable()
export class Dispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Dispatcher');
  private readonly decider;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
    @Inject(DELIVERY_STORE) private readonly store: DeliveryStore,
    @Inject(DIRECTORY) private readonly directory: Directory,
    @Inject(MAILER) private readonly mailer: Mailer,
  ) {
    this.decider = deliveryDecider(settings.retry);
  }

  onApplicationBootstrap() {
    if (this.settings.dispatchIntervalMs <= 0) return;
    const tick = () => {
      this.pass()
        .catch((error: Error) => this.logger.warn(`dispatch failed: ${error.message}`))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.settings.dispatchIntervalMs).unref();
        });
    };
    this.timer = setTimeout(tick, this.settings.dispatchIntervalMs).unref();
  }

  async onApplicationShutdown() {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One pass over every tenant's due deliveries; returns how many it settled. A pass under way is joined. */
  pass(): Promise<number> {
    this.running ??= this.passAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private async passAll(): Promise<number> {
    let settled = 0;
    for (const tenant of await this.store.tenants()) {
      for (;;) {
        const due = await this.store.claim(tenant, 50, this.settings.leaseMs);
        for (const row of due) if (await this.deliver(tenant, row)) settled++;
        if (due.length < 50) break;
      }
    }
    return settled;
  }

  private async deliver(tenant: TenantKey, row: DeliveryRow): Promise<boolean> {
    const now = this.settings.now().toISOString();
    const decide = (command: DeliveryCommand) =>
      this.decider.decide(command, { status: row.status, attempts: row.attempts });
    const resolution = await this.directory.resolve(tenant, parseRecipient(row.recipient));
    if (!resolution.found) {
      const events = resolution.permanent
        ? decide({ type: 'RecordSkipped', now, reason: resolution.reason })
        : decide({ type: 'RecordFailure', now, error: resolution.reason, permanent: false });
      return this.store.settle(tenant, row, events);
    }
    const who = resolution.recipient;
    if (!who.active)
      return this.store.settle(tenant, row, decide({ type: 'RecordSkipped', now, reason: 'user-inactive' }));
    const employeeName =
      row.kind === 'leave-requested' ? await this.directory.employeeName(tenant, String(row.params.employeeId)) : '';
    const rendered = render(row.kind, localeOf(who.language), { ...row.params, recipientName: who.name, employeeName });

    if (row.channel === 'in-app') {
      if (!who.userId)
        return this.store.settle(tenant, row, decide({ type: 'RecordSkipped', now, reason: 'no-account' }));
      const inbox: InboxEntry = {
        itemId: row.deliveryId,
        userId: who.userId,
        kind: row.kind,
        category: CATEGORY[row.kind],
        subject: rendered.subject,
        body: rendered.text,
        at: row.at,
      };
      return this.store.settle(tenant, row, decide({ type: 'RecordSent', now }), { userId: who.userId, inbox });
    }

    if (!who.address)
      return this.store.settle(tenant, row, decide({ type: 'RecordSkipped', now, reason: 'no-address' }));
    if (!who.emailEnabled)
      return this.store.settle(tenant, row, decide({ type: 'RecordSkipped', now, reason: 'email-turned-off' }));
    if (!isPlainAddress(who.address)) {
      const events = decide({ type: 'RecordFailure', now, error: 'invalid-address', permanent: true });
      return this.store.settle(tenant, row, events, { address: who.address });
    }
    try {
      await this.mailer.send({
        to: { name: headerSafe(who.name, 100), address: who.address },
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId: `<${row.deliveryId}@notifications.hexfleet>`,
      });
    } catch (error) {
      const permanent = error instanceof MailError && error.permanent;
      const message = headerSafe((error as Error).message ?? String(error), 500);
      this.logger.warn(`delivery ${row.deliveryId} failed (attempt ${row.attempts + 1}): ${message}`);
      const events = decide({ type: 'RecordFailure', now, error: message, permanent });
      return this.store.settle(tenant, row, events, { address: who.address });
    }
    return this.store.settle(tenant, row, decide({ type: 'RecordSent', now }), { address: who.address });
  }
}

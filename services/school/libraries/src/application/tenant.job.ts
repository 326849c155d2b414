import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import type { TimeAndIds } from '@hexfleet/platform';
import type { Tenants } from './tenants.port';

/**
 * A daily chore of the library run every interval over every tenant: it issues
 * commands whose ids derive from the thing and the day, so overlapping runs,
 * replicas and restarts act once. A pass already running is joined, not doubled.
 */
export abstract class TenantJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private readonly logger: Logger;

  protected constructor(
    private readonly name: string,
    private readonly schedule: { intervalMs: number; timeZone: string },
    protected readonly time: TimeAndIds,
    private readonly tenants: Tenants,
  ) {
    this.logger = new Logger(name);
  }

  onApplicationBootstrap() {
    if (this.schedule.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.scan().catch((error: Error) => this.logger.warn(`${this.name} failed: ${error.message}`));
    }, this.schedule.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass over every tenant; returns how many commands appended something. */
  scan(): Promise<number> {
    this.running ??= this.scanAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private async scanAll(): Promise<number> {
    const today = this.time.today(this.schedule.timeZone);
    let acted = 0;
    for (const tenant of await this.tenants.all()) acted += await this.scanTenant(tenant, today);
    return acted;
  }

  protected abstract scanTenant(tenant: TenantId, today: string): Promise<number>;
}

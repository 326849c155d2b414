import { Injectable } from '@nestjs/common';
import { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { Tenants } from '../../application/tenants.port';

/** Tenants are the `tenant_<slug>` schemas the projections created in this service's database. */
@Injectable()
export class PostgresTenants implements Tenants {
  constructor(private readonly runtime: ServiceRuntime) {}

  async all(): Promise<TenantId[]> {
    const { rows } = await this.runtime.pool.query<{ name: string }>(
      `select nspname as name from pg_namespace where nspname like 'tenant\\_%' order by nspname`,
    );
    return rows.map((r) => r.name.slice('tenant_'.length)).filter((slug): slug is TenantId => TenantId.isValid(slug));
  }
}

import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { PayrollPeriods } from '../../../application/payroll-periods.port';

/** Finalized periods from the payroll periods read model's `finalized_periods`. */
@Injectable()
export class PostgresPayrollPeriods implements PayrollPeriods {
  constructor(private readonly runtime: ServiceRuntime) {}

  async finalized(tenant: TenantId): Promise<string[]> {
    const rows = await this.runtime.queryTenant<{ period: string }>(
      tenant,
      (schema) => `select distinct period from ${schema}.finalized_periods`,
    );
    return rows.map((row) => row.period);
  }
}

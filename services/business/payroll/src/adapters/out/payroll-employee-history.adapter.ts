import { Injectable } from '@nestjs/common';
import { streamId } from '@hexfleet/eventing';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { PayrollEmployeeEvent } from '../../domain';
import type { PayrollEmployeeHistory } from '../../application/payroll-employee-history.port';

/** Reads an employee's payroll stream from the service's event store. */
@Injectable()
export class PostgresPayrollEmployeeHistory implements PayrollEmployeeHistory {
  constructor(private readonly runtime: ServiceRuntime) {}

  async eventsOf(tenant: TenantId, employeeId: string): Promise<PayrollEmployeeEvent[]> {
    const recorded = await this.runtime.store.readStream(streamId(tenant, 'payroll-employee', employeeId));
    // The stream holds only what payrollEmployeeDecider decided, appended by this service.
    return recorded.map((event) => ({ type: event.type, data: event.data }) as PayrollEmployeeEvent);
  }
}

import { Injectable } from '@nestjs/common';
import { streamId } from '@hexfleet/eventing';
import { Consistency, Principal, ServiceRuntime } from '@hexfleet/platform';
import { DayOff, paymentDays, PayrollEmployeeEvent, payrollEmployeeDecider, PayrollEmployeeState } from '../domain';
import { projectionName } from './command-context';

export const PAYROLL_EMPLOYEES = 'payroll-employees';

export interface PayrollEmployeeRow {
  employeeId: string;
  firstName: string;
  lastName: string;
  department: string;
  designation: string;
  joiningDate: string;
  relievingDate: string | null;
  enrolledAt: string;
  structureId: string | null;
  baseMinor: number | null;
  currency: string | null;
  assignedFrom: string | null;
}

const COLUMNS = `employee_id as "employeeId", first_name as "firstName", last_name as "lastName", department,
  designation, joining_date as "joiningDate", relieving_date as "relievingDate", enrolled_at as "enrolledAt",
  structure_id as "structureId", base_minor::int as "baseMinor", currency, assigned_from as "assignedFrom"`;

/** Reads of who payroll pays, and each employee's payment days in a period. */
@Injectable()
export class PayrollEmployeeQueryHandler {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly consistency: Consistency,
  ) {}

  async list(caller: Principal, { limit, offset }: { limit: number; offset: number }) {
    await this.consistency.await(projectionName(this.runtime, PAYROLL_EMPLOYEES), caller);
    const items = await this.runtime.queryTenant<PayrollEmployeeRow>(
      caller.tenant,
      (schema) => `select ${COLUMNS} from ${schema}.payroll_employees order by last_name, first_name, employee_id
        limit $1 offset $2`,
      [limit, offset],
    );
    return { items, limit, offset };
  }

  async get(caller: Principal, employeeId: string): Promise<PayrollEmployeeRow | undefined> {
    await this.consistency.await(projectionName(this.runtime, PAYROLL_EMPLOYEES), caller);
    const [row] = await this.runtime.queryTenant<PayrollEmployeeRow>(
      caller.tenant,
      (schema) => `select ${COLUMNS} from ${schema}.payroll_employees where employee_id = $1`,
      [employeeId],
    );
    return row;
  }

  /**
   * Payment days of one period, computed by the domain's own rule from the
   * employee's stream: the figure a payslip of that period would use now.
   */
  async paymentDays(caller: Principal, employeeId: string, period: string) {
    const recorded = await this.runtime.store.readStream(streamId(caller.tenant, 'payroll-employee', employeeId));
    const state = recorded
      .map((e) => ({ type: e.type, data: e.data }) as PayrollEmployeeEvent)
      .reduce<PayrollEmployeeState>(payrollEmployeeDecider.evolve, payrollEmployeeDecider.initialState);
    if (state.status === 'none') return undefined;
    const unpaid: DayOff[] = Object.values(state.unpaidLeave)
      .flat()
      .map((day) => ({ date: day.date, days: day.halfDay ? 0.5 : 1 }));
    const absences: DayOff[] = Object.entries(state.absences).map(([date, days]) => ({ date, days }));
    return { employeeId, period, ...paymentDays(period, state, unpaid, absences) };
  }
}

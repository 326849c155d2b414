import { Inject, Injectable } from '@nestjs/common';
import { Consistency, Streams } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { DayOff, paymentDays, payrollEmployeeDecider } from '../domain';
import { PAYROLL_EMPLOYEES } from './payroll-employees.port';
import type { Page, PaymentDaysView, PayrollEmployees, PayrollEmployeeView } from './payroll-employees.port';
import { PAYROLL_SETTINGS } from './payroll-settings';
import type { PayrollSettings } from './payroll-settings';

/** Reads of who payroll pays, and each employee's payment days in a period (the routes' roles say who may). */
@Injectable()
export class PayrollEmployeeQueryHandler {
  constructor(
    @Inject(PAYROLL_EMPLOYEES) private readonly employees: PayrollEmployees,
    private readonly streams: Streams,
    @Inject(PAYROLL_SETTINGS) private readonly settings: PayrollSettings,
    private readonly consistency: Consistency,
  ) {}

  async list(caller: Principal, page: Page) {
    await this.consistency.await(this.settings.readModels.employees, caller);
    const items = await this.employees.list(caller.tenant, page);
    return { items, limit: page.limit, offset: page.offset };
  }

  async get(caller: Principal, employeeId: string): Promise<PayrollEmployeeView | undefined> {
    await this.consistency.await(this.settings.readModels.employees, caller);
    return this.employees.get(caller.tenant, employeeId);
  }

  /**
   * Payment days of one period, computed by the domain's own rule from the
   * employee's stream: the figure a payslip of that period would use now.
   */
  async paymentDays(caller: Principal, employeeId: string, period: string): Promise<PaymentDaysView | undefined> {
    const { state } = await this.streams.load(payrollEmployeeDecider, caller.tenant, 'payroll-employee', employeeId);
    if (state.status === 'none') return undefined;
    const unpaid: DayOff[] = Object.values(state.unpaidLeave)
      .flat()
      .map((day) => ({ date: day.date, days: day.halfDay ? 0.5 : 1 }));
    const absences: DayOff[] = Object.entries(state.absences).map(([date, days]) => ({ date, days }));
    return { employeeId, period, ...paymentDays(period, state, unpaid, absences) };
  }
}

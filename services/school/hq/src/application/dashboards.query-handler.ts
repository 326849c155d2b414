import { Inject, Injectable } from '@nestjs/common';
import { CalendarDate } from '@hexfleet/kernel';
import { Consistency, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import { attendanceSeries, periodsOf, rangeAttendancePercent, zeroFilled } from '../domain';
import type { Interval } from '../domain';
import { DASHBOARDS } from './dashboards.port';
import type { Dashboards } from './dashboards.port';
import { HQ_SETTINGS } from './hq-settings';
import type { HqSettings } from './hq-settings';
import { assertSees } from './school-access';
import type { Fence } from './school-access';

export interface RangeQuery {
  from?: string;
  to?: string;
  interval?: Interval;
}

/** Around today when the request names no range: four weeks back (overdue loans), four ahead (upcoming events). */
const WEEKS_AROUND = 28;

/** The consolidated dashboards: one school's (fenced), or the group's (HQ). */
@Injectable()
export class DashboardsQueryHandler {
  constructor(
    @Inject(HQ_SETTINGS) private readonly settings: HqSettings,
    @Inject(DASHBOARDS) private readonly dashboards: Dashboards,
    private readonly consistency: Consistency,
    private readonly time: TimeAndIds,
  ) {}

  school(caller: Principal, schoolId: string, range: RangeQuery) {
    assertSees(caller, schoolId);
    return this.dashboard(caller, schoolId, { all: false, schoolIds: [schoolId] }, range);
  }

  /** Every school of the group: the route is HQ's only. */
  group(caller: Principal, range: RangeQuery) {
    return this.dashboard(caller, null, { all: true }, range);
  }

  private async dashboard(
    caller: Principal,
    schoolId: string | null,
    fence: Fence,
    range: RangeQuery,
  ): Promise<views.hq.DashboardView> {
    const today = this.time.today();
    const from = range.from ?? CalendarDate.addDays(today, -WEEKS_AROUND);
    const to = range.to ?? CalendarDate.addDays(today, WEEKS_AROUND);
    const interval = range.interval ?? 'day';
    const periods = periodsOf(from, to, interval);
    await this.consistency.await(this.settings.readModels.dashboard, caller);
    const query = { fence, from, to, interval };
    const [overdue, events, enrolled, withdrawn, attendance, absent] = await Promise.all([
      this.dashboards.overdueLoans(caller.tenant, query),
      this.dashboards.upcomingEvents(caller.tenant, query),
      this.dashboards.enrolments(caller.tenant, query),
      this.dashboards.withdrawals(caller.tenant, query),
      this.dashboards.attendance(caller.tenant, query),
      this.dashboards.absentStudents(caller.tenant, query),
    ]);
    return {
      schoolId,
      from,
      to,
      interval,
      overdueLoans: zeroFilled(periods, overdue),
      upcomingEvents: zeroFilled(periods, events),
      enrolments: zeroFilled(periods, enrolled),
      withdrawals: zeroFilled(periods, withdrawn),
      attendance: attendanceSeries(periods, attendance),
      attendancePercent: rangeAttendancePercent(attendance),
      absentStudents: zeroFilled(periods, absent),
    };
  }
}

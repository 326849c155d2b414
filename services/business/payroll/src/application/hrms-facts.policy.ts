import { policy } from '@hexfleet/eventing';
import type { ConsumedEvent, Policy } from '@hexfleet/eventing';
import type { Clock } from '@hexfleet/kernel';
import type { Later } from '@hexfleet/platform';
import type { hrms } from '@hexfleet/schemas';
import type { HrmsFactsCommandHandler } from './hrms-facts.command-handler';
import { monthOfDate } from './open-run';

/** The one policy through which payroll learns what HRMS decided (one consumer group, started once). */
const HRMS_FACTS_POLICY = 'payroll-hrms-facts';
const HRMS_FACTS_TOPICS = ['hrms.employee.v1', 'hrms.leave-request.v1', 'hrms.attendance.v1'];

/** What payroll computes with; promotions, transfers, requests and rejections change none of it and pass by. */
type HrmsFacts =
  | Extract<hrms.HrmsEmployeeV1Event, { type: 'EmployeeHired' | 'EmployeeSeparated' }>
  | Extract<hrms.HrmsLeaveRequestV1Event, { type: 'LeaveApproved' | 'LeaveCancelled' }>
  | hrms.HrmsAttendanceV1Event;

type Leave = ConsumedEvent<hrms.LeaveApproved | hrms.LeaveCancelled>;

/** The months an unpaid leave's days fall in: each has an open run to recompute, if any. */
const months = ({ data }: Leave) => [...new Set(data.leaveDays.map((day) => monthOfDate(day.date)))];

/**
 * HRMS facts -> payroll: EmployeeHired enrols; a separation, unpaid leave
 * approved or cancelled, or attendance updates the employee's stream and the
 * open run of the months it touches (HrmsFactsCommandHandler).
 */
export function hrmsFactsPolicy(facts: Later<HrmsFactsCommandHandler>, clock: Clock, suffix = ''): Policy {
  const name = `${HRMS_FACTS_POLICY}${suffix}`;
  const source = { name };
  const metadata = () => ({ now: clock.now().toISOString() });
  return policy<HrmsFacts>({
    name,
    topics: HRMS_FACTS_TOPICS,
    on: {
      async EmployeeHired(event) {
        const { employeeId, firstName, lastName, joiningDate, department, designation } = event.data;
        const data = { employeeId, firstName, lastName, joiningDate, department, designation };
        await facts.get().record(source, event, {
          employeeId,
          command: { type: 'EnrollEmployee', data, metadata: metadata() },
          periods: [],
        });
      },
      async EmployeeSeparated(event) {
        const { employeeId, relievingDate } = event.data;
        await facts.get().record(source, event, {
          employeeId,
          command: { type: 'RecordSeparation', data: { relievingDate }, metadata: metadata() },
          periods: [monthOfDate(relievingDate)],
        });
      },
      async LeaveApproved(event) {
        const { employeeId, leaveRequestId, leaveDays, unpaid } = event.data;
        if (!unpaid) return;
        await facts.get().record(source, event, {
          employeeId,
          command: { type: 'RecordUnpaidLeave', data: { leaveRequestId, leaveDays }, metadata: metadata() },
          periods: months(event),
        });
      },
      async LeaveCancelled(event) {
        const { employeeId, leaveRequestId, unpaid, wasApproved } = event.data;
        if (!unpaid || !wasApproved) return;
        await facts.get().record(source, event, {
          employeeId,
          command: { type: 'ReverseUnpaidLeave', data: { leaveRequestId }, metadata: metadata() },
          periods: months(event),
        });
      },
      async EmployeeAttendanceMarked(event) {
        const { employeeId, date, status, leaveRequestId } = event.data;
        await facts.get().record(source, event, {
          employeeId,
          command: { type: 'RecordAttendance', data: { date, status, leaveRequestId }, metadata: metadata() },
          periods: [monthOfDate(date)],
        });
      },
      async EmployeeAttendanceCleared(event) {
        const { employeeId, date, leaveRequestId } = event.data;
        await facts.get().record(source, event, {
          employeeId,
          command: { type: 'RecordAttendance', data: { date, status: null, leaveRequestId }, metadata: metadata() },
          periods: [monthOfDate(date)],
        });
      },
    },
  });
}

'use client';
import {
  DataTable,
  Empty,
  formMessage,
  Loading,
  ProblemNotice,
  problemOf,
  SelectField,
  TextField,
  useSession,
  FormAlert,
  StatusNote,
} from '@hexfleet/ui';
import type { Problem } from '@hexfleet/ui';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import type { LeaveBalancesQuery as Balances, LeaveRequestsQuery as Requests } from '@/gql/graphql';
import { formValues, thisYear } from '@/lib/forms';
import {
  ActiveEmployeesQuery,
  ApplyForLeaveMutation,
  LeaveBalancesQuery,
  LeaveRequestsQuery,
  LeaveTypesQuery,
} from '@/lib/leave-operations';

const FIELDS = ['employeeId', 'leaveTypeId', 'fromDate', 'toDate', 'halfDayDate', 'reason'];
type Balance = Balances['leaveBalances'][number];
type Request = Requests['leaveRequests']['items'][number];
const nameOf = (row: { employee?: { firstName: string; lastName: string } | null; employeeId: string }) =>
  row.employee ? `${row.employee.firstName} ${row.employee.lastName}` : row.employeeId;

/**
 * Leave: apply (for oneself; HR and managers for someone else, half days too), this year's balances
 * and the latest requests, read after the application with its consistency token.
 */
export default function LeavePage() {
  const { claims } = useSession();
  const mayActForOthers = (claims?.roles ?? []).some((r) => r === 'hr' || r === 'manager');
  const year = thisYear();
  const [types] = useQuery({ query: LeaveTypesQuery });
  const [employees] = useQuery({ query: ActiveEmployeesQuery, pause: !mayActForOthers });
  const [balances, refetchBalances] = useQuery({ query: LeaveBalancesQuery, variables: { year } });
  const [requests, refetchRequests] = useQuery({ query: LeaveRequestsQuery, variables: { limit: 20 } });
  const [applying, apply] = useMutation(ApplyForLeaveMutation);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [done, setDone] = useState<string | undefined>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const v = formValues(event);
    setDone(undefined);
    const result = await apply({
      input: {
        leaveTypeId: v.leaveTypeId ?? '',
        fromDate: v.fromDate ?? '',
        toDate: v.toDate ?? '',
        ...(v.employeeId ? { employeeId: v.employeeId } : {}),
        ...(v.halfDayDate ? { halfDayDate: v.halfDayDate } : {}),
        ...(v.reason ? { reason: v.reason } : {}),
      },
    });
    if (!result.data) return setProblem(problemOf(result.error));
    setProblem(undefined);
    form.reset();
    setDone('Leave applied for. It waits for approval.');
    refetchBalances({ requestPolicy: 'network-only' });
    refetchRequests({ requestPolicy: 'network-only' });
  }

  const typeOptions = (types.data?.leaveTypes ?? []).map((t) => ({
    value: t.leaveTypeId,
    label: t.unpaid ? `${t.name} (unpaid)` : t.name,
  }));
  const message = formMessage(problem, FIELDS);
  return (
    <>
      <h1>Leave</h1>
      <section className="hx-card" aria-labelledby="apply">
        <h2 id="apply">Apply for leave</h2>
        {types.data && typeOptions.length === 0 ? (
          <Empty title="No leave types yet.">
            <p>HR defines them under Leave setup.</p>
          </Empty>
        ) : (
          <form onSubmit={submit} noValidate>
            <FormAlert message={message} />
            <StatusNote message={done} />
            <div className="hx-form-grid">
              {mayActForOthers ? (
                <SelectField
                  label="Employee"
                  name="employeeId"
                  error={problem?.fields.employeeId}
                  options={[
                    { value: '', label: 'Myself' },
                    ...(employees.data?.employees.items ?? []).map((e) => ({
                      value: e.employeeId,
                      label: `${e.firstName} ${e.lastName}`,
                    })),
                  ]}
                />
              ) : null}
              <SelectField
                label="Leave type"
                name="leaveTypeId"
                error={problem?.fields.leaveTypeId}
                options={typeOptions}
              />
              <TextField label="From" name="fromDate" type="date" required error={problem?.fields.fromDate} />
              <TextField label="To" name="toDate" type="date" required error={problem?.fields.toDate} />
              <TextField
                label="Half day"
                name="halfDayDate"
                type="date"
                hint="A day of the leave taken as half a day (optional)"
                error={problem?.fields.halfDayDate}
              />
              <TextField label="Reason" name="reason" maxLength={500} error={problem?.fields.reason} />
            </div>
            <button className="hx-button" type="submit" disabled={applying.fetching}>
              {applying.fetching ? 'Applying…' : 'Apply'}
            </button>
          </form>
        )}
      </section>

      <h2>Balances {year}</h2>
      <ProblemNotice problem={problemOf(balances.error)} title="Balances could not be loaded" />
      {balances.fetching && !balances.data ? <Loading label="Loading balances…" /> : null}
      {balances.data?.leaveBalances.length === 0 ? <Empty title={`No leave allocated for ${year}.`} /> : null}
      {balances.data && balances.data.leaveBalances.length > 0 ? (
        <DataTable<Balance>
          caption={`Leave balances ${year}`}
          rows={balances.data.leaveBalances}
          rowKey={(b) => b.allocationId}
          columns={[
            { header: 'Employee', rowHeader: true, cell: nameOf },
            { header: 'Leave type', cell: (b) => b.leaveType ?? '—' },
            { header: 'Allocated', cell: (b) => b.totalDays },
            { header: 'Used', cell: (b) => b.usedDays },
            { header: 'Available', cell: (b) => b.availableDays },
          ]}
        />
      ) : null}

      <h2>Latest requests</h2>
      <ProblemNotice problem={problemOf(requests.error)} title="Requests could not be loaded" />
      {requests.data?.leaveRequests.items.length === 0 ? <Empty title="No leave requests yet." /> : null}
      {requests.data && requests.data.leaveRequests.items.length > 0 ? (
        <DataTable<Request>
          caption="Leave requests, latest first"
          rows={requests.data.leaveRequests.items}
          rowKey={(r) => r.leaveRequestId}
          columns={[
            { header: 'Employee', rowHeader: true, cell: nameOf },
            { header: 'From', cell: (r) => r.fromDate },
            { header: 'To', cell: (r) => r.toDate },
            { header: 'Days', cell: (r) => r.totalDays },
            { header: 'Status', cell: (r) => r.status },
          ]}
        />
      ) : null}
    </>
  );
}

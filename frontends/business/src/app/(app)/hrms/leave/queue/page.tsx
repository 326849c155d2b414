'use client';
import { DataTable, Empty, Loading, ProblemNotice, problemOf, StatusNote } from '@hexfleet/ui';
import type { Problem } from '@hexfleet/ui';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { LeaveRequestsQuery as Requests } from '@/gql/graphql';
import { DecideLeaveMutation, LeaveRequestsQuery } from '@/lib/leave-operations';

type Request = Requests['leaveRequests']['items'][number];

/** The approval queue (managers and HR): pending requests, approved or rejected in place. */
export default function LeaveQueuePage() {
  const [pending, refetch] = useQuery({
    query: LeaveRequestsQuery,
    variables: { filter: { status: 'pending' }, limit: 50 },
  });
  const [deciding, decide] = useMutation(DecideLeaveMutation);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [said, setSaid] = useState<string | undefined>();

  async function onDecide(request: Request, approve: boolean) {
    const result = await decide({ id: request.leaveRequestId, approve });
    if (result.error) return setProblem(problemOf(result.error));
    setProblem(undefined);
    const who = request.employee ? `${request.employee.firstName} ${request.employee.lastName}` : 'the employee';
    setSaid(`${approve ? 'Approved' : 'Rejected'} ${who}'s leave from ${request.fromDate}.`);
    refetch({ requestPolicy: 'network-only' });
  }

  const rows = pending.data?.leaveRequests.items ?? [];
  return (
    <>
      <div className="hx-page-head">
        <h1>Approval queue</h1>
        <button
          className="hx-button hx-button-quiet"
          type="button"
          onClick={() => refetch({ requestPolicy: 'network-only' })}
        >
          Refresh
        </button>
      </div>
      <ProblemNotice problem={problem} title="The decision was refused" />
      <ProblemNotice problem={problemOf(pending.error)} title="The queue could not be loaded" />
      <StatusNote message={said} />
      {pending.fetching && !pending.data ? <Loading label="Loading the queue…" /> : null}
      {pending.data && rows.length === 0 ? <Empty title="Nothing waits for approval." /> : null}
      {rows.length > 0 ? (
        <DataTable<Request>
          caption="Leave waiting for approval"
          rows={rows}
          rowKey={(r) => r.leaveRequestId}
          columns={[
            {
              header: 'Employee',
              rowHeader: true,
              cell: (r) => (r.employee ? `${r.employee.firstName} ${r.employee.lastName}` : r.employeeId),
            },
            { header: 'From', cell: (r) => r.fromDate },
            { header: 'To', cell: (r) => r.toDate },
            { header: 'Days', cell: (r) => r.totalDays },
            { header: 'Reason', cell: (r) => r.reason || '—' },
            {
              header: 'Decision',
              cell: (r) => {
                const who = r.employee ? `${r.employee.firstName} ${r.employee.lastName}` : 'this request';
                return (
                  <span className="hx-actions">
                    <button
                      className="hx-button"
                      type="button"
                      disabled={deciding.fetching}
                      onClick={() => onDecide(r, true)}
                      aria-label={`Approve ${who}`}
                    >
                      Approve
                    </button>{' '}
                    <button
                      className="hx-button hx-button-quiet"
                      type="button"
                      disabled={deciding.fetching}
                      onClick={() => onDecide(r, false)}
                      aria-label={`Reject ${who}`}
                    >
                      Reject
                    </button>
                  </span>
                );
              },
            },
          ]}
        />
      ) : null}
    </>
  );
}

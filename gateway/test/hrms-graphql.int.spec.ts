import { randomBytes, randomUUID } from 'node:crypto';
import { eventually } from '@hexfleet/testing';
import { Fleet, graphql, GraphqlReply, newHire, startFleet, subscriptionClient, upstreamCalls } from './support/fleet';

const tenant = `gqh${randomBytes(4).toString('hex')}`;

interface QueueRow {
  leaveRequestId: string;
  status: string;
  totalDays: number;
  employee: { firstName: string } | null;
}

/** The data of a reply that must have no errors. */
const dataOf = (reply: GraphqlReply) => {
  if (reply.body.errors?.length || !reply.body.data) throw new Error(`GraphQL errors: ${JSON.stringify(reply.body)}`);
  return reply.body.data;
};

const HIRE = `mutation ($input: HireEmployeeInput!) { hireEmployee(input: $input) { id consistencyToken } }`;
const APPLY = `mutation ($input: ApplyForLeaveInput!) { applyForLeave(input: $input) { id consistencyToken } }`;
const APPROVE = `mutation ($id: ID!) { approveLeaveRequest(id: $id) { accepted consistencyToken } }`;

/**
 * HRMS over GraphQL only: leave set-up, hiring, the leave approval queue as a
 * subscription, approval, and reading one's own write with its consistency token.
 */
describe('HRMS through the gateway’s GraphQL', () => {
  let fleet: Fleet;
  let hr: string;
  const send = async (token: string, query: string, variables?: Record<string, unknown>) =>
    dataOf(await graphql(fleet.url, query, { token, variables }));

  beforeAll(async () => {
    fleet = await startFleet({ hrms: 'services/business/hrms' });
    hr = await fleet.issuer.mint({ tenant, roles: ['hr'] });
  });
  afterAll(() => fleet?.stop());

  it('walks leave from application to approval, the approval queue live, and reads the approval fresh', async () => {
    const { defineLeaveType } = await send(
      hr,
      `mutation { defineLeaveType(input: { name: "Casual leave", unpaid: false }) { id } }`,
    );
    const leaveTypeId = (defineLeaveType as { id: string }).id;
    const [managerUser, employeeUser] = [randomUUID(), randomUUID()];
    const hire = async (firstName: string, userId: string, managerId?: string) => {
      const input = newHire(firstName, { userId, managerId });
      return (await send(hr, HIRE, { input })).hireEmployee as { id: string; consistencyToken: string };
    };
    const manager = await hire('Grace', managerUser);
    const employee = await hire('Ada', employeeUser, manager.id);
    for (const employeeId of [manager.id, employee.id]) {
      await send(hr, `mutation ($input: AllocateLeaveInput!) { allocateLeave(input: $input) { id } }`, {
        input: { employeeId, leaveTypeId, year: 2026, days: 12 },
      });
    }

    // HRMS knows who is applying by the token's user, through the directory: read it
    // with the hires' tokens first, so the employee's first application finds them.
    const directory = await graphql(
      fleet.url,
      `{ employees(filter: { managerId: "${manager.id}" }) { items { userId } } }`,
      {
        token: hr,
        headers: { 'x-consistency-token': `${manager.consistencyToken}, ${employee.consistencyToken}` },
      },
    );
    expect(dataOf(directory).employees).toEqual({ items: [{ userId: employeeUser }] });
    expect(directory.body).toMatchObject({ extensions: { consistency: 'fresh' } });

    const managerToken = await fleet.issuer.mint({ tenant, roles: ['manager'], userId: managerUser });
    const employeeToken = await fleet.issuer.mint({ tenant, roles: ['employee'], userId: employeeUser });
    const client = subscriptionClient(fleet.url, managerToken);
    const connected = new Promise((resolve) => client.on('connected', resolve));
    const queue: QueueRow[] = [];
    const problems: unknown[] = [];
    const stop = client.subscribe<{ leaveRequestChanged: QueueRow }>(
      {
        query: `subscription ($team: [ID!]) {
          leaveRequestChanged(employeeIds: $team) { leaveRequestId status totalDays employee { firstName } }
        }`,
        variables: { team: [employee.id] },
      },
      {
        next: ({ data, errors }) => (data ? queue.push(data.leaveRequestChanged) : problems.push(errors)),
        error: (error) => problems.push(error),
        complete: () => undefined,
      },
    );
    let applied: { id: string };
    let other: { id: string; consistencyToken: string };
    let approval: { accepted: boolean; consistencyToken: string };
    try {
      await connected;
      // graphql-ws acknowledges the connection, not the subscription: give the server a moment to hold it.
      await new Promise((resolve) => setTimeout(resolve, 500));

      // HR applies for the manager: not the manager's team, so never on this subscription.
      other = (
        await send(hr, APPLY, {
          input: { employeeId: manager.id, leaveTypeId, fromDate: '2026-05-04', toDate: '2026-05-04' },
        })
      ).applyForLeave as typeof other;
      applied = (
        await send(employeeToken, APPLY, {
          input: { leaveTypeId, fromDate: '2026-04-06', toDate: '2026-04-07', reason: 'Family' },
        })
      ).applyForLeave as typeof applied;
      const rowOf = (status: string) => queue.find((row) => row.leaveRequestId === applied.id && row.status === status);
      await eventually(async () => rowOf('pending') !== undefined, { timeoutMs: 15_000, what: 'the pending request' });
      expect(rowOf('pending')).toEqual({
        leaveRequestId: applied.id,
        status: 'pending',
        totalDays: 2,
        employee: { firstName: 'Ada' },
      });

      approval = (await send(managerToken, APPROVE, { id: applied.id })).approveLeaveRequest as typeof approval;
      expect(approval.accepted).toBe(true);
      await eventually(async () => rowOf('approved') !== undefined, { timeoutMs: 15_000, what: 'the approval' });
      console.log(`approval queue received: ${queue.map((row) => row.status).join(', ')}`);
      expect(queue.map((row) => row.leaveRequestId)).not.toContain(other.id);
      expect(problems).toEqual([]);
    } finally {
      stop();
      await client.dispose();
    }

    // Counted once the subscription is closed, so that only this query's calls count.
    const before = await upstreamCalls(fleet.url, 'hrms');
    const read = await graphql(
      fleet.url,
      `
        {
          leaveRequests(limit: 10) {
            hasMore
            items {
              leaveRequestId
              status
              employee {
                firstName
              }
            }
          }
        }
      `,
      { token: hr, headers: { 'x-consistency-token': `${approval.consistencyToken}, ${other.consistencyToken}` } },
    );
    const calls = (await upstreamCalls(fleet.url, 'hrms')) - before;
    expect(read.body).toMatchObject({ extensions: { consistency: 'fresh' } });
    const page = dataOf(read).leaveRequests as {
      hasMore: boolean;
      items: Array<{ leaveRequestId: string; status: string; employee: { firstName: string } }>;
    };
    expect(page.hasMore).toBe(false);
    const rows = page.items.map(({ leaveRequestId, status, employee: e }) => [leaveRequestId, status, e.firstName]);
    expect(rows).toContainEqual([applied.id, 'approved', 'Ada']);
    expect(rows).toContainEqual([other.id, 'pending', 'Grace']);
    expect(rows).toHaveLength(2);
    // The page, then one batched directory read for both requests' employees.
    expect(calls).toBe(2);
  });

  it('answers a malformed argument with an error naming the field, and a broken rule with its code', async () => {
    const { leaveTypes } = await send(hr, `{ leaveTypes { leaveTypeId } }`);
    const badDate = await graphql(fleet.url, APPLY, {
      token: hr,
      variables: {
        input: {
          leaveTypeId: (leaveTypes as Array<{ leaveTypeId: string }>)[0].leaveTypeId,
          fromDate: '2026-02-30',
          toDate: '2026-03-02',
        },
      },
    });
    console.log(`bad date: ${badDate.status} ${JSON.stringify(badDate.body.errors)}`);
    expect(badDate.status).toBeLessThan(500);
    expect(badDate.body.errors?.[0]?.extensions).toMatchObject({
      code: 'validation-failed',
      status: 400,
      errors: [{ field: 'fromDate' }],
    });

    const { leaveRequests } = await send(
      hr,
      `{ leaveRequests(filter: { status: "approved" }) { items { leaveRequestId } } }`,
    );
    const [approved] = (leaveRequests as { items: Array<{ leaveRequestId: string }> }).items;
    const again = await graphql(fleet.url, APPROVE, { token: hr, variables: { id: approved.leaveRequestId } });
    console.log(`approving twice: ${again.status} ${JSON.stringify(again.body.errors)}`);
    expect(again.body.errors?.[0]?.extensions).toMatchObject({
      code: 'leave-not-pending',
      status: 409,
      module: 'hrms',
    });
  });
});

import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { createDevIssuer, DevIssuer, eventually, readTopicUntil, stackEnv } from '@hexfleet/testing';
import type { KafkaMessage } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import { eventTypeOf } from '@hexfleet/schemas';
import { Reply, ServiceHarness, startHrms, storedEvents } from './support/service-harness';

const outcome = (reply: Reply) => `${reply.status}${reply.body.code ? ` ${reply.body.code}` : ''}`;

describe('job openings: a manager asks, HR approves (never their own), the board shows where each stands', () => {
  let issuer: DevIssuer;
  let hrms: ServiceHarness;

  beforeAll(async () => {
    issuer = await createDevIssuer();
    hrms = await startHrms('jobs', issuer);
  });
  afterAll(() => hrms?.close());

  it('creates, refuses self-approval, approves onto hrms.job-opening.v1, closes, and filters the board', async () => {
    const tenant = `jobs${randomBytes(4).toString('hex')}`;
    const [managerUser, hrUser] = [randomUUID(), randomUUID()];
    const [manager, hr, employee] = await Promise.all([
      issuer.mint({ tenant, userId: managerUser, roles: ['manager'] }),
      issuer.mint({ tenant, userId: hrUser, roles: ['hr'] }),
      issuer.mint({ tenant, roles: ['employee'] }),
    ]);
    // Requester and approver are employees: their ids come from the directory, by the user each token names.
    const person = {
      department: 'Finance',
      designation: 'Lead',
      employmentType: 'full-time',
      joiningDate: '2026-01-05',
    };
    const hire = async (firstName: string, userId: string) => {
      const body = { ...person, firstName, workEmail: `${firstName}@example.com`, userId };
      const id = (await hrms.call('POST', '/employees', { token: hr, body })).body.employeeId as string;
      await eventually(async () => (await hrms.call('GET', `/employees/${id}`, { token: hr })).status === 200);
      return id;
    };
    const [managerId, hrId] = [await hire('Mona', managerUser), await hire('Hank', hrUser)];

    const opening = { title: 'Senior Accountant', department: 'Finance', designation: 'Accountant', positions: 2 };
    const created = await hrms.call('POST', '/job-openings', { token: manager, body: opening });
    expect(created.status).toBe(201);
    const jobOpeningId = created.body.jobOpeningId as string;
    const pending = await hrms.call('GET', `/job-openings/${jobOpeningId}`, {
      token: employee,
      headers: { 'x-consistency-token': created.headers.get('x-consistency-token') ?? '' },
    });
    expect(pending.body).toMatchObject({ ...opening, status: 'pending', requestedBy: managerId, description: '' });

    const byEmployee = await hrms.call('POST', '/job-openings', { token: employee, body: opening });
    const own = await hrms.call('POST', '/job-openings', { token: hr, body: { ...opening, title: 'Payroll Clerk' } });
    const selfApproved = await hrms.call('POST', `/job-openings/${own.body.jobOpeningId}/approve`, { token: hr });
    const byManager = await hrms.call('POST', `/job-openings/${jobOpeningId}/approve`, { token: manager });
    const approved = await hrms.call('POST', `/job-openings/${jobOpeningId}/approve`, { token: hr });
    const again = await hrms.call('POST', `/job-openings/${jobOpeningId}/approve`, { token: hr });
    const unknown = await hrms.call('POST', `/job-openings/${randomUUID()}/approve`, { token: hr });
    const replies = { byEmployee, selfApproved, byManager, approved, again, unknown };
    const outcomes = Object.fromEntries(Object.entries(replies).map(([what, reply]) => [what, outcome(reply)]));
    console.log(`job opening answers: ${JSON.stringify(outcomes)}`);
    expect(outcomes).toEqual({
      byEmployee: '403 forbidden',
      selfApproved: '409 self-approval-not-allowed',
      byManager: '403 forbidden',
      approved: '200',
      again: '409 job-opening-not-pending',
      unknown: '404 not-found',
    });

    // Pipeline learns of the approval from the topic alone: the record carries the whole opening.
    const registry = new SchemaRegistry({ host: stackEnv('SCHEMA_REGISTRY_URL') });
    const key = `${tenant}:${jobOpeningId}`;
    const isApproval = (r: KafkaMessage) =>
      r.key?.toString() === key && eventTypeOf(String(r.headers?.ce_type)) === 'JobOpeningApproved';
    const records = await readTopicUntil('hrms.job-opening.v1', (all) => all.some(isApproval));
    const record = records.find(isApproval);
    const decoded = await registry.decode(record?.value as Buffer);
    console.log(`Pipeline would read ${record?.headers?.ce_type}: ${JSON.stringify(decoded)}`);
    expect(decoded).toMatchObject({ jobOpeningId, title: 'Senior Accountant', positions: 2, approvedBy: hrId });

    const closed = await hrms.call('POST', `/job-openings/${jobOpeningId}/close`, {
      token: manager,
      body: { reason: 'both hired' },
    });
    expect(closed.status).toBe(200);
    // The board shows two openings, two streams: it is read with both tokens (ADR 0030).
    const fresh = {
      'x-consistency-token': [own, closed].map((reply) => reply.headers.get('x-consistency-token') ?? '').join(', '),
    };
    const board = async (query: string) =>
      ((await hrms.call('GET', `/job-openings${query}`, { token: employee, headers: fresh })).body.items ?? []).map(
        (item) => `${item.title}: ${item.status}`,
      );
    const boards = { all: await board(''), closed: await board('?status=closed'), it: await board('?department=IT') };
    console.log(`job board: ${JSON.stringify(boards)}`);
    expect(boards).toEqual({
      all: expect.arrayContaining(['Senior Accountant: closed', 'Payroll Clerk: pending']),
      closed: ['Senior Accountant: closed'],
      it: [],
    });
    expect(await hrms.call('GET', `/job-openings/${jobOpeningId}`, { token: hr, headers: fresh })).toMatchObject({
      body: { status: 'closed', closeReason: 'both hired', closedBy: managerUser, approvedBy: hrId },
    });

    // Another company sees none of it, and cannot touch it.
    const stranger = await issuer.mint({ tenant: `x${tenant.slice(1)}`, roles: ['hr'] });
    expect((await hrms.call('GET', `/job-openings/${jobOpeningId}`, { token: stranger })).status).toBe(404);
    expect((await hrms.call('GET', '/job-openings', { token: stranger })).body.items).toEqual([]);
    expect((await hrms.call('POST', `/job-openings/${jobOpeningId}/close`, { token: stranger, body: {} })).status).toBe(
      404,
    );
    const events = ['JobOpeningCreated', 'JobOpeningApproved', 'JobOpeningClosed'];
    const counts = await Promise.all(
      events.map((type) => storedEvents(hrms, type, `${tenant}/job-opening/${jobOpeningId}`)),
    );
    expect(counts).toEqual([1, 1, 1]);
  });
});

import { randomBytes } from 'node:crypto';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import type { KafkaMessage } from 'kafkajs';
import { callService, eventually, readTopicUntil, stackEnv } from '@hexfleet/testing';
import { expectOk, Fleet, gatewayApi, startFleet } from './support/fleet';

const BUSINESS_SERVICES = {
  identity: 'services/shared/identity',
  profile: 'services/shared/profile',
  hrms: 'services/business/hrms',
  payroll: 'services/business/payroll',
  pipeline: 'services/business/pipeline',
  chat: 'services/business/chat',
};

const header = (record: KafkaMessage, name: string) => record.headers?.[name]?.toString();
type Row = Record<string, unknown>;
const JOINING = '2026-11-02';
const PERIOD = '2026-11';
const PASSWORD = 'flow-one-password-2026';

/**
 * Flow 1 (DOMAIN.md), every service built and run as its own process behind the gateway:
 * HRMS approves a job opening, Pipeline opens its recruitment board from that event, a
 * candidate moves through the stages and is hired (the job's only place: JobOpeningFilled);
 * HRMS hires from CandidateHired (EmployeeHired caused by it), payroll enrols the employee,
 * identity invites them, profile is pre-filled, the next payroll run has their payslip, and
 * chat has put them in #general and their department's channel.
 */
describe('flow 1: a candidate hired in Pipeline becomes an employee with a payslip', () => {
  let fleet: Fleet;
  const tenant = `hire${randomBytes(4).toString('hex')}`;
  const registry = new SchemaRegistry({ host: stackEnv('SCHEMA_REGISTRY_URL') });
  const email = `ada.lovelace@${tenant}.test`;

  const api = (token: string) => gatewayApi(fleet, token);
  /** The tenant's record of one type on a public topic satisfying `wanted`, decoded as an outside consumer would. */
  const recordOf = async (topic: string, type: string, wanted: (value: Row) => boolean) => {
    const ours = (records: KafkaMessage[]) =>
      records.filter((r) => header(r, 'tenant') === tenant && header(r, 'ce_type')?.endsWith(`.${type}`));
    let found: { record: KafkaMessage; value: Row } | undefined;
    await eventually(
      async () => {
        const records = ours(await readTopicUntil(topic, (all) => ours(all).length > 0));
        for (const record of records) {
          const value = (await registry.decode(record.value as Buffer)) as Row;
          if (wanted(value)) found = { record, value };
        }
        return found !== undefined;
      },
      { timeoutMs: 90_000, what: `the ${type} on ${topic}`, pollMs: 500 },
    );
    if (!found) throw new Error(`no ${type} on ${topic}`);
    return found;
  };

  beforeAll(async () => {
    fleet = await startFleet(BUSINESS_SERVICES);
    const provisioned = await callService(fleet.services.identity.url, 'POST', '/tenants', {
      headers: { 'x-operator-key': fleet.operatorKey },
      body: {
        slug: tenant,
        name: 'Flow One Ltd',
        product: 'business',
        admin: { email: `admin@${tenant}.test`, displayName: 'Flo Admin' },
      },
    });
    expectOk(provisioned, 201, 'provisioning the tenant');
  });
  afterAll(() => fleet?.stop());

  it('follows one candidate from application to a payslip in the next payroll run', async () => {
    const manager = api(await fleet.issuer.mint({ tenant, roles: ['manager'], expiresInSeconds: 1_800 }));
    const hr = api(await fleet.issuer.mint({ tenant, roles: ['hr', 'payroll-admin'], expiresInSeconds: 1_800 }));

    // Payroll is set up for the month: a structure the new employee will get.
    const basic = expectOk(
      await hr.send('POST', '/payroll/salary-components', { code: 'BASIC', name: 'Basic', kind: 'earning' }),
      201,
      'a component',
    );
    const structure = expectOk(
      await hr.send('POST', '/payroll/salary-structures', {
        name: 'Finance',
        currency: 'EUR',
        lines: [{ componentId: String(basic.componentId), method: 'percent_of_base', basisPoints: 10_000 }],
      }),
      201,
      'a structure',
    );

    // HRMS: a manager asks for one accountant, HR approves.
    const opening = expectOk(
      await manager.send('POST', '/hrms/job-openings', {
        title: 'Senior Accountant',
        department: 'Finance',
        designation: 'Accountant',
        positions: 1,
      }),
      201,
      'the job opening',
    );
    const jobId = String(opening.jobOpeningId);
    expectOk(await hr.send('POST', `/hrms/job-openings/${jobId}/approve`), 200, 'approving it');

    // Pipeline opened the job's recruitment board from JobOpeningApproved, with its one place.
    await eventually(async () => (await hr.get(`/pipeline/pipelines/${jobId}`)).status === 200, {
      timeoutMs: 60_000,
      what: "the job's recruitment board",
    });
    const applied = expectOk(
      await hr.send('POST', `/pipeline/pipelines/${jobId}/candidates`, {
        firstName: 'Ada',
        lastName: 'Lovelace',
        email,
      }),
      201,
      'the application',
    );
    const candidateId = String(applied.candidateId);
    for (const stageId of ['screening', 'interview', 'offer'])
      expectOk(await hr.send('POST', `/pipeline/cards/${candidateId}/move`, { stageId }), 200, `moving to ${stageId}`);
    expectOk(await hr.send('POST', `/pipeline/cards/${candidateId}/hire`, { joiningDate: JOINING }), 200, 'the hire');

    // The outside world sees CandidateHired and JobOpeningFilled; HRMS's EmployeeHired names the hire as its cause.
    const hired = await recordOf('pipeline.candidate.v1', 'CandidateHired', (v) => v.candidateId === candidateId);
    expect(hired.value).toMatchObject({
      email,
      department: 'Finance',
      designation: 'Accountant',
      joiningDate: JOINING,
    });
    await recordOf('pipeline.pipeline.v1', 'JobOpeningFilled', (v) => v.jobOpeningId === jobId);
    // HRMS closes the filled opening.
    await eventually(async () => (await hr.get(`/hrms/job-openings/${jobId}`)).body.status === 'closed', {
      timeoutMs: 60_000,
      what: 'the opening closed as filled',
    });
    const employee = await recordOf('hrms.employee.v1', 'EmployeeHired', (v) => v.candidateId === candidateId);
    expect(header(employee.record, 'causation_id')).toBe(header(hired.record, 'ce_id'));
    expect(employee.value).toMatchObject({
      workEmail: email,
      jobOpeningId: jobId,
      department: 'Finance',
      joiningDate: JOINING,
    });
    const employeeId = String(employee.value.employeeId);

    // Payroll enrolled them (from EmployeeHired); they get the structure and appear in the next run.
    await eventually(async () => (await hr.get(`/payroll/employees/${employeeId}`)).status === 200, {
      timeoutMs: 90_000,
      pollMs: 500,
      what: 'payroll enrolling the new employee',
    });
    expectOk(
      await hr.send('POST', `/payroll/employees/${employeeId}/salary-assignments`, {
        structureId: String(structure.structureId),
        fromDate: JOINING,
        baseMinor: 400_000,
      }),
      201,
      'assigning the structure',
    );
    expectOk(await hr.send('POST', '/payroll/payroll-runs', { period: PERIOD, currency: 'EUR' }), 201, 'the run');
    let payslips: Row[] = [];
    await eventually(
      async () => {
        const reply = await hr.get(`/payroll/employees/${employeeId}/payslips`);
        payslips = (Array.isArray(reply.body) ? reply.body : ((reply.body.items as Row[] | undefined) ?? [])) as Row[];
        return payslips.some((p) => p.period === PERIOD);
      },
      { timeoutMs: 90_000, pollMs: 500, what: `the ${PERIOD} payslip` },
    );
    expect(payslips.find((p) => p.period === PERIOD)).toMatchObject({ period: PERIOD });

    // Identity invited the work email; the invitation's account has a profile pre-filled from the hire.
    const identity = fleet.services.identity.url;
    let token = '';
    await eventually(
      async () => {
        const mail = await callService(identity, 'GET', `/dev/mailbox?to=${encodeURIComponent(email)}`);
        const messages = (Array.isArray(mail.body) ? mail.body : []) as Row[];
        token = String(messages.find((m) => m.tenant === tenant && m.purpose === 'invitation')?.token ?? '');
        return token !== '';
      },
      { timeoutMs: 60_000, what: `the invitation to ${email}` },
    );
    expect(
      (await callService(identity, 'POST', '/auth/invitations/accept', { body: { tenant, token, password: PASSWORD } }))
        .status,
    ).toBeLessThan(300);
    const session = expectOk(
      await callService(fleet.url, 'POST', '/api/v1/identity/auth/login', {
        body: { tenant, email, password: PASSWORD },
      }),
      200,
      'signing in as the new employee',
    );
    const me = api(String(session.accessToken));
    let profile: Row = {};
    await eventually(
      async () => {
        const reply = await me.get('/profile/profiles/me');
        profile = reply.body as Row;
        return reply.status === 200 && JSON.stringify(profile).includes('Accountant');
      },
      { timeoutMs: 60_000, what: 'the pre-filled profile' },
    );
    expect(JSON.stringify(profile)).toContain('Finance');

    // Flow 1 ends in chat: the new employee is in #general and the department's channel.
    let channels: string[] = [];
    await eventually(
      async () => {
        const reply = await me.get('/chat/channels');
        channels = (Array.isArray(reply.body) ? (reply.body as Row[]) : []).map((c) => String(c.name));
        return channels.length >= 2;
      },
      { timeoutMs: 60_000, what: "the new employee's default channels" },
    );
    expect(channels).toContain('general');
    expect(channels.some((name) => /finance/i.test(name))).toBe(true);
  });
});

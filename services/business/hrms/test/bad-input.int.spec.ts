import { eventually } from '@hexfleet/testing';
import type { Pool } from 'pg';
import { randomBytes } from 'node:crypto';
import { BadRequest, openApiOf, refusal, RequestWalker } from './support/bad-input';
import { hrmsWithPayroll, Reply } from './support/service-harness';

type Call = (method: string, path: string, options: { token: string; body?: unknown }) => Promise<Reply>;

const eventsOf = async (pool: Pool, tenant: string) =>
  Number((await pool.query('select count(*) as n from eventstore.events where tenant = $1', [tenant])).rows[0].n);

interface Known {
  employeeId: string;
  leaveTypeId: string;
  deductionId: string;
  structureId: string;
}
type DomainCase = BadRequest & { service: 'hrms' | 'payroll'; code: string };
const post = (service: DomainCase['service'], code: string, field: string, path: string, body: unknown) =>
  ({ service, code, field, method: 'POST', path, body, operation: `POST ${path}`, what: code }) as DomainCase;

/** Refusals only the domain can judge (422), each naming its field in the problem. */
const domainCases = ({ employeeId: id, leaveTypeId, deductionId, structureId }: Known): DomainCase[] => [
  post('hrms', 'leave-ends-before-start', 'toDate', '/leave-requests', {
    employeeId: id,
    leaveTypeId,
    fromDate: '2026-04-09',
    toDate: '2026-04-08',
  }),
  post('hrms', 'holiday-list-ends-before-start', 'toDate', '/holiday-lists', {
    name: 'H',
    fromDate: '2026-12-31',
    toDate: '2026-01-01',
    holidays: [],
  }),
  post('hrms', 'holiday-outside-list', 'date', '/holiday-lists', {
    name: 'H',
    fromDate: '2026-01-01',
    toDate: '2026-06-30',
    holidays: [{ date: '2026-12-25' }],
  }),
  post('hrms', 'relieving-before-joining', 'relievingDate', `/employees/${id}/separation`, {
    relievingDate: '2025-12-31',
  }),
  post('hrms', 'effective-before-joining', 'effectiveDate', `/employees/${id}/promotions`, {
    toDesignation: 'Lead',
    effectiveDate: '2025-12-31',
  }),
  post('hrms', 'employee-cannot-manage-self', 'toManagerId', `/employees/${id}/transfers`, {
    toDepartment: 'Ops',
    toManagerId: id,
    effectiveDate: '2026-06-01',
  }),
  post('hrms', 'attendance-in-future', 'date', '/attendance', {
    employeeId: id,
    date: '2999-01-04',
    status: 'present',
  }),
  post('hrms', 'field-required', 'name', '/leave-types', { name: '   ', unpaid: false }),
  post('payroll', 'structure-needs-an-earning', 'lines', '/salary-structures', {
    name: 'S',
    currency: 'EUR',
    lines: [{ componentId: deductionId, method: 'fixed', amountMinor: 100 }],
  }),
  post('payroll', 'assignment-before-joining', 'fromDate', `/employees/${id}/salary-assignments`, {
    structureId,
    fromDate: '2025-01-01',
    baseMinor: 1,
  }),
];

// Acceptance 5: every endpoint of both services, from their own /openapi.json.
describe('bad input: every endpoint refuses malformed and out-of-range input, naming the field, and writes nothing', () => {
  const services = hrmsWithPayroll('bad');

  it('walks every operation of HRMS and payroll', async () => {
    const { issuer, local: hrms, built: payroll } = services;
    const tenant = `bad${randomBytes(4).toString('hex')}`;
    const token = await issuer.mint({ tenant, roles: ['hr', 'manager', 'employee', 'payroll-admin'] });
    const person = {
      firstName: 'Ada',
      workEmail: 'ada@example.com',
      joiningDate: '2026-01-05',
      department: 'Ops',
      designation: 'Analyst',
      employmentType: 'full-time',
    };
    const { employeeId } = (await hrms.call('POST', '/employees', { token, body: person })).body as {
      employeeId: string;
    };
    await eventually(async () => (await payroll.call('GET', `/employees/${employeeId}`, { token })).status === 200, {
      what: 'payroll enrolling the employee',
      timeoutMs: 90_000,
    });
    const created = async (call: Call, path: string, body: unknown, key: string) =>
      (await call('POST', path, { token, body })).body[key] as string;
    const leaveTypeId = await created(hrms.call, '/leave-types', { name: 'Unpaid', unpaid: true }, 'leaveTypeId');
    const earning = { code: 'BASIC', name: 'Basic', kind: 'earning' };
    const earningId = await created(payroll.call, '/salary-components', earning, 'componentId');
    const deduction = { code: 'PF', name: 'Fund', kind: 'deduction' };
    const deductionId = await created(payroll.call, '/salary-components', deduction, 'componentId');
    const lines = [{ componentId: earningId, method: 'percent_of_base', basisPoints: 10_000 }];
    const structureId = await created(
      payroll.call,
      '/salary-structures',
      { name: 'S', currency: 'EUR', lines },
      'structureId',
    );
    const before = { hrms: await eventsOf(hrms.db.pool, tenant), payroll: await eventsOf(payroll.db.pool, tenant) };

    const failures: string[] = [];
    const statuses: Record<string, number> = {};
    const send = async (call: Call, request: BadRequest, expected?: string) => {
      const reply = await call(request.method, request.path, { token, body: request.body });
      statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
      const wrong =
        refusal(reply, request.field) ??
        (expected && reply.body.code !== expected ? `code ${reply.body.code}` : undefined);
      if (wrong) failures.push(`${request.operation} ${request.field} ${request.what}: ${wrong}`);
    };
    const summary: Record<string, unknown> = {};
    for (const [name, call] of [
      ['hrms', hrms.call],
      ['payroll', payroll.call],
    ] as const) {
      const doc = openApiOf((await call('GET', '/openapi.json', { token })).body);
      const walker = new RequestWalker(doc, { id: employeeId });
      const requests = walker.requests();
      for (const request of requests) await send(call, request);
      const operations = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
      summary[name] = {
        operations,
        walked: new Set(requests.map((r) => r.operation)).size,
        requests: requests.length,
        inputless: walker.inputless(),
      };
      // Every operation is walked, or takes no input at all.
      expect(new Set(requests.map((r) => r.operation)).size + walker.inputless().length).toBe(operations);
    }
    for (const request of domainCases({ employeeId, leaveTypeId, deductionId, structureId }))
      await send(request.service === 'hrms' ? hrms.call : payroll.call, request, request.code);
    const after = { hrms: await eventsOf(hrms.db.pool, tenant), payroll: await eventsOf(payroll.db.pool, tenant) };

    console.log(`bad input walked: ${JSON.stringify(summary)}`);
    console.log(
      `answers: ${JSON.stringify(statuses)}; events before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`,
    );
    expect(failures).toEqual([]);
    expect(after).toEqual(before);
  });
});

import { BesideBuilt, eventually, Reply } from '@hexfleet/testing';
import { ServiceHarness } from './service-harness';

export type Services = BesideBuilt<ServiceHarness>;

export interface Slip {
  employeeId: string;
  employeeName: string;
  paymentDays: number;
  grossMinor: number;
  deductionsMinor: number;
  netMinor: number;
}

export interface April {
  tenant: string;
  tokens: { hr: string; manager: string; admin: string };
  /** Employee ids by first name. */
  ids: { Ada: string; Bob: string; Cy: string };
  leaveTypeId: string;
  leaveRequestId: string;
  /** The draft run's payslips, as created. */
  slips: Slip[];
  runId: string;
  finalized: Reply;
}

/** The status the step needs, or a failure that shows what came back instead. */
export function must(reply: Reply, status: number): Reply['body'] {
  if (reply.status !== status)
    throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** A list route's answer: the status it needs and a JSON array of `T`, or a failure that shows what came back. */
export function listOf<T>(reply: Reply, status = 200): T[] {
  const body = must(reply, status);
  if (!Array.isArray(body)) throw new Error(`expected a list, got ${JSON.stringify(body)}`);
  return body;
}

/** Cross-service steps wait this long: a loaded CI machine runs several stacks' worth of consumers. */
export const settled = (check: () => Promise<boolean>, what: string) => eventually(check, { what, timeoutMs: 90_000 });

/** Payroll hears of the hire through Kafka; only then does the employee take a salary structure. */
export async function assignOnceEnrolled(
  payroll: ServiceHarness,
  admin: string,
  employeeId: string,
  assignment: { structureId: unknown; fromDate: string; baseMinor: number },
) {
  const enrolled = async () => (await payroll.call('GET', `/employees/${employeeId}`, { token: admin })).status === 200;
  await settled(enrolled, `payroll enrolling ${employeeId}`);
  const path = `/employees/${employeeId}/salary-assignments`;
  must(await payroll.call('POST', path, { token: admin, body: assignment }), 201);
}

/**
 * A EUR salary structure of percentage lines, each a component of its own:
 * a percentage of the base, or (`ofComponent`) of a line above.
 */
export async function defineStructure(
  payroll: ServiceHarness,
  admin: string,
  name: string,
  lines: Array<{ code: string; kind: 'earning' | 'deduction'; basisPoints: number; ofComponent?: string }>,
) {
  const post = async (path: string, body: unknown) =>
    must(await payroll.call('POST', path, { token: admin, body }), 201);
  const structureLines = [];
  for (const { code, kind, basisPoints, ofComponent } of lines) {
    const { componentId } = await post('/salary-components', { code, name: code, kind });
    const method = ofComponent ? 'percent_of_component' : 'percent_of_base';
    structureLines.push({ componentId, method, basisPoints, ...(ofComponent ? { ofComponent } : {}) });
  }
  return (await post('/salary-structures', { name, currency: 'EUR', lines: structureLines })).structureId;
}

export const PEOPLE = {
  Ada: { joiningDate: '2026-03-02', baseMinor: 310_000 }, // 2 days of unpaid leave in April
  Bob: { joiningDate: '2026-04-16', baseMinor: 310_000 }, // joins mid-April: 15 of 30 days
  Cy: { joiningDate: '2026-01-12', baseMinor: 450_000 }, // the whole month
} as const;

/**
 * A company's April, through both services' APIs: HR hires three people (one
 * mid-month), a manager approves two days of unpaid leave for Ada, the payroll
 * admin sets up a structure (Basic = base, HRA 40% of Basic, PF 12% of Basic),
 * creates the April run once payroll knows the leave, and finalizes it.
 */
export async function payApril({ issuer, local: payroll, built: hrms }: Services, tenant: string): Promise<April> {
  const [hr, manager, admin] = await Promise.all(
    ['hr', 'manager', 'payroll-admin'].map((role) => issuer.mint({ tenant, roles: [role] })),
  );
  const person = { department: 'Engineering', designation: 'Engineer', employmentType: 'full-time' };
  const ids = {} as April['ids'];
  for (const [firstName, { joiningDate }] of Object.entries(PEOPLE)) {
    const body = { ...person, firstName, workEmail: `${firstName.toLowerCase()}@example.com`, joiningDate };
    ids[firstName as keyof April['ids']] = must(await hrms.call('POST', '/employees', { token: hr, body }), 201)
      .employeeId as string;
  }
  const unpaid = { name: 'Without pay', unpaid: true };
  const { leaveTypeId } = must(await hrms.call('POST', '/leave-types', { token: hr, body: unpaid }), 201);
  const leave = { employeeId: ids.Ada, leaveTypeId, fromDate: '2026-04-08', toDate: '2026-04-09' };
  const { leaveRequestId } = must(await hrms.call('POST', '/leave-requests', { token: hr, body: leave }), 201);
  must(await hrms.call('POST', `/leave-requests/${leaveRequestId}/approve`, { token: manager }), 200);

  const structureId = await defineStructure(payroll, admin, 'Engineering', [
    { code: 'BASIC', kind: 'earning', basisPoints: 10_000 },
    { code: 'HRA', kind: 'earning', basisPoints: 4_000, ofComponent: 'BASIC' },
    { code: 'PF', kind: 'deduction', basisPoints: 1_200, ofComponent: 'BASIC' },
  ]);
  for (const [name, { joiningDate, baseMinor }] of Object.entries(PEOPLE)) {
    const employeeId = ids[name as keyof April['ids']];
    await assignOnceEnrolled(payroll, admin, employeeId, { structureId, fromDate: joiningDate, baseMinor });
  }
  const adaDays = async () =>
    (await payroll.call('GET', `/employees/${ids.Ada}/payment-days?period=2026-04`, { token: admin })).body.paymentDays;
  await settled(async () => (await adaDays()) === 28, 'payroll recording the 2 unpaid days');

  const created = await payroll.call('POST', '/payroll-runs', {
    token: admin,
    body: { period: '2026-04', currency: 'EUR' },
  });
  const { runId } = must(created, 201);
  const slips = listOf<Slip>(
    await payroll.call('GET', '/payroll-runs/2026-04/payslips', {
      token: admin,
      headers: { 'x-consistency-token': created.headers.get('x-consistency-token') ?? '' },
    }),
  );
  const finalized = await payroll.call('POST', '/payroll-runs/2026-04/finalize', { token: admin });
  must(finalized, 200);
  return {
    tenant,
    tokens: { hr, manager, admin },
    ids,
    leaveTypeId: leaveTypeId as string,
    leaveRequestId: leaveRequestId as string,
    slips,
    runId: runId as string,
    finalized,
  };
}

/** What the acceptance compares: who got paid what, without ids. */
export const figures = (slips: readonly Slip[]) =>
  slips.map(({ employeeName, paymentDays, grossMinor, deductionsMinor, netMinor }) => ({
    employeeName,
    paymentDays,
    grossMinor,
    deductionsMinor,
    netMinor,
  }));

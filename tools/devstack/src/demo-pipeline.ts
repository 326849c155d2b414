import { type Auth, call, expectStatus, type Json, logIn, signIn, waitFor, Written } from './demo-http';
import type { RunningFleet } from './fleet';

/** What the pipeline seed needs of the business seed: the fleet, the HR admin's headers, a way to sign someone else in. */
export interface PipelineSeedContext {
  fleet: RunningFleet;
  auth: Auth;
  tenant: string;
  password: string;
}

const MANAGER = { email: 'hiro.manager@acme.test', displayName: 'Hiro Manager' };
const CANDIDATES: Array<[string, string, string[], 'hire' | 'reject' | null]> = [
  ['Ada', 'Lovelace', ['screening', 'interview', 'offer'], 'hire'],
  ['Linus', 'Torvalds', ['screening', 'interview'], null],
  ['Margaret', 'Hamilton', ['screening'], null],
  ['Barbara', 'Liskov', [], null],
  ['Dennis', 'Ritchie', ['screening'], 'reject'],
];
const DEALS: Array<[string, number, string | null, 'won' | 'lost' | null]> = [
  ['Globex: fleet licences', 2_400_000, 'proposal', null],
  ['Initech: support renewal', 600_000, 'negotiation', null],
  ['Hooli: pilot', 350_000, 'qualified', null],
  ['Umbrella: analytics add-on', 900_000, null, null],
  ['Stark: enterprise plan', 5_000_000, 'negotiation', 'won'],
  ['Wayne: onboarding', 450_000, 'proposal', 'lost'],
];

/**
 * Pipeline's demo (issue 19): a hiring manager asks for engineers, HR approves, the job's
 * recruitment board fills with candidates in several stages, one is hired (HRMS then hires
 * the employee, payroll enrols them: flow 1); a sales pipeline holds deals in every stage,
 * one won and one lost. Every write carries an Idempotency-Key, so a restart doubles nothing.
 */
export async function seedPipeline({ fleet, auth, tenant, password }: PipelineSeedContext): Promise<void> {
  const { IDENTITY_URL: identity, HRMS_URL: hrms, PIPELINE_URL: pipeline } = fleet.urls;
  if (!identity || !hrms || !pipeline) return;
  const manager = await signInInvited(identity, auth, tenant, password);

  // The manager asks for two engineers; HR (the admin) approves: Pipeline opens the board.
  const opening = await call(
    `${hrms}/job-openings`,
    'POST',
    { title: 'Software Engineer', department: 'Engineering', designation: 'Software Engineer', positions: 2 },
    manager('demo-job-opening-engineers'),
  );
  const { jobOpeningId } = expectStatus(opening, [201], 'asking for engineers');
  expectStatus(
    await call(`${hrms}/job-openings/${jobOpeningId}/approve`, 'POST', undefined, auth('demo-job-opening-approve')),
    [200, 409],
    'approving the opening',
  );
  await waitFor('the recruitment board', async () =>
    (await call(`${pipeline}/pipelines/${jobOpeningId}`, 'GET', undefined, auth())).status === 200 ? true : undefined,
  );

  const written = new Written();
  const send = async (path: string, body: Json, key: string, what: string, allowed = [200, 201]) => {
    const reply = await call(`${pipeline}${path}`, 'POST', body, auth(key));
    written.add(reply);
    return expectStatus(reply, allowed, what);
  };
  for (const [firstName, lastName, stages, end] of CANDIDATES) {
    const email = `${firstName}.${lastName}@example.com`.toLowerCase();
    const { candidateId } = await send(
      `/pipelines/${jobOpeningId}/candidates`,
      { firstName, lastName, email },
      `demo-apply-${email}`,
      `${firstName} applying`,
    );
    for (const stageId of stages)
      await send(`/cards/${candidateId}/move`, { stageId }, `demo-move-${email}-${stageId}`, `moving ${firstName}`);
    if (end === 'hire')
      await send(
        `/cards/${candidateId}/hire`,
        { joiningDate: '2027-01-04' },
        `demo-hire-${email}`,
        `hiring ${firstName}`,
      );
    if (end === 'reject')
      await send(
        `/cards/${candidateId}/close`,
        { outcome: 'lost', reason: 'Chose another offer' },
        `demo-reject-${email}`,
        `rejecting ${firstName}`,
      );
  }
  await written.visibleAt(`${pipeline}/pipelines/${jobOpeningId}`, auth(), 'the recruitment board');

  const sales = await send('/pipelines', { name: 'Enterprise sales' }, 'demo-sales-pipeline', 'the sales pipeline');
  for (const [title, amountMinor, stageId, end] of DEALS) {
    const key = title.split(':')[0].toLowerCase();
    const { dealId } = await send(
      `/pipelines/${sales.pipelineId}/deals`,
      { title, amountMinor, currency: 'USD' },
      `demo-deal-${key}`,
      `the ${title} deal`,
    );
    if (stageId) await send(`/cards/${dealId}/move`, { stageId }, `demo-deal-move-${key}`, `moving ${title}`);
    if (end === 'won')
      await send(`/cards/${dealId}/close`, { outcome: 'won' }, `demo-deal-won-${key}`, `winning ${title}`);
    if (end === 'lost')
      await send(
        `/cards/${dealId}/close`,
        { outcome: 'lost', reason: 'Went with a competitor' },
        `demo-deal-lost-${key}`,
        `losing ${title}`,
      );
  }
  await written.visibleAt(`${pipeline}/pipelines/${sales.pipelineId}`, auth(), 'the sales pipeline');
}

/** The hiring manager: invited by the admin with the manager role, then signed in (`signIn` accepts the invitation). */
async function signInInvited(identity: string, auth: Auth, tenant: string, password: string): Promise<Auth> {
  if ((await logIn(identity, tenant, MANAGER.email, password)).status === 401) {
    const invited = await call(
      `${identity}/users/invitations`,
      'POST',
      { ...MANAGER, grants: [{ role: 'manager' }] },
      auth('demo-invite-hiring-manager'),
    );
    expectStatus(invited, [201, 409], 'inviting the hiring manager');
  }
  const { accessToken } = await signIn(identity, tenant, MANAGER.email, password);
  return (key?: string) => ({
    authorization: `Bearer ${String(accessToken)}`,
    ...(key ? { 'idempotency-key': key } : {}),
  });
}

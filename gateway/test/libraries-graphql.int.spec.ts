import { randomBytes, randomUUID } from 'node:crypto';
import { createDevIssuer, eventually, startSeparateService, uniqueName } from '@hexfleet/testing';
import type { DevIssuer, SeparateService } from '@hexfleet/testing';
import type { Client } from 'graphql-ws';
import { graphql, subscriptionClient, upstreamCalls } from './support/fleet';
import type { GraphqlReply } from './support/fleet';

const tenant = `lib${randomBytes(4).toString('hex')}`;
const schoolId = randomUUID();
const LIBRARIES = 'services/school/libraries';

interface LiveLoan {
  loanId: string;
  status: string;
  renewals: number;
  dueDate: string;
  catalogueEntry: { title: string } | null;
}

/** The data of a reply without errors (else the errors, to say why). */
function dataOf(reply: GraphqlReply): Record<string, Record<string, unknown>> {
  if (reply.status !== 200 || reply.body.errors) throw new Error(`${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body.data as Record<string, Record<string, unknown>>;
}

/**
 * A library desk over GraphQL only: the catalogue, a patron, checkout, renewal and return,
 * a patron watching their own loans live, read-your-writes with the return's token, and
 * what a malformed argument and a refused checkout answer.
 */
describe('the libraries through GraphQL (libraries and the gateway)', () => {
  const running: SeparateService[] = [];
  let issuer: DevIssuer;
  let gateway: string;
  let tomorrowGateway: string;
  let librarian: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    // A renewal counts from its own day, so it must come a day after the checkout to move the
    // due day. Libraries' days are those of LIBRARY_TIME_ZONE: this replica's are 12 hours behind
    // UTC, and a second replica of it (same database and read models, as a deployment scales)
    // 14 hours ahead, 26 hours later: always a later day. A gateway in front of each.
    issuer = await createDevIssuer();
    const start = async (project: string, env: NodeJS.ProcessEnv, database = false) => {
      const service = await startSeparateService(project, issuer, { database, env });
      running.push(service);
      return service;
    };
    const readModels = { PROJECTION_SUFFIX: `-${uniqueName('t')}` };
    const today = await start(LIBRARIES, { ...readModels, LIBRARY_TIME_ZONE: 'Etc/GMT+12' }, true);
    const database = { DATABASE_URL: today.db?.url };
    const tomorrow = await start(LIBRARIES, { ...database, ...readModels, LIBRARY_TIME_ZONE: 'Etc/GMT-14' });
    gateway = (await start('gateway', { LIBRARIES_URL: today.url })).url;
    tomorrowGateway = (await start('gateway', { LIBRARIES_URL: tomorrow.url })).url;
    librarian = await issuer.mint({ tenant, roles: ['librarian'] });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    for (const service of running.reverse()) await service.stop();
  });

  const desk = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
    graphql(gateway, query, { token: librarian, variables, headers });
  const registerPatron = async (name: string, userId: string | null = null) =>
    dataOf(
      await desk(`mutation ($input: RegisterPatronInput!) { registerPatron(input: $input) { id } }`, {
        input: { schoolId, name, category: 'student', userId },
      }),
    ).registerPatron.id as string;
  const catalogueWithCopies = async (title: string, copies: number) => {
    const created = await desk(`mutation ($input: CatalogueTitleInput!) { catalogueTitle(input: $input) { id } }`, {
      input: { schoolId, title, authors: ['A. Writer'], itemType: 'book' },
    });
    const titleId = dataOf(created).catalogueTitle.id as string;
    const copyIds: string[] = [];
    for (let i = 1; i <= copies; i++) {
      const copy = await desk(
        `mutation ($t: ID!, $input: AddCopyInput!) { addCopy(titleId: $t, input: $input) { id } }`,
        {
          t: titleId,
          input: { barcode: `${title.slice(0, 3).toUpperCase()}-${i}`, shelf: 'FIC' },
        },
      );
      copyIds.push(dataOf(copy).addCopy.id as string);
    }
    return { titleId, copyIds };
  };

  /** Opens a client that subscribes to a patron's loans, and to patron registrations (to know it is live). */
  const watch = (token: string, patronId: string) => {
    const client = subscriptionClient(gateway, token);
    clients.push(client);
    const loans: LiveLoan[] = [];
    const registered = new Set<string>();
    const errors: unknown[] = [];
    client.subscribe<{ patronLoanChanged: LiveLoan }>(
      {
        query: `subscription ($p: ID!) {
          patronLoanChanged(patronId: $p) { loanId status renewals dueDate catalogueEntry { title } }
        }`,
        variables: { p: patronId },
      },
      {
        next: ({ data }) => data && loans.push(data.patronLoanChanged),
        error: (e) => errors.push(e),
        complete: () => undefined,
      },
    );
    client.subscribe<{ domainEvents: { subject: string } }>(
      { query: `subscription { domainEvents(types: ["PatronRegistered"]) { subject } }` },
      {
        next: ({ data }) => data && registered.add(data.domainEvents.subject),
        error: (e) => errors.push(e),
        complete: () => undefined,
      },
    );
    return { loans, registered, errors };
  };

  it('walks checkout, renewal and return, live on the patron’s subscription, then reads it fresh', async () => {
    dataOf(
      await desk(
        `mutation ($s: ID!, $input: LoanRuleInput!) { setLoanRule(schoolId: $s, input: $input) { accepted } }`,
        {
          s: schoolId,
          input: {
            patronCategory: null,
            itemType: null,
            loanPeriodDays: 14,
            maxLoans: 5,
            maxRenewals: 2,
            maxHolds: 3,
            fineRatePerDayMinor: 300,
            currency: 'INR',
            graceDays: 2,
            fineCapMinor: 5000,
            hardDueDate: null,
          },
        },
      ),
    );
    const first = await catalogueWithCopies('Graph Theory', 1);
    const second = await catalogueWithCopies('Query Languages', 1);
    const patronId = await registerPatron('Asha', 'user-asha');

    // The patron watches their own loans; another signed-in student watches them too and must see nothing.
    const own = watch(await issuer.mint({ tenant, userId: 'user-asha', roles: ['student'] }), patronId);
    const stranger = watch(await issuer.mint({ tenant, userId: 'user-ravi', roles: ['student'] }), patronId);
    // Subscribing is asynchronous: warm-up registrations, until both clients see one, prove both are in place.
    const warmups: string[] = [];
    await eventually(
      async () => {
        if (warmups.some((id) => own.registered.has(id) && stranger.registered.has(id))) return true;
        warmups.push(await registerPatron('Warm-up'));
        return false;
      },
      { timeoutMs: 30_000, pollMs: 1_000, what: 'a warm-up registration on both subscriptions' },
    );

    const borrowed = dataOf(
      await desk(
        `mutation ($c: ID!, $p: ID!) { borrowCopy(copyId: $c, patronId: $p) { loanId dueDate consistencyToken } }`,
        {
          c: first.copyIds[0],
          p: patronId,
        },
      ),
    ).borrowCopy;
    const loanId = borrowed.loanId as string;
    const seen = (status: string, renewals: number) => () =>
      Promise.resolve(own.loans.some((l) => l.loanId === loanId && l.status === status && l.renewals === renewals));
    await eventually(seen('active', 0), { timeoutMs: 10_000, what: 'the new loan on the subscription' });
    expect(own.loans.find((l) => l.loanId === loanId)).toEqual({
      loanId,
      status: 'active',
      renewals: 0,
      dueDate: borrowed.dueDate,
      catalogueEntry: { title: 'Graph Theory' },
    });

    const renewal = await graphql(
      tomorrowGateway,
      `
        mutation ($l: ID!) {
          renewLoan(loanId: $l) {
            loanId
            dueDate
            renewalsLeft
            consistencyToken
          }
        }
      `,
      { token: librarian, variables: { l: loanId } },
    );
    const renewed = dataOf(renewal).renewLoan;
    expect(renewed).toMatchObject({ loanId, renewalsLeft: 1 });
    expect(String(renewed.dueDate) > String(borrowed.dueDate)).toBe(true);
    await eventually(seen('active', 1), { timeoutMs: 10_000, what: 'the renewal on the subscription' });

    const returned = dataOf(
      await desk(`mutation ($l: ID!) { returnLoan(loanId: $l) { loanId fineMinor currency consistencyToken } }`, {
        l: loanId,
      }),
    ).returnLoan;
    expect(returned).toMatchObject({ loanId, fineMinor: 0, currency: null });
    expect(returned.consistencyToken).toEqual(expect.any(String));
    await eventually(seen('returned', 1), { timeoutMs: 10_000, what: 'the return on the subscription' });
    console.log(
      `the patron's subscription: ${own.loans.map((l) => `${l.status}/${l.renewals}`).join(', ')}; ` +
        `the stranger's: ${stranger.loans.length} loans, errors ${JSON.stringify([...own.errors, ...stranger.errors])}`,
    );

    // A second loan, of another title: the page below has two titles to show, read in one call.
    const other = dataOf(
      await desk(`mutation ($c: ID!, $p: ID!) { borrowCopy(copyId: $c, patronId: $p) { loanId consistencyToken } }`, {
        c: second.copyIds[0],
        p: patronId,
      }),
    ).borrowCopy;
    // The subscriptions read each loan they are told of: closed first, so the count below is the query's alone.
    await eventually(async () => own.loans.some((l) => l.loanId === other.loanId), { what: 'the second loan, live' });
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = await upstreamCalls(gateway, 'libraries');
    const page = await desk(
      `query ($p: ID!) {
        patronLoans(patronId: $p, limit: 10) {
          hasMore
          items { loanId status renewals returnedOn catalogueEntry { title } patron { name standing } }
        }
      }`,
      { p: patronId },
      { 'x-consistency-token': `${returned.consistencyToken as string}, ${other.consistencyToken as string}` },
    );
    const calls = (await upstreamCalls(gateway, 'libraries')) - before;
    console.log(`patronLoans: ${JSON.stringify(page.body)}; Libraries calls for it: ${calls}`);
    // The reply's extensions (GraphqlReply does not type them): every read had caught up with the tokens.
    expect((page.body as { extensions?: unknown }).extensions).toEqual({ consistency: 'fresh' });
    const loans = dataOf(page).patronLoans;
    expect(loans.hasMore).toBe(false);
    expect(loans.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          loanId,
          status: 'returned',
          renewals: 1,
          returnedOn: expect.any(String),
          catalogueEntry: { title: 'Graph Theory' },
          patron: { name: 'Asha', standing: 'active' },
        }),
        expect.objectContaining({
          loanId: other.loanId,
          status: 'active',
          catalogueEntry: { title: 'Query Languages' },
        }),
      ]),
    );
    // The page, then one batched call for both titles and one for the patron (not one per loan).
    expect(calls).toBe(3);
    expect(own.errors).toEqual([]);
    expect(stranger.loans).toEqual([]);
  });

  it('answers a malformed argument with an error naming the field, and a refused checkout with its code', async () => {
    const patronId = await registerPatron('Ravi');
    const { copyIds } = await catalogueWithCopies('Only Copy', 1);
    const borrow = (copyId: string) =>
      desk(`mutation ($c: ID!, $p: ID!) { borrowCopy(copyId: $c, patronId: $p) { loanId } }`, {
        c: copyId,
        p: patronId,
      });

    const malformed = await borrow('not-a-uuid');
    const badInput = await desk(`mutation ($input: CatalogueTitleInput!) { catalogueTitle(input: $input) { id } }`, {
      input: { schoolId, title: '', authors: [], itemType: 'book' },
    });
    dataOf(await borrow(copyIds[0]));
    const refused = await borrow(copyIds[0]);
    console.log(
      `malformed copyId: ${malformed.status} ${JSON.stringify(malformed.body.errors)}; empty title: ` +
        `${JSON.stringify(badInput.body.errors?.[0]?.extensions)}; a copy on loan: ${JSON.stringify(refused.body.errors)}`,
    );
    for (const [reply, field] of [
      [malformed, 'copyId'],
      [badInput, 'title'],
    ] as const) {
      expect(reply.status).toBeLessThan(500);
      expect(reply.body.errors?.[0]?.extensions).toMatchObject({
        code: 'validation-failed',
        status: 400,
        module: 'libraries',
        errors: [expect.objectContaining({ field })],
      });
    }
    expect(refused.status).toBeLessThan(500);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'copy-not-available', status: 409 });
  });
});

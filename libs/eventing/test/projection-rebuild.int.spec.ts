import { TenantId } from '@hexfleet/kernel';
import { ProjectionRunner, rebuildProjection, tenantSchema } from '../src';
import { accountBalances, balances, balancesChecksum } from './example/account-balances.projection';
import { accountScenario, waitUntil } from './support/scenario';

const alpha = TenantId.parse('alpha');
const beta = TenantId.parse('beta');

describe('projection rebuild', () => {
  let scenario: Awaited<ReturnType<typeof accountScenario>>;
  let projection: ReturnType<typeof accountBalances>;
  const runner = () =>
    new ProjectionRunner({ projection, kafka: scenario.kafka, pool: scenario.db.pool, serde: scenario.serde });

  beforeAll(async () => {
    scenario = await accountScenario('projrebuild');
    projection = accountBalances(scenario.topic);
  });
  afterAll(() => scenario.close());

  /** Postgres's row versions: a row rewritten by anything gets a new xmin. */
  const rowVersions = async (tenant: TenantId) =>
    (
      await scenario.db.pool.query(
        `select account_id, xmin::text from ${tenantSchema(tenant)}.account_balances order by account_id`,
      )
    ).rows;

  it("rebuilding tenant alpha from offset 0 reproduces its checksum and leaves beta's schema untouched", async () => {
    for (let i = 0; i < 400; i++) await scenario.deposit(i % 2 ? alpha : beta, `acct-${i % 40}`, i + 1);
    const live = runner();
    await live.start();
    await waitUntil(
      async () =>
        JSON.stringify(await balances(scenario.db.pool, alpha)) === JSON.stringify(sorted(scenario.expected(alpha))),
    );
    await waitUntil(
      async () =>
        JSON.stringify(await balances(scenario.db.pool, beta)) === JSON.stringify(sorted(scenario.expected(beta))),
    );
    await live.stop();
    const [alphaBefore, betaBefore, betaRows] = [
      await balancesChecksum(scenario.db.pool, alpha),
      await balancesChecksum(scenario.db.pool, beta),
      await rowVersions(beta),
    ];

    const progress: Array<{ scanned: number; total: number }> = [];
    const result = await rebuildProjection({ ...deps(), tenant: alpha, onProgress: (p) => progress.push(p) });

    expect(result).toEqual({ applied: 200, scanned: 400 });
    expect(progress[progress.length - 1]).toMatchObject({ scanned: 400, total: 400 });
    expect(await balancesChecksum(scenario.db.pool, alpha)).toBe(alphaBefore);
    expect(await balancesChecksum(scenario.db.pool, beta)).toBe(betaBefore);
    expect(await rowVersions(beta)).toEqual(betaRows); // not one of beta's rows was rewritten

    // The live projector resumes where it was: new events apply once, old ones are not re-applied.
    const resumed = runner();
    await resumed.start();
    await scenario.deposit(alpha, 'acct-new', 5);
    await waitUntil(async () => (await balances(scenario.db.pool, alpha))['acct-new'] === 5);
    await resumed.stop();
    expect(await balances(scenario.db.pool, alpha)).toEqual(sorted(scenario.expected(alpha)));
  });

  it('rebuilding every tenant reproduces both checksums and the projector carries on from the end', async () => {
    const before = [await balancesChecksum(scenario.db.pool, alpha), await balancesChecksum(scenario.db.pool, beta)];
    const result = await rebuildProjection(deps());
    expect(result.scanned).toBe(401);
    expect([await balancesChecksum(scenario.db.pool, alpha), await balancesChecksum(scenario.db.pool, beta)]).toEqual(
      before,
    );
    const resumed = runner();
    await resumed.start();
    await scenario.deposit(beta, 'acct-0', 1);
    await waitUntil(
      async () =>
        JSON.stringify(await balances(scenario.db.pool, beta)) === JSON.stringify(sorted(scenario.expected(beta))),
    );
    await resumed.stop();
  });

  it('rebuilds into a database where no projector ever ran (no bookkeeping tables, no tenant schemas)', async () => {
    const before = [await balancesChecksum(scenario.db.pool, alpha), await balancesChecksum(scenario.db.pool, beta)];
    for (const schema of ['projections', 'tenant_alpha', 'tenant_beta'])
      await scenario.db.pool.query(`drop schema ${schema} cascade`);
    const result = await rebuildProjection(deps());
    expect(result.scanned).toBe(402);
    expect([await balancesChecksum(scenario.db.pool, alpha), await balancesChecksum(scenario.db.pool, beta)]).toEqual(
      before,
    );
  });

  it('a handler that keeps failing fails the rebuild with its error instead of hanging; after the fix a rebuild restores it', async () => {
    const checksums = async () => [
      await balancesChecksum(scenario.db.pool, alpha),
      await balancesChecksum(scenario.db.pool, beta),
    ];
    const before = await checksums();
    const broken = accountBalances(scenario.topic, new Set(['acct-7'])); // the same projection, with a bug
    const started = Date.now();
    await expect(rebuildProjection({ ...deps(), projection: broken })).rejects.toThrow('handler bug for acct-7');
    console.log(`rebuild with a failing handler rejected after ${Date.now() - started} ms`);
    await rebuildProjection(deps());
    expect(await checksums()).toEqual(before);
  });

  const deps = () => ({ kafka: scenario.kafka, pool: scenario.db.pool, serde: scenario.serde, projection });
});

const sorted = (record: Record<string, number>) =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

import { randomUUID } from 'node:crypto';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { Pool } from 'pg';
import { PostgresEventStore } from '@hexfleet/eventing';
import { TenantId } from '@hexfleet/kernel';
import { createTestDatabase, TestDatabase } from '@hexfleet/testing';
import type { BenchContext } from '../context';
import { closedLoop, seconds, Throughput } from '../measure';
import { clientsLabel, Row, ScenarioResult, withFraction } from '../report';
import { newHiredEvent } from '../sample';

/** Both stores get the pool a Hexfleet service has. */
const POOL_SIZE = 20;

/**
 * Scenario 6: the store alone (no HTTP, no decider), ours beside Emmett's
 * PostgreSQL event store: the same EmployeeHired event, each append a new
 * stream with an expected version, the same client counts, the same Postgres,
 * a fresh database each.
 */
export async function peerScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const started = performance.now();
  const { sizes, log } = ctx;
  const tenant = TenantId.parse(`p${ctx.run}`);
  const oursDb = await createTestDatabase('bench_ours');
  const emmettDb = await createTestDatabase('bench_emmett');
  const emmettPool = new Pool({ connectionString: emmettDb.url, max: POOL_SIZE });
  const ourPool = new Pool({ connectionString: oursDb.url, max: POOL_SIZE });
  for (const pool of [emmettPool, ourPool]) pool.on('error', () => undefined); // the database is dropped at the end
  const ours = new PostgresEventStore(ourPool);
  const emmett = getPostgreSQLEventStore(emmettDb.url, {
    connectionOptions: { pool: emmettPool },
    schema: { autoMigration: 'CreateOrUpdate' },
  });
  const appendOurs = () => ours.append(`${tenant}/employee/${randomUUID()}`, tenant, [newHiredEvent()], 0);
  const appendEmmett = () => {
    const { type, data, metadata } = newHiredEvent();
    return emmett.appendToStream(
      `employee-${randomUUID()}`,
      [{ type, data: data as Record<string, unknown>, metadata }],
      {
        expectedStreamVersion: 0n,
      },
    );
  };
  try {
    await ours.migrate();
    await appendOurs();
    await appendEmmett(); // Emmett creates its schema on first use
    const rows: Row[] = [];
    const window = { durationMs: sizes.seconds * 1000, warmupMs: sizes.warmupSeconds * 1000 };
    for (const clients of sizes.concurrency) {
      log(`  ${clientsLabel(clients)}: PostgresEventStore.append, then Emmett appendToStream, ${sizes.seconds} s each`);
      const a = await closedLoop(clients, window, appendOurs);
      const b = await closedLoop(clients, window, appendEmmett);
      rows.push(withFraction(row(clients, a, b)));
      log(`    -> ours ${a.perSecond}/s (p99 ${a.latency.p99} ms), Emmett ${b.perSecond}/s (p99 ${b.latency.p99} ms)`);
    }
    const behind = rows.filter((r) => (r.fraction ?? 0) < 1);
    return {
      id: 'peer',
      title: '6. Peer: store-only append, Hexfleet PostgresEventStore vs Emmett 0.42 (PostgreSQL)',
      rows,
      notes: [
        `Each append: one EmployeeHired (the same data and metadata) to a new stream, expected version 0; pg pool of ${POOL_SIZE} for both; fresh database each.`,
        'Emmett: begin, one call of its emt_append_to_stream function (streams and messages tables), commit. Ours: begin, version select, insert, pg_notify for the relay, commit.',
      ],
      targets: [
        {
          target: "store-only append >= Emmett's at the same concurrency",
          actual: rows.map((r) => `${r.case}: ${((r.fraction ?? 0) * 100).toFixed(0)}%`).join(', '),
          met: behind.length === 0,
        },
      ],
      seconds: seconds(started),
    };
  } finally {
    await emmett.close().catch(() => undefined);
    await emmettPool.end().catch(() => undefined);
    await ourPool.end();
    await dropAll(oursDb, emmettDb);
  }
}

const row = (clients: number, ours: Throughput, emmett: Throughput): Row => ({
  scenario: 'peer',
  case: clientsLabel(clients),
  value: ours.perSecond,
  unit: 'appends/s',
  latency: ours.latency,
  errors: ours.errors,
  reference: { label: 'Emmett appends/s', value: emmett.perSecond, latency: emmett.latency },
});

async function dropAll(...dbs: TestDatabase[]) {
  for (const db of dbs) await db.drop().catch(() => undefined);
}

import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { DomainEvent, handleCommand, PostgresEventStore } from '@hexfleet/eventing';
import { Decider, TenantId } from '@hexfleet/kernel';
import { createTestDatabase } from '@hexfleet/testing';
import type { BenchContext } from '../context';
import { meanMs, serverTimes, settle } from '../hrms';
import { httpClosedLoop } from '../load/http-closed-loop';
import { closedLoop, round, seconds, Throughput } from '../measure';
import { summarizeProfile } from '../profile';
import { Breakdown, clientsLabel, Row, ScenarioResult, withFraction } from '../report';
import { eventMetadata, hireBody, hiredData, newHiredEvent } from '../sample';

/**
 * Scenario 1: commands/s through HRMS's real command path (HTTP, token check,
 * validation, decide, append, 201) at each client count, beside the limit:
 * single-row INSERT transactions/s into the same Postgres at the same
 * concurrency, one connection per client, rows the size of the event.
 */
export async function appendScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const started = performance.now();
  const { sizes, log } = ctx;
  const tenant = TenantId.parse(`a${ctx.run}`);
  ctx.hrmsTenants.push(tenant);
  const hrms = await ctx.hrms();
  const token = await ctx.issuer.mint({ tenant, roles: ['hr'] });
  const command = {
    url: `${hrms.url}/employees`,
    method: 'POST' as const,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(hireBody(1)),
    seconds: sizes.seconds,
    warmupSeconds: sizes.warmupSeconds,
  };
  const raw = await rawInserts();
  const rows: Row[] = [];
  let inside: Inside | undefined;
  try {
    for (const clients of sizes.concurrency) {
      log(`  ${clientsLabel(clients)}: HRMS POST /employees for ${sizes.seconds} s`);
      const before = clients === 1 ? await serverTimes(hrms.url) : undefined;
      const ours = await httpClosedLoop({ ...command, connections: clients });
      if (before) {
        const after = await serverTimes(hrms.url);
        inside = { httpMs: meanMs(before.http, after.http), appendMs: meanMs(before.append, after.append) };
      }
      await settle(hrms, ctx.hrmsTenants, log);
      log(`  ${clientsLabel(clients)}: raw INSERT for ${sizes.seconds} s`);
      const limit = await raw.measure(clients, sizes);
      rows.push(withFraction(row(clients, ours, limit)));
      log(`    -> ${ours.perSecond} cmd/s (p99 ${ours.latency.p99} ms) vs ${limit.perSecond} inserts/s`);
    }
    log('  breakdown at 1 client: the store and the command handler alone, on the same Postgres');
    const breakdown = await pathAtOneClient(raw.db.pool, rows, sizes, inside);
    const profile = ctx.profileDir ? await profileUnderLoad(ctx, command) : undefined;
    const best = rows.reduce((a, b) => (b.value > a.value ? b : a));
    const atTarget = rows.filter((r) => (r.latency?.p99 ?? Infinity) <= 50).sort((a, b) => b.value - a.value)[0];
    return {
      id: 'append',
      title: '1. Append: HTTP command -> decide -> append -> 201 (HRMS hire) vs raw INSERT',
      rows,
      notes: [
        'HRMS runs as deployed (built, own process, pg pool of 20, tracing on, LOG_LEVEL=info to a discarded stdout); its relay and projections run in the same process, as in production.',
        'Limit: single-row INSERT (autocommit) of a row the size of the event, one pg connection per client, same Postgres; the load generator shares the machine in both cases.',
      ],
      targets: [
        {
          target: 'append >= 3,000 cmd/s at p99 <= 50 ms',
          actual: atTarget
            ? `${atTarget.value.toLocaleString('en-US')} cmd/s at p99 ${atTarget.latency?.p99} ms (${atTarget.case})`
            : `no level had p99 <= 50 ms (best ${best.value} cmd/s)`,
          met: !!atTarget && atTarget.value >= 3000,
        },
      ],
      breakdown,
      profile,
      seconds: seconds(started),
    };
  } finally {
    await raw.close();
  }
}

const row = (clients: number, ours: Throughput, limit: Throughput): Row => ({
  scenario: 'append',
  case: clientsLabel(clients),
  value: ours.perSecond,
  unit: 'cmd/s',
  latency: ours.latency,
  errors: ours.errors,
  reference: { label: 'INSERT tx/s', value: limit.perSecond, latency: limit.latency },
});

async function rawInserts() {
  const db = await createTestDatabase('bench_raw');
  await db.pool.query(`create table bench_raw (
    id bigserial primary key, stream_id text not null, event_id uuid not null unique,
    payload jsonb not null, metadata jsonb not null, recorded_at timestamptz not null default now())`);
  const payload = JSON.stringify(hiredData(randomUUID()));
  const metadata = JSON.stringify(eventMetadata());
  return {
    async measure(clients: number, sizes: { seconds: number; warmupSeconds: number }) {
      const pool = new Pool({ connectionString: db.url, max: clients });
      pool.on('error', () => undefined);
      try {
        return await closedLoop(
          clients,
          { durationMs: sizes.seconds * 1000, warmupMs: sizes.warmupSeconds * 1000 },
          () =>
            pool.query('insert into bench_raw (stream_id, event_id, payload, metadata) values ($1, $2, $3, $4)', [
              `bench/employee/${randomUUID()}`,
              randomUUID(),
              payload,
              metadata,
            ]),
        );
      } finally {
        await pool.end();
      }
    },
    db,
    close: () => db.drop(),
  };
}

/** What HRMS's own metrics say it spent inside, at 1 client. */
interface Inside {
  httpMs: number;
  appendMs: number;
}

/** The decider of the breakdown: one hire, as HRMS decides it (its decider is HRMS's code, not ours to import). */
const hireDecider: Decider<{ n: number }, DomainEvent, null> = {
  initialState: null,
  decide: ({ n }) => [{ type: 'EmployeeHired', data: hiredData(randomUUID(), n) }],
  evolve: (state) => state,
};

/**
 * The append path at one client, step by step (median latency): Postgres's
 * floor, the store's transaction, the command handler around it, and the whole
 * HTTP command; each difference is what the next layer adds.
 */
async function pathAtOneClient(
  pool: Pool,
  rows: Row[],
  sizes: { seconds: number; warmupSeconds: number },
  inside?: Inside,
): Promise<Breakdown> {
  const tenant = TenantId.parse('breakdown');
  const store = new PostgresEventStore(pool);
  await store.migrate();
  const window = { durationMs: sizes.seconds * 1000, warmupMs: sizes.warmupSeconds * 1000 };
  const append = await closedLoop(1, window, () =>
    store.append(`${tenant}/employee/${randomUUID()}`, tenant, [newHiredEvent()], 0),
  );
  const handled = await closedLoop(1, window, (_, n) =>
    handleCommand(
      store,
      hireDecider,
      { n },
      {
        tenant,
        streamId: `${tenant}/employee/${randomUUID()}`,
        commandId: randomUUID(),
        metadata: eventMetadata(),
      },
    ),
  );
  const one = rows.find((r) => r.case === clientsLabel(1));
  return {
    what: 'The append path at 1 client: each layer timed on its own (median unless said; same Postgres, same run)',
    steps: [
      { step: 'single-row INSERT, autocommit (the limit)', us: (one?.reference?.latency?.p50 ?? 0) * 1000 },
      {
        step: 'PostgresEventStore.append: one call of eventstore.append_to_stream (check, insert, notify)',
        us: append.latency.p50 * 1000,
      },
      { step: 'handleCommand: read stream, fold, decide, append', us: handled.latency.p50 * 1000 },
      ...(inside
        ? [
            { step: 'inside HRMS: its append (mean, from its /metrics)', us: inside.appendMs * 1000 },
            {
              step: 'inside HRMS: the request, onRequest to reply (mean, from its /metrics)',
              us: inside.httpMs * 1000,
            },
          ]
        : []),
      {
        step: 'client: POST /employees round trip (HTTP, token, validation, handleCommand, 201)',
        us: (one?.latency?.p50 ?? 0) * 1000,
      },
    ],
  };
}

/** The profile of HRMS under 32 clients (or the highest level below): where its CPU goes on the command path. */
async function profileUnderLoad(ctx: BenchContext, command: Omit<Parameters<typeof httpClosedLoop>[0], 'connections'>) {
  const hrms = await ctx.hrms();
  const clients = Math.max(...ctx.sizes.concurrency.filter((c) => c <= 32));
  ctx.log(`  profiling HRMS under ${clientsLabel(clients)} for ${ctx.sizes.profileSeconds} s`);
  await settle(hrms, ctx.hrmsTenants, ctx.log);
  const cpuBefore = hrms.cpuMs();
  const profiling = hrms.startProfile();
  const load = await httpClosedLoop({
    ...command,
    connections: clients,
    seconds: ctx.sizes.profileSeconds,
    warmupSeconds: 0,
  });
  const cpuAfter = hrms.cpuMs(); // before the profiler serializes its profile, which costs CPU too
  const file = await profiling.stop();
  await settle(hrms, ctx.hrmsTenants, ctx.log);
  const summary = summarizeProfile(
    file,
    `HRMS process under ${clientsLabel(clients)} of POST /employees, its relay and projections included (self time, idle excluded)`,
  );
  if (cpuBefore !== undefined && cpuAfter !== undefined)
    summary.cpuMsPerOperation = round((cpuAfter - cpuBefore) / load.count, 2);
  return summary;
}

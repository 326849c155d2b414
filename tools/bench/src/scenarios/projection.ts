import { AvroSerde, dlqTopic, ProjectionRunner, projectionGroup, rebuildProjection } from '@hexfleet/eventing';
import { createTestDatabase, stackEnv } from '@hexfleet/testing';
import type { BenchContext } from '../context';
import { directoryProjection } from '../directory-projection';
import { createTopics, deleteTopics, produceHires } from '../kafka';
import { progress, round, seconds, sleep } from '../measure';
import { projectionBreakdown } from './projection-breakdown';
import { Row, ScenarioResult } from '../report';
import { benchTenants, hiredContractOn } from '../sample';

/**
 * Scenario 3: events/s applied from Kafka into tenant read models through
 * ProjectionRunner (each chunk, its dedupe versions and the partition offset in
 * one transaction), and the time to rebuild a projection from its topic with
 * rebuildProjection. Both consume records exactly as the relay writes them.
 */
export async function projectionScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const started = performance.now();
  const { kafka, log, sizes } = ctx;
  const liveTopic = `bench.${ctx.run}.projection`;
  const rebuildTopic = `bench.${ctx.run}.rebuild`;
  const liveName = `bench-directory-${ctx.run}`;
  const tenants = benchTenants(`d${ctx.run}`, sizes.tenants);
  const registry = stackEnv('SCHEMA_REGISTRY_URL');
  const liveSerde = AvroSerde.forUrl(registry, [hiredContractOn(liveTopic)]);
  const rebuildSerde = AvroSerde.forUrl(registry, [hiredContractOn(rebuildTopic)]);
  const db = await createTestDatabase('bench_projection');
  try {
    await createTopics(kafka, [liveTopic, rebuildTopic]);
    await liveSerde.registerAll();
    await rebuildSerde.registerAll();
    const liveCount = sizes.projectionEvents;
    await produceHires(kafka, liveSerde, liveTopic, liveCount, tenants, log);

    log(`  ProjectionRunner: applying ${liveCount.toLocaleString('en-US')} events`);
    const projection = directoryProjection(liveName, liveTopic);
    const live = await (async () => {
      let applied = 0;
      let first: number | undefined;
      let firstChunk = 0;
      const runner = new ProjectionRunner({
        projection,
        kafka,
        pool: db.pool,
        serde: liveSerde,
        onApplied: (n) => {
          if (first === undefined) [first, firstChunk] = [performance.now(), n];
          applied += n;
        },
      });
      const report = progress(log, 'applied');
      const begin = performance.now();
      await runner.start();
      try {
        while (applied < liveCount) {
          report(applied, liveCount);
          await sleep(20);
        }
      } finally {
        await runner.stop();
      }
      // The group join (seconds in kafkajs) is not the projection's speed: count from the first chunk applied.
      const steady = applied > firstChunk ? (applied - firstChunk) / seconds(first ?? begin) : applied / seconds(begin);
      return { perSecond: round(steady), total: seconds(begin) };
    })();
    log(`    -> ${live.perSecond} events/s`);
    const sample = Math.min(liveCount, 2000);
    log(`  breakdown: decoding, then applying ${sample} of the same events, each timed alone`);
    const breakdown = await projectionBreakdown(
      kafka,
      db.pool,
      liveSerde,
      liveTopic,
      `bench-breakdown-${ctx.run}`,
      sample,
    );
    const perEventUs = 1_000_000 / live.perSecond;
    log(
      `    -> decode ${breakdown.decodeUs} µs, apply ${breakdown.applyUs} µs per event with the batch handler ` +
        `(${breakdown.applyPerEventUs} µs one insert per event; runner: ${round(perEventUs)} µs)`,
    );

    const rebuildCount = sizes.rebuildEvents;
    // Tenants of its own: the two directories would otherwise share each tenant's `employees` table.
    const rebuildTenants = benchTenants(`k${ctx.run}`, sizes.tenants);
    await produceHires(kafka, rebuildSerde, rebuildTopic, rebuildCount, rebuildTenants, log);
    // In the runner's database: rebuildProjection needs the shared bookkeeping tables a runner creates
    // (on a database where no runner ever started it fails: relation "projections.offsets" does not exist).
    log(`  rebuildProjection: ${rebuildCount.toLocaleString('en-US')} events`);
    const report = progress(log, 'rebuilt');
    const begin = performance.now();
    const rebuilt = await rebuildProjection({
      kafka,
      pool: db.pool,
      serde: rebuildSerde,
      projection: directoryProjection(`bench-rebuild-${ctx.run}`, rebuildTopic),
      onProgress: ({ scanned, total }) => report(scanned, total),
    });
    const rebuildSeconds = round(seconds(begin), 1);
    log(`    -> ${rebuilt.applied.toLocaleString('en-US')} events in ${rebuildSeconds} s`);

    const rows: Row[] = [
      {
        scenario: 'projection',
        case: `runner, ${liveCount.toLocaleString('en-US')} events`,
        value: live.perSecond,
        unit: 'events/s',
      },
      {
        scenario: 'projection',
        case: `rebuild, ${rebuildCount.toLocaleString('en-US')} events`,
        value: rebuildSeconds,
        unit: 's',
      },
    ];
    const perMillion = rebuilt.applied ? (rebuildSeconds * 1_000_000) / rebuilt.applied : Infinity;
    return {
      id: 'projection',
      title: '3. Projection: Kafka -> tenant read model (exactly-once effect), and rebuild',
      rows,
      notes: [
        `EmployeeHired records as the relay writes them, over ${tenants.length} tenants, 3 partitions; a read model with HRMS's employee directory's shape and batch handler (one insert ... select from unnest(...) per run of hires in a tenant) in each tenant's schema.`,
        'Runner rate counted from the first applied chunk (the consumer-group join is excluded); default chunk of 200 events per transaction.',
        `Per event in the runner: ${round(perEventUs)} µs; of it decode (AvroSerde via decodeRecord) ${breakdown.decodeUs} µs, ` +
          `apply (ProjectionApplier, chunks of 200: positions locked and advanced per chunk, the batch handler's one insert per tenant run) ${breakdown.applyUs} µs ` +
          `(with one insert per event instead, the handler before batch handlers: ${breakdown.applyPerEventUs} µs, ${round(breakdown.applyPerEventUs / Math.max(0.1, breakdown.applyUs), 1)}x), ` +
          `the rest (${Math.max(0, round(perEventUs - breakdown.decodeUs - breakdown.applyUs))} µs) Kafka fetch, offset commits and waiting; measured on ${breakdown.events} of the same events.`,
        `Rebuild: rebuildProjection of a second projection in the runner's database (drop, recreate, replay from offset 0), ${round(rebuilt.applied / rebuildSeconds).toLocaleString('en-US')} events/s.`,
      ],
      targets: [
        {
          target: 'projection >= 20,000 events/s',
          actual: `${live.perSecond.toLocaleString('en-US')} events/s`,
          met: live.perSecond >= 20_000,
        },
        {
          target: '1,000,000-event rebuild < 60 s',
          actual:
            rebuildCount === 1_000_000
              ? `${rebuildSeconds} s`
              : `${rebuildSeconds} s for ${rebuildCount.toLocaleString('en-US')} (about ${Math.round(perMillion)} s per million)`,
          met: perMillion < 60,
        },
      ],
      breakdown: {
        what: `Per event in the projection path (${breakdown.events} events, each step timed alone)`,
        steps: [
          { step: 'decode: AvroSerde.decode via decodeRecord', us: breakdown.decodeUs },
          {
            step: 'apply: ProjectionApplier, chunks of 200 (positions per chunk, batch insert per tenant run)',
            us: breakdown.applyUs,
          },
          {
            step: '(before: the same apply with one insert per event, not part of the total)',
            us: breakdown.applyPerEventUs,
          },
          {
            step: 'the rest of the runner: Kafka fetch, offset commits, waits',
            us: Math.max(0, perEventUs - breakdown.decodeUs - breakdown.applyUs),
          },
          { step: 'runner, in total (1 / events per second)', us: perEventUs },
        ],
      },
      seconds: seconds(started),
    };
  } finally {
    await db.drop();
    const group = projectionGroup({ name: liveName });
    await deleteTopics(kafka, [liveTopic, rebuildTopic, dlqTopic(group)], [group]);
  }
}

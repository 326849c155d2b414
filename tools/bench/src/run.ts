import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDevIssuer, startTestStack, testKafka } from '@hexfleet/testing';
import type { BenchContext } from './context';
import { startHrms, ServiceUnderTest } from './hrms';
import { describeMachine } from './machine';
import { seconds } from './measure';
import type { BenchReport } from './output';
import type { ScenarioResult } from './report';
import { adminImportScenario } from './scenarios/admin-import';
import { appendScenario } from './scenarios/append';
import { attendanceDayScenario } from './scenarios/attendance-day';
import { chatLiveScenario } from './scenarios/chat-live';
import { chatLongChannelScenario } from './scenarios/chat-long-channel';
import { endToEndScenario } from './scenarios/end-to-end';
import { gatewayScenario } from './scenarios/gateway';
import { peerScenario } from './scenarios/peer';
import { projectionScenario } from './scenarios/projection';
import { relayScenario } from './scenarios/relay';
import { Mode, SIZES } from './sizes';

export const SCENARIOS: ReadonlyArray<{ id: string; run: (ctx: BenchContext) => Promise<ScenarioResult> }> = [
  { id: 'append', run: appendScenario },
  { id: 'relay', run: relayScenario },
  { id: 'projection', run: projectionScenario },
  { id: 'end-to-end', run: endToEndScenario },
  { id: 'gateway', run: gatewayScenario },
  { id: 'peer', run: peerScenario },
  { id: 'admin-import', run: adminImportScenario },
  { id: 'attendance-day', run: attendanceDayScenario },
  { id: 'chat-live', run: chatLiveScenario },
  { id: 'chat-long-channel', run: chatLongChannelScenario },
];

const NOT_RUN = [
  {
    id: '7. @confluentinc/kafka-javascript beside kafkajs',
    why: 'not installed: it wraps librdkafka, a native library built at install time (or fetched prebuilt), which this workspace does not add for a benchmark; see tools/bench/README.md for how to add it.',
  },
];

/** A scenario that hangs (a consumer retrying forever) must not hold the whole run. */
const DEADLINE_MINUTES: Record<Mode, number> = { full: 120, quick: 15, tiny: 5 };

function withDeadline<T>(work: Promise<T>, minutes: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${minutes} min`)), minutes * 60_000);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export interface RunOptions {
  mode: Mode;
  /** Scenario ids to run; all when empty. */
  only?: readonly string[];
  /** Take CPU profiles (HRMS under the append load, the harness during the projection run). */
  profile?: boolean;
  command: string;
  log?: (line: string) => void;
}

export interface RunOutcome {
  report: BenchReport;
  failures: Array<{ id: string; error: unknown }>;
  /** Where the .cpuprofile files are (open them in Chrome DevTools). */
  workDir: string;
}

/**
 * Runs the scenarios on the stack named by KAFKA_BROKERS / DATABASE_URL /
 * SCHEMA_REGISTRY_URL, or on one of its own (the test harness's ephemeral stack).
 * A scenario that fails is reported and the others still run.
 */
export async function runBench(options: RunOptions): Promise<RunOutcome> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const begin = performance.now();
  const unknown = (options.only ?? []).filter((id) => !SCENARIOS.some((s) => s.id === id));
  if (unknown.length)
    throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  const stack = await startTestStack();
  Object.assign(process.env, stack.env);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hexfleet-bench-'));
  let hrms: Promise<ServiceUnderTest> | undefined;
  try {
    const machine = await describeMachine(stack.env.DATABASE_URL, `${stack.choice.backend} (${stack.choice.reason})`);
    if (stack.choice.backend === 'external')
      machine.kafka += ' (version of the devstack; an external broker is not asked)';
    const issuer = await createDevIssuer();
    const ctx: BenchContext = {
      mode: options.mode,
      sizes: SIZES[options.mode],
      run: randomBytes(3).toString('hex'),
      log,
      kafka: testKafka('bench'),
      issuer,
      hrms: () => (hrms ??= startHrms(issuer, workDir)),
      hrmsTenants: [],
      profileDir: options.profile === false ? undefined : workDir,
      workDir,
    };
    const scenarios: ScenarioResult[] = [];
    const failures: RunOutcome['failures'] = [];
    for (const scenario of SCENARIOS.filter((s) => !options.only?.length || options.only.includes(s.id))) {
      log(`\n[bench] ${scenario.id} (${options.mode})`);
      try {
        scenarios.push(await withDeadline(scenario.run(ctx), DEADLINE_MINUTES[options.mode], scenario.id));
      } catch (error) {
        log(`[bench] ${scenario.id} failed: ${(error as Error)?.stack ?? String(error)}`);
        failures.push({ id: scenario.id, error });
      }
    }
    machine.loadAverage.end = Number(os.loadavg()[0].toFixed(2));
    const report: BenchReport = {
      date: new Date().toISOString(),
      mode: options.mode,
      command: options.command,
      machine,
      scenarios,
      skipped: [
        ...failures.map((f) => ({ id: f.id, why: `failed: ${String((f.error as Error)?.message ?? f.error)}` })),
        ...NOT_RUN,
      ],
      seconds: seconds(begin),
    };
    return { report, failures, workDir };
  } finally {
    if (hrms) await (await hrms.catch(() => undefined))?.stop();
    await stack.stop();
  }
}

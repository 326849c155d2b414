import { TenantId } from '@hexfleet/kernel';
import { callService } from '@hexfleet/testing';
import type { BenchContext } from '../context';
import { settle, startProfiledService } from '../hrms';
import { httpClosedLoop } from '../load/http-closed-loop';
import { round, seconds, sleep } from '../measure';
import { summarizeProfile } from '../profile';
import { Row, ScenarioResult, withFraction } from '../report';
import { hireBody } from '../sample';

const QUERY = `{ employees(limit: 20) { total items { employeeId firstName lastName department designation } } }`;

/**
 * Scenario 5: a GraphQL read-model query through the gateway (a separate
 * process: token check, rate limit, depth and cost checks, one HTTP call to
 * HRMS), beside the same page read straight from HRMS's REST API.
 */
export async function gatewayScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const started = performance.now();
  const { sizes, log } = ctx;
  const tenant = TenantId.parse(`g${ctx.run}`);
  ctx.hrmsTenants.push(tenant);
  const hrms = await ctx.hrms();
  const gateway = await startProfiledService(
    'gateway',
    ctx.issuer,
    ctx.workDir,
    {
      HRMS_URL: hrms.url,
      // The harness is one client address; the default (1,200/min) would answer it 429 within a second.
      RATE_LIMIT_PER_MINUTE: '1000000000',
    },
    false,
  );
  try {
    const token = await ctx.issuer.mint({ tenant, roles: ['hr'] });
    log(`  hiring ${sizes.gatewayEmployees} employees to query`);
    for (let n = 0; n < sizes.gatewayEmployees; n++) {
      const reply = await callService(hrms.url, 'POST', '/employees', { token, body: hireBody(n) });
      if (reply.status !== 201) throw new Error(`hire refused: ${reply.status}`);
    }
    await settle(hrms, ctx.hrmsTenants, log);
    const check = await callService(gateway.url, 'POST', '/graphql', { token, body: { query: QUERY } });
    const page = (check.body.data as { employees?: { total: number } } | undefined)?.employees;
    if (check.status !== 200 || !page || page.total < sizes.gatewayEmployees)
      throw new Error(
        `the gateway's answer is not the directory: ${check.status} ${JSON.stringify(check.body).slice(0, 300)}`,
      );

    const common = {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      connections: sizes.gatewayConnections,
      seconds: sizes.gatewaySeconds,
      warmupSeconds: sizes.warmupSeconds,
    };
    log(
      `  GraphQL employees(limit: 20) through the gateway, ${sizes.gatewayConnections} connections, ${sizes.gatewaySeconds} s`,
    );
    // CPU per query from the OS, each process on its own: what the gateway adds to a read, whatever
    // else the machine is doing (throughput on two shared cores says more about the neighbours).
    const cpu = () => ({ at: performance.now(), gateway: gateway.cpuMs() ?? NaN, hrms: hrms.cpuMs() ?? NaN });
    // Each process also works when idle (Kafka polls, the relay, metrics): that rate, measured first, is
    // taken out, so a slower run does not look costlier per query for the idle work it spread over fewer.
    const idleStart = cpu();
    await sleep(3_000);
    const idleEnd = cpu();
    const idleMs = idleEnd.at - idleStart.at;
    const idlePerMs = {
      gateway: (idleEnd.gateway - idleStart.gateway) / idleMs,
      hrms: (idleEnd.hrms - idleStart.hrms) / idleMs,
    };
    const perQuery = (
      process: 'gateway' | 'hrms',
      before: { at: number } & Record<'gateway' | 'hrms', number>,
      after: { at: number } & Record<'gateway' | 'hrms', number>,
      count: number,
    ) => round((after[process] - before[process] - idlePerMs[process] * (after.at - before.at)) / count, 3);
    // Profiled from the warm-up on: starting the profiler is not part of the measured window.
    const profiling = ctx.profileDir ? gateway.startProfile() : undefined;
    let beforeVia = cpu();
    const viaGateway = await httpClosedLoop({
      ...common,
      url: `${gateway.url}/graphql`,
      method: 'POST',
      body: JSON.stringify({ query: QUERY }),
      beforeMeasuring: () => (beforeVia = cpu()),
    });
    const afterVia = cpu();
    const profileFile = await profiling?.stop();
    log(`  GET /employees?limit=20 straight from HRMS`);
    let beforeDirect = cpu();
    const direct = await httpClosedLoop({
      ...common,
      url: `${hrms.url}/employees?limit=20`,
      method: 'GET',
      beforeMeasuring: () => (beforeDirect = cpu()),
    });
    const afterDirect = cpu();
    const cpuGateway = perQuery('gateway', beforeVia, afterVia, viaGateway.count);
    const cpuHrmsVia = perQuery('hrms', beforeVia, afterVia, viaGateway.count);
    const cpuHrms = perQuery('hrms', beforeDirect, afterDirect, direct.count);
    log(
      `    -> gateway ${viaGateway.perSecond}/s (p99 ${viaGateway.latency.p99} ms), HRMS ${direct.perSecond}/s (p99 ${direct.latency.p99} ms)`,
    );
    log(
      `    -> CPU per query: gateway ${cpuGateway} ms + HRMS ${cpuHrmsVia} ms through the gateway; HRMS ${cpuHrms} ms direct`,
    );
    const row: Row = withFraction({
      scenario: 'gateway',
      case: `${sizes.gatewayConnections} connections`,
      value: viaGateway.perSecond,
      unit: 'queries/s',
      latency: viaGateway.latency,
      errors: viaGateway.errors,
      reference: { label: 'HRMS REST direct', value: direct.perSecond, latency: direct.latency },
    });
    return {
      id: 'gateway',
      title: '5. Gateway: GraphQL read-model query (employees, 20 per page) vs the same read from HRMS directly',
      rows: [row],
      notes: [
        `Directory of ${sizes.gatewayEmployees} employees; each query asks HRMS for one page (limit 20) with the caller's token. Gateway and HRMS are built processes at LOG_LEVEL=info.`,
        `CPU per query (the OS's count for each process over the measured run, less its idle rate): gateway ${cpuGateway} ms + HRMS ${cpuHrmsVia} ms through the gateway, HRMS ${cpuHrms} ms straight; the gateway adds ${round((100 * cpuGateway) / cpuHrms, 0)}% of HRMS's own work.`,
      ],
      ...(profileFile
        ? {
            profile: summarizeProfile(
              profileFile,
              `gateway process under ${sizes.gatewayConnections} connections of the employees query (self time, idle excluded)`,
            ),
          }
        : {}),
      targets: [],
      seconds: seconds(started),
    };
  } finally {
    await gateway.stop();
  }
}

import { TenantId } from '@hexfleet/kernel';
import { callService } from '@hexfleet/testing';
import type { BenchContext } from '../context';
import { settle, startProfiledService } from '../hrms';
import { httpClosedLoop } from '../load/http-closed-loop';
import { seconds } from '../measure';
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
    const viaGateway = await httpClosedLoop({
      ...common,
      url: `${gateway.url}/graphql`,
      method: 'POST',
      body: JSON.stringify({ query: QUERY }),
    });
    log(`  GET /employees?limit=20 straight from HRMS`);
    const direct = await httpClosedLoop({ ...common, url: `${hrms.url}/employees?limit=20`, method: 'GET' });
    log(
      `    -> gateway ${viaGateway.perSecond}/s (p99 ${viaGateway.latency.p99} ms), HRMS ${direct.perSecond}/s (p99 ${direct.latency.p99} ms)`,
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
      ],
      targets: [],
      seconds: seconds(started),
    };
  } finally {
    await gateway.stop();
  }
}

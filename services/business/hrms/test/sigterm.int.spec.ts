import http from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { createDevIssuer, startSeparateService, tenantEvents } from '@hexfleet/testing';

/**
 * Issue 25: a service under a real SIGTERM drains and exits. HRMS as deployed (built,
 * `node dist/.../main.js`, its own process); a command is in flight when the signal lands
 * (its body still arriving), and must be answered and kept; then the process exits 0.
 */
describe('HRMS under SIGTERM (and SIGHUP)', () => {
  jest.setTimeout(240_000);

  it.each(['SIGTERM', 'SIGHUP'] as const)(
    '%s: finishes the command in flight (readiness already down), keeps it, and exits 0 within the shutdown bound',
    async (signal) => {
      const issuer = await createDevIssuer();
      // SHUTDOWN_TIMEOUT_MS bounds the drain; past it the service exits 1, which fails this test.
      const service = await startSeparateService('services/business/hrms', issuer, {
        env: { SHUTDOWN_TIMEOUT_MS: '15000' },
      });
      try {
        const tenant = `sigterm${randomBytes(4).toString('hex')}`;
        const token = await issuer.mint({ tenant, userId: randomUUID(), roles: ['hr'] });
        const body = JSON.stringify({
          firstName: 'Sig',
          lastName: 'Term',
          workEmail: 'sig.term@example.com',
          department: 'Finance',
          designation: 'Clerk',
          employmentType: 'full-time',
          joiningDate: '2026-01-05',
        });
        const { port } = new URL(service.url);
        // Headers and half the body now; the rest after the signal.
        const reply = new Promise<{ status: number; text: string }>((resolve, reject) => {
          const request = http.request(
            {
              host: '127.0.0.1',
              port: Number(port),
              method: 'POST',
              path: '/employees',
              headers: {
                authorization: `Bearer ${token}`,
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(body),
              },
            },
            (response) => {
              let text = '';
              response.on('data', (chunk: Buffer) => (text += chunk.toString()));
              response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
            },
          );
          request.on('error', reject);
          request.write(body.slice(0, 20));
          setTimeout(() => {
            const signalledAt = Date.now();
            process.kill(service.pid, signal);
            // The service is draining now: readiness says so, and the command in flight still waits.
            void waitUntilNotReady(service.url).then(() => {
              request.end(body.slice(20));
              timings.bodyDoneAfterMs = Date.now() - signalledAt;
            });
            timings.signalledAt = signalledAt;
          }, 300);
        });
        const timings: { signalledAt?: number; bodyDoneAfterMs?: number } = {};

        const answered = await reply;
        const { code, signal: killedBy } = await service.exited;
        const exitedAfterMs = Date.now() - (timings.signalledAt ?? 0);
        console.log(
          `${signal}: in-flight POST /employees answered ${answered.status} (body finished ${timings.bodyDoneAfterMs} ms ` +
            `after the signal); exit code ${code} ${exitedAfterMs} ms after the signal`,
        );
        expect(answered.status).toBe(201);
        expect({ code, killedBy }).toEqual({ code: 0, killedBy: null });
        expect(exitedAfterMs).toBeLessThan(15_000);
        // What it accepted is kept: the employee's event is in the store.
        const employeeId = (JSON.parse(answered.text) as { employeeId: string }).employeeId;
        const { rows } = await (service.db as NonNullable<typeof service.db>).pool.query<{ n: number }>(
          `select count(*)::int as n from eventstore.events where tenant = $1 and stream_id like $2`,
          [tenant, `%${employeeId}`],
        );
        expect(rows[0].n).toBeGreaterThan(0);
        expect(await tenantEvents(service, tenant, ['EmployeeHired'])).toBe(1);
      } finally {
        await service.stop();
      }
    },
  );
});

/** Polls /health/ready until it stops answering 200 (503 while draining, or refused once closed). */
async function waitUntilNotReady(url: string) {
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (!ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the service still answered ready 5 s after SIGTERM');
}

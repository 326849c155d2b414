import { randomUUID } from 'node:crypto';
import { eventually, PrivateKafka, startPrivateKafka } from '@hexfleet/testing';
import { ExampleHarness, startExample } from './support/example-harness';

describe('readiness follows the infrastructure', () => {
  let kafka: PrivateKafka;
  let service: ExampleHarness;

  beforeAll(async () => {
    // A broker of this test's own: the run's shared one stays up for every other test.
    kafka = await startPrivateKafka();
    service = await startExample({ KAFKA_BROKERS: kafka.brokers });
  }, 180_000);
  afterAll(async () => {
    await kafka?.start().catch(() => undefined); // the service's consumers leave cleanly with a broker to talk to
    await service?.close();
    await kafka?.destroy();
  });

  const status = async (path: string) => (await service.call('GET', path)).status;

  it('/health/ready turns 503 within seconds of Kafka stopping, and 200 after it restarts; /health/live stays 200', async () => {
    expect(await status('/health/ready')).toBe(200);

    await kafka.stop();
    const stoppedAt = Date.now();
    await eventually(async () => (await status('/health/ready')) === 503, { timeoutMs: 10_000, what: 'ready 503' });
    const downAfter = Date.now() - stoppedAt;
    const body = (await service.call('GET', '/health/ready')).body as { error?: Record<string, unknown> };
    expect(Object.keys(body.error ?? {})).toEqual(['kafka']);
    expect(await status('/health/live')).toBe(200);

    await kafka.start();
    const restartedAt = Date.now();
    await eventually(async () => (await status('/health/ready')) === 200, { timeoutMs: 30_000, what: 'ready 200' });
    console.log(
      `ready 503 ${downAfter} ms after Kafka stopped; 200 again ${Date.now() - restartedAt} ms after the restarted broker answered`,
    );
    expect(await status('/health/live')).toBe(200);

    // And the service works again end to end: a command is projected.
    const account = randomUUID();
    const token = await service.token('readyco');
    const written = await service.call('POST', `/accounts/${account}/deposits`, { token, body: { amountMinor: 5 } });
    expect(written.status).toBe(201);
    await eventually(async () => (await service.call('GET', `/accounts/${account}`, { token })).status === 200, {
      what: 'the deposit projected after the restart',
      timeoutMs: 60_000,
    });
  });
});

import { randomUUID } from 'node:crypto';
import { eventually } from '@hexfleet/testing';
import { ExampleHarness, startExample } from './support/example-harness';

/** One sample of `name` (with `labels` in its label set) from a Prometheus text exposition. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text
    .split('\n')
    .find((l) => l.startsWith(name) && (l[name.length] === ' ' || l[name.length] === '{') && l.includes(labels));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('/metrics shows relay and consumer lag moving with load', () => {
  let service: ExampleHarness;
  let token: string;
  const scrape = async () => {
    const response = await fetch(`${service.url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };
  const deposits = (count: number) =>
    Promise.all(
      Array.from({ length: count }, () =>
        service.call('POST', `/accounts/${randomUUID()}/deposits`, { token, body: { amountMinor: 1 } }),
      ),
    );

  beforeAll(async () => {
    service = await startExample();
    token = await service.token('metricsco');
  });
  afterAll(() => service?.close());

  it('relay backlog and lag rise while the relay is held, and fall to zero when it runs', async () => {
    expect(sample(await scrape(), 'relay_backlog_events')).toBe(0);
    await service.runtime.relay?.stop();
    await deposits(40);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const held = await scrape();
    console.log(
      `relay held: backlog ${sample(held, 'relay_backlog_events')}, lag ${sample(held, 'relay_lag_seconds')} s`,
    );
    expect(sample(held, 'relay_backlog_events')).toBe(40);
    expect(sample(held, 'relay_lag_seconds')).toBeGreaterThanOrEqual(1);
    expect(sample(held, 'eventstore_events_appended_total')).toBe(40);
    expect(sample(held, 'eventstore_append_duration_seconds_count')).toBe(40);

    service.runtime.relay?.start();
    await eventually(async () => sample(await scrape(), 'relay_backlog_events') === 0, { what: 'backlog drained' });
    const drained = await scrape();
    expect(sample(drained, 'relay_lag_seconds')).toBe(0);
    expect(sample(drained, 'relay_events_published_total')).toBe(40);
  });

  it('consumer lag rises while the projection is stopped, and falls to zero when it runs', async () => {
    const group = `projection.${service.projection}`;
    const [runner] = service.runtime.projectionRunners;
    await eventually(async () => sample(await scrape(), 'consumer_lag_records', group) === 0, { what: 'lag 0' });
    await runner.stop();
    await deposits(25);
    await eventually(async () => sample(await scrape(), 'consumer_lag_records', group) === 25, {
      what: 'lag of 25 records',
    });
    const lagging = await scrape();
    console.log(
      `projection stopped: consumer_lag_records{group="${group}"} ${sample(lagging, 'consumer_lag_records', group)}`,
    );
    expect(sample(lagging, 'dlq_records', group)).toBe(0);

    await runner.start();
    await eventually(async () => sample(await scrape(), 'consumer_lag_records', group) === 0, {
      what: 'lag back to 0',
      timeoutMs: 60_000,
    });
    const caughtUp = await scrape();
    expect(sample(caughtUp, 'projection_events_applied_total', service.projection)).toBe(65);
    expect(sample(caughtUp, 'http_request_duration_seconds_count', 'route="/accounts/:id/deposits"')).toBe(65);
  });
});

import { RunningSchemaRegistry, startSchemaRegistry } from '../src/registry';
import { path, registryHttp } from './support/conformance';
import { deleteTopics, kafkaBrokers, readTopic, uniqueTopic } from './support/kafka';

// The registry keeps nothing but the Kafka topic: a new instance on the same
// topic, or a second one running beside the first, serves the same state.

jest.setTimeout(120_000);

const brokers = kafkaBrokers();
const topic = uniqueTopic('restart');
const running: RunningSchemaRegistry[] = [];
const start = async () => {
  const registry = await startSchemaRegistry({ brokers, topic, port: 0, defaultCompatibility: 'FULL_TRANSITIVE' });
  running.push(registry);
  return registry;
};
afterAll(async () => {
  await Promise.all(running.map((r) => r.close()));
  await deleteTopics(topic);
});

const record = (...fields: string[]) =>
  JSON.stringify({
    type: 'record',
    name: 'E',
    namespace: 'restart',
    fields: fields.map((name) => ({ name, type: 'int', default: 0 })),
  });
const [orders, payments, copy, gone, purged] = ['orders', 'payments', 'copy', 'gone', 'purged'];

/** Everything a client can see: subjects, versions (deleted ones too), ids, configs. */
async function snapshot(url: string) {
  const http = registryHttp(url);
  const all: string[] = (await http.get('/subjects?deleted=true')).body;
  const seen: Record<string, unknown> = {
    global: (await http.get('/config')).body,
    live: (await http.get('/subjects')).body,
  };
  for (const s of all) {
    const versions: number[] = (await http.get(`${path.versions(s)}?deleted=true`)).body;
    const bodies = await Promise.all(
      versions.map(async (v) => (await http.get(`${path.version(s, v)}?deleted=true`)).body),
    );
    const ids = await Promise.all(
      bodies.map(async ({ id }) => [
        id,
        (await http.get(`/schemas/ids/${id}`)).body,
        (await http.get(`/schemas/ids/${id}/versions?deleted=true`)).body,
      ]),
    );
    seen[s] = {
      versions: bodies,
      live: (await http.get(path.versions(s))).body,
      config: (await http.get(path.config(s))).body,
      ids,
    };
  }
  return seen;
}

it('serves every subject, version, id, deleted flag and config again after a restart, and from a replica', async () => {
  const first = await start();
  const http = registryHttp(first.url);
  const ok = async (answer: Promise<{ status: number }>) => expect((await answer).status).toBe(200);
  await ok(http.put('/config', { compatibility: 'BACKWARD' }));
  await ok(http.post(path.versions(orders), { schema: record('a') }));
  await ok(http.post(path.versions(orders), { schema: record('a', 'b') }));
  await ok(http.delete(path.version(orders, 1)));
  await ok(http.put(path.config(payments), { compatibility: 'NONE' }));
  await ok(http.post(path.versions(payments), { schema: record('p') }));
  await ok(
    http.post(path.versions(payments), {
      schema: JSON.stringify({
        type: 'record',
        name: 'E',
        namespace: 'restart',
        fields: [{ name: 'p', type: 'string' }],
      }),
    }),
  );
  await ok(http.post(path.versions(copy), { schema: record('a', 'b') }));
  await ok(http.post(path.versions(gone), { schema: record('g') }));
  await ok(http.delete(path.subject(gone)));
  await ok(http.post(path.versions(purged), { schema: record('x') }));
  await ok(http.post(path.versions(purged), { schema: record('x', 'y') }));
  await ok(http.delete(path.version(purged, 1)));
  await ok(http.delete(`${path.version(purged, 1)}?permanent=true`));

  const before = await snapshot(first.url);
  expect(before).toMatchObject({
    global: { compatibilityLevel: 'BACKWARD' },
    live: [copy, orders, payments, purged],
    [orders]: { live: [2], versions: [{ version: 1 }, { version: 2, id: 2 }] },
    [copy]: { versions: [{ version: 1, id: 2 }] },
    [payments]: { config: { compatibilityLevel: 'NONE' }, live: [1, 2] },
    [gone]: { live: { error_code: 40401 }, versions: [{ version: 1 }] },
    [purged]: { versions: [{ version: 2 }] },
  });
  await first.close();

  const restarted = await start();
  expect(await snapshot(restarted.url)).toEqual(before);
  const replica = await start();
  expect(await snapshot(replica.url)).toEqual(before);

  // Writes through one instance reach the other through the log.
  const { body } = await registryHttp(restarted.url).post(path.versions(orders), { schema: record('a', 'b', 'c') });
  expect(body).toEqual({ id: 8 }); // ids go on from the highest in the log
  await eventually(async () =>
    expect((await registryHttp(replica.url).get(path.version(orders, 'latest'))).body).toMatchObject({
      version: 3,
      id: 8,
    }),
  );
});

async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

it('writes Confluent’s record format to a compacted single-partition topic', async () => {
  const records = await readTopic(topic);
  const last = (key: object) => records.filter((r) => r.key === JSON.stringify(key)).at(-1);
  expect(JSON.parse(last({ keytype: 'SCHEMA', subject: orders, version: 1, magic: 1 })?.value ?? '{}')).toEqual({
    subject: orders,
    version: 1,
    id: 1,
    schema: expect.any(String),
    deleted: true,
  });
  expect(last({ keytype: 'CONFIG', subject: null, magic: 0 })?.value).toBe('{"compatibilityLevel":"BACKWARD"}');
  expect(last({ keytype: 'CONFIG', subject: payments, magic: 0 })?.value).toBe('{"compatibilityLevel":"NONE"}');
  expect(last({ keytype: 'DELETE_SUBJECT', subject: gone, magic: 0 })?.value).toBe(`{"subject":"${gone}","version":1}`);
  expect(last({ keytype: 'SCHEMA', subject: purged, version: 1, magic: 1 })?.value).toBeNull();
});

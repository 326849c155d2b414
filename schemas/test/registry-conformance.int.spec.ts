import {
  expectError,
  field,
  path,
  registryHttp,
  registryUrl,
  removeSubjects,
  runNames,
  sameAvro,
  V1_JSON,
} from './support/conformance';

// The Confluent Schema Registry API, as a client sees it, checked over HTTP only:
// point SCHEMA_REGISTRY_URL at Confluent and this passes unchanged. Compatibility
// levels, deletes and the JS client have sibling files (registry-conformance.*.int.spec.ts).

const http = registryHttp(registryUrl());
const { prefix, subject, order } = runNames();
const register = (s: string, schema: string) => http.post(path.versions(s), { schema });
/** Each subject pins its own level, so tests do not depend on the registry's global one. */
const createSubject = async (s: string, ...schemas: string[]) => {
  await http.put(path.config(s), { compatibility: 'NONE' });
  const ids: number[] = [];
  for (const schema of schemas) ids.push((await register(s, schema)).body.id);
  return ids;
};

afterAll(() => removeSubjects(http, prefix));

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}

describe('registering and reading', () => {
  const a = subject('orders'),
    b = subject('orders-copy');
  /** The same schema with every object's keys reversed and indented: a different text, the same schema. */
  const reformatted = (schema: string) => JSON.stringify(reverseKeys(JSON.parse(schema)), null, 2);

  it('gives one schema one id however it is laid out, and creates no version for a repeat', async () => {
    await http.put(path.config(a), { compatibility: 'NONE' });
    const first = await register(a, order());
    expect(first).toMatchObject({ status: 200, body: { id: expect.any(Number) } });
    expect((await register(a, `  ${order()}  `)).body.id).toBe(first.body.id);
    expect((await register(a, reformatted(order()))).body.id).toBe(first.body.id);
    const second = await register(a, order(field.qty));
    expect(second.body.id).not.toBe(first.body.id);
    expect((await register(a, order())).body.id).toBe(first.body.id); // an older version is a repeat too
    expect((await http.get(path.versions(a))).body).toEqual([1, 2]);
  });

  it('gives the same schema the same id under another subject, and says where an id is used', async () => {
    const [id] = await createSubject(b, order());
    expect((await http.get(path.version(a, 1))).body.id).toBe(id);
    const used = await http.get(`/schemas/ids/${id}/versions`);
    expect(
      used.body.sort((x: { subject: string }, y: { subject: string }) => x.subject.localeCompare(y.subject)),
    ).toEqual([
      { subject: a, version: 1 },
      { subject: b, version: 1 },
    ]);
    const byId = await http.get(`/schemas/ids/${id}`);
    expect(byId.status).toBe(200);
    expect(sameAvro(byId.body.schema, order())).toBe(true);
    expect((await http.get('/subjects')).body).toEqual(expect.arrayContaining([a, b]));
  });

  it('looks a schema up under a subject', async () => {
    const found = await http.post(path.subject(a), { schema: reformatted(order(field.qty)) });
    expect(found.body).toMatchObject({ subject: a, version: 2, id: expect.any(Number), schema: expect.any(String) });
    expect(sameAvro(found.body.schema, order(field.qty))).toBe(true);
    expectError(await http.post(path.subject(a), { schema: order(field.note) }), 404, 40403);
    expectError(await http.post(path.subject(subject('never')), { schema: order() }), 404, 40401);
  });

  it('serves versions by number, latest and -1, and the bare schema', async () => {
    expect((await http.get(path.version(a, 1))).body).toMatchObject({ subject: a, version: 1, id: expect.any(Number) });
    expect((await http.get(path.version(a, 'latest'))).body).toMatchObject({ version: 2 });
    expect((await http.get(path.version(a, -1))).body).toMatchObject({ version: 2 });
    const bare = await http.get(`${path.version(a, 1)}/schema`);
    expect(bare.status).toBe(200);
    expect(sameAvro(JSON.stringify(bare.body), order())).toBe(true);
  });

  it.each([V1_JSON, 'application/vnd.schemaregistry+json', 'application/json', 'application/octet-stream'])(
    'reads request bodies sent as %s',
    async (contentType) => {
      const answer = await http.post(
        path.versions(subject('content-types')),
        JSON.stringify({ schema: order() }),
        contentType,
      );
      expect(answer).toMatchObject({ status: 200, body: { id: expect.any(Number) } });
    },
  );

  it('answers the root, the schema types, and errors as {error_code, message}', async () => {
    expect(await http.get('/')).toMatchObject({ status: 200, body: {} });
    expect((await http.get('/schemas/types')).body).toContain('AVRO');
    expectError(await register(subject('invalid'), '{"type":"recrod","name":"X"}'), 422, 42201);
    expectError(await register(subject('invalid'), 'not json'), 422, 42201);
    expectError(await http.get(path.version(a, 'abc')), 422, 42202);
    expectError(await http.get(path.version(a, 0)), 422, 42202);
    expectError(await http.get(path.version(a, 99)), 404, 40402);
    expectError(await http.get(path.versions(subject('never'))), 404, 40401);
    expectError(await http.get(path.version(subject('never'), 1)), 404, 40401);
    expectError(await http.get('/schemas/ids/2147480000'), 404, 40403);
  });
});

describe('compatibility config', () => {
  it('reads and sets the global level, and puts back the one it found', async () => {
    const found = (await http.get('/config')).body.compatibilityLevel as string;
    const other = found === 'FULL' ? 'BACKWARD' : 'FULL';
    try {
      expect((await http.put('/config', { compatibility: other })).body).toMatchObject({ compatibility: other });
      expect((await http.get('/config')).body).toMatchObject({ compatibilityLevel: other });
    } finally {
      await http.put('/config', { compatibility: found });
    }
    expect((await http.get('/config')).body).toMatchObject({ compatibilityLevel: found });
    expectError(await http.put('/config', { compatibility: 'SOMETIMES' }), 422, 42203);
  });

  it('sets, reads and removes a subject level; without one, GET is a 40408 unless ?defaultToGlobal=true', async () => {
    const s = subject('config');
    expectError(await http.get(path.config(s)), 404, 40408);
    // A parallel run may be flipping the global level for a moment: read it on both sides.
    const before = (await http.get('/config')).body.compatibilityLevel;
    const fallback = (await http.get(`${path.config(s)}?defaultToGlobal=true`)).body.compatibilityLevel;
    const after = (await http.get('/config')).body.compatibilityLevel;
    expect([before, after]).toContain(fallback);
    expect((await http.put(path.config(s), { compatibility: 'FORWARD' })).body).toMatchObject({
      compatibility: 'FORWARD',
    });
    expect((await http.get(path.config(s))).body).toMatchObject({ compatibilityLevel: 'FORWARD' });
    expect((await http.delete(path.config(s))).body).toMatchObject({ compatibilityLevel: 'FORWARD' });
    expectError(await http.get(path.config(s)), 404, 40408);
    expectError(await http.delete(path.config(s)), 404, 40401);
    expectError(await http.put(path.config(s), { compatibility: 'SOMETIMES' }), 422, 42203);
  });
});

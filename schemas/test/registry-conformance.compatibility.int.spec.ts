import { expectError, field, path, registryHttp, registryUrl, removeSubjects, runNames } from './support/conformance';

// Every compatibility level, over HTTP only (see registry-conformance.int.spec.ts):
// one change it lets through and one it refuses. Each subject pins its level.
// The histories are chosen so that the transitive levels refuse a change that
// only the oldest version cannot take: the same change passes against "latest".

const http = registryHttp(registryUrl());
const { prefix, subject, order } = runNames();
afterAll(() => removeSubjects(http, prefix));

const { qty, qtyWithDefault, qtyAsString, note, noteWithDefault } = field;
/** Version 1 lacks a field that version 2 adds with a default. */
const gainsNote = [order(), order(noteWithDefault)];
/** Version 1 requires qty; version 2 gives it a default. */
const relaxesQty = [order(qty), order(qtyWithDefault)];

interface Case {
  level: string;
  history: string[];
  passes: string;
  fails?: string;
  /** The refused change passes against the latest version and fails against version 1. */
  failsOnlyAgainstOlder?: boolean;
}

const cases: Case[] = [
  { level: 'NONE', history: [order(qty)], passes: order({ name: 'qty', type: 'string' }) },
  { level: 'BACKWARD', history: gainsNote, passes: order(note), fails: order(noteWithDefault, qty) },
  {
    level: 'BACKWARD_TRANSITIVE',
    history: gainsNote,
    passes: order(noteWithDefault, qtyWithDefault),
    fails: order(note),
    failsOnlyAgainstOlder: true,
  },
  { level: 'FORWARD', history: relaxesQty, passes: order(), fails: order(qtyAsString) },
  {
    level: 'FORWARD_TRANSITIVE',
    history: relaxesQty,
    passes: order(qtyWithDefault, note),
    fails: order(),
    failsOnlyAgainstOlder: true,
  },
  { level: 'FULL', history: relaxesQty, passes: order(), fails: order(qtyWithDefault, note) },
  {
    level: 'FULL_TRANSITIVE',
    history: relaxesQty,
    passes: order(qtyWithDefault, noteWithDefault),
    fails: order(),
    failsOnlyAgainstOlder: true,
  },
];

describe.each(cases)('compatibility level $level', ({ level, history, passes, fails, failsOnlyAgainstOlder }) => {
  const s = subject(`compat-${level.toLowerCase()}`);
  const check = (schema: string, version?: number | string, verbose = false) =>
    http.post(`${path.compatibility(s, version)}${verbose ? '?verbose=true' : ''}`, { schema });

  beforeAll(async () => {
    expect((await http.put(path.config(s), { compatibility: level })).status).toBe(200);
    for (const schema of history) expect((await http.post(path.versions(s), { schema })).status).toBe(200);
  });

  if (fails) {
    it('refuses the incompatible change, on registration and on a check', async () => {
      expect((await check(fails, 'latest')).body).toEqual({ is_compatible: !!failsOnlyAgainstOlder });
      expect((await check(fails)).body).toEqual({ is_compatible: false });
      const verbose = await check(fails, failsOnlyAgainstOlder ? 1 : 'latest', true);
      expect(verbose.body).toMatchObject({ is_compatible: false, messages: expect.any(Array) });
      expect(verbose.body.messages.length).toBeGreaterThan(0);
      expectError(await http.post(path.versions(s), { schema: fails }), 409, 409, 40901);
    });
  } else {
    it('lets any change through; only an invalid schema is refused', async () => {
      expectError(await http.post(path.versions(s), { schema: '{"type":"record"}' }), 422, 42201);
    });
  }

  it('lets the compatible change through', async () => {
    expect((await check(passes, 'latest')).body).toEqual({ is_compatible: true });
    const verbose = await check(passes, undefined, true);
    expect(verbose.body).toMatchObject({ is_compatible: true });
    expect(verbose.body.messages ?? []).toEqual([]);
    expect((await http.post(path.versions(s), { schema: passes })).body).toMatchObject({ id: expect.any(Number) });
    expect((await http.get(path.versions(s))).body).toEqual([...history.map((_, i) => i + 1), history.length + 1]);
  });
});

describe('the compatibility check endpoint', () => {
  it('treats "latest" of an unknown subject as compatible, and refuses bad versions', async () => {
    const s = subject('compat-unknown');
    expect((await http.post(path.compatibility(s, 'latest'), { schema: order() })).body).toEqual({
      is_compatible: true,
    });
    expectError(await http.post(path.compatibility(s, 'first'), { schema: order() }), 422, 42202);
    await http.post(path.versions(s), { schema: order() });
    expectError(await http.post(path.compatibility(s, 7), { schema: order() }), 404, 40402);
    expectError(await http.post(path.compatibility(s, 'latest'), { schema: '{"type":"nope"}' }), 422, 42201);
  });
});

import { expectError, field, path, registryHttp, registryUrl, removeSubjects, runNames } from './support/conformance';

// Soft and hard deletes of versions and subjects, over HTTP only (see
// registry-conformance.int.spec.ts), with Confluent's error code for each misstep.

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

describe('deleting', () => {
  it('soft-deletes a version: hidden unless ?deleted=true, still readable by id; then permanently', async () => {
    const s = subject('version-delete');
    const [id1] = await createSubject(s, order(), order(field.qty));
    expect((await http.delete(path.version(s, 1))).body).toBe(1);
    expect((await http.get(path.versions(s))).body).toEqual([2]);
    expect((await http.get(`${path.versions(s)}?deleted=true`)).body).toEqual([1, 2]);
    expectError(await http.get(path.version(s, 1)), 404, 40402);
    expect((await http.get(`${path.version(s, 1)}?deleted=true`)).body).toMatchObject({ version: 1, id: id1 });
    expect((await http.get(`/schemas/ids/${id1}`)).status).toBe(200);
    expectError(await http.post(path.subject(s), { schema: order() }), 404, 40403);
    expect((await http.post(`${path.subject(s)}?deleted=true`, { schema: order() })).body).toMatchObject({
      version: 1,
    });

    expectError(await http.delete(path.version(s, 1)), 404, 40406);
    expectError(await http.delete(`${path.version(s, 2)}?permanent=true`), 404, 40407);
    expect((await http.delete(`${path.version(s, 1)}?permanent=true`)).body).toBe(1);
    expectError(await http.get(`${path.version(s, 1)}?deleted=true`), 404, 40402);
    expect((await http.get(`${path.versions(s)}?deleted=true`)).body).toEqual([2]);
    expectError(await http.delete(path.version(s, 99)), 404, 40402);
    expectError(await http.delete(path.version(subject('never'), 1)), 404, 40401);
  });

  it('soft-deletes a subject once, and deletes it permanently only after that', async () => {
    const s = subject('subject-delete');
    await createSubject(s, order(), order(field.qty));
    expectError(await http.delete(`${path.subject(s)}?permanent=true`), 404, 40405);
    expect((await http.delete(path.subject(s))).body).toEqual([1, 2]);
    expect((await http.get('/subjects')).body).not.toContain(s);
    expect((await http.get('/subjects?deleted=true')).body).toContain(s);
    expectError(await http.get(path.versions(s)), 404, 40401);
    expectError(await http.get(path.version(s, 'latest')), 404, 40401);
    expect((await http.get(`${path.versions(s)}?deleted=true`)).body).toEqual([1, 2]);
    expectError(await http.delete(path.subject(s)), 404, 40404);

    expect((await http.delete(`${path.subject(s)}?permanent=true`)).body).toEqual([1, 2]);
    expect((await http.get('/subjects?deleted=true')).body).not.toContain(s);
    expectError(await http.get(`${path.versions(s)}?deleted=true`), 404, 40401);
    expectError(await http.delete(path.subject(subject('never'))), 404, 40401);
  });

  it('numbers a schema registered again after a soft delete after the deleted versions, with its old id', async () => {
    const s = subject('re-register');
    const [id1] = await createSubject(s, order(), order(field.qty));
    await http.delete(path.subject(s));
    expect((await register(s, order())).body.id).toBe(id1);
    expect((await http.get(path.versions(s))).body).toEqual([3]);
    expect((await http.get(path.version(s, 'latest'))).body).toMatchObject({ version: 3, id: id1 });
  });
});

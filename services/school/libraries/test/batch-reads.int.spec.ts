import { randomUUID } from 'node:crypto';
import { fixedClock } from '@hexfleet/kernel';
import { eventually } from '@hexfleet/testing';
import { LibrariesHarness, startLibraries, uniqueTenant } from './support/libraries-harness';
import type { Reply } from './support/libraries-harness';
import { expectStatus, LibrarySetup } from './support/library-setup';

// The reads the gateway's DataLoaders make: a page of loans or holds reads all its titles
// (and patrons) in one call, `?ids=a,b`, bounded to 100; and a patron's loans a page at a time.
describe('batch reads by ids, and pages of a patron’s loans', () => {
  let service: LibrariesHarness;
  let desk: LibrarySetup;
  const tenant = uniqueTenant('batch');

  beforeAll(async () => {
    service = await startLibraries(fixedClock('2026-03-02T09:00:00Z'));
    desk = new LibrarySetup(service, await service.issuer.mint({ tenant, roles: ['librarian'] }));
    await desk.rule();
  });
  afterAll(() => service?.close());

  const get = (path: string, token = desk.token, consistencyToken?: string) =>
    service.call('GET', path, { token, headers: consistencyToken ? { 'x-consistency-token': consistencyToken } : {} });
  /** The rows of a 200 list reply. */
  const rows = <T>(reply: Reply): T[] => {
    expectStatus(reply, 200);
    expect(Array.isArray(reply.body)).toBe(true);
    return Object.values(reply.body) as T[];
  };

  it('reads titles by ids across schools, without a schoolId, and refuses more than 100 or a malformed id', async () => {
    const first = await desk.title('Batch One', 1);
    const second = await desk.title('Batch Two', 0);
    const elsewhere = new LibrarySetup(service, desk.token);
    const third = await elsewhere.title('Other School', 0);
    const ids = [first.titleId, second.titleId, third.titleId, randomUUID()];

    let titles: Array<{ titleId: string; title: string; copies: number; schoolId: string }> = [];
    await eventually(
      async () => {
        titles = rows(await get(`/titles?ids=${ids.join(',')}`));
        // The title and its copy are two events: wait for both, not the first alone.
        return titles.length === 3 && titles.some((t) => t.title === 'Batch One' && t.copies === 1);
      },
      { what: 'the three titles in the catalogue, the first with its copy' },
    );
    expect(titles.map((t) => [t.title, t.copies])).toEqual([
      ['Batch One', 1],
      ['Batch Two', 0],
      ['Other School', 0],
    ]);
    // ids narrow a school's search like any other filter.
    const narrowed = await get(`/titles?schoolId=${desk.schoolId}&ids=${ids.join(',')}`);
    expect(rows<{ title: string }>(narrowed).map((t) => t.title)).toEqual(['Batch One', 'Batch Two']);

    const tooMany = await get(`/titles?ids=${Array.from({ length: 101 }, () => randomUUID()).join(',')}`);
    const malformed = await get(`/titles?ids=${first.titleId},nope`);
    const neither = await get('/titles');
    console.log(
      `titles by ids: 101 ids -> ${tooMany.status}, a malformed id -> ${malformed.status}, no school nor ids -> ${neither.status}`,
    );
    expect([tooMany.status, tooMany.body.errors]).toEqual([400, [expect.objectContaining({ field: 'ids' })]]);
    expect([malformed.status, malformed.body.errors]).toEqual([400, [expect.objectContaining({ field: 'ids' })]]);
    expect([neither.status, neither.body.errors]).toEqual([400, [expect.objectContaining({ field: 'schoolId' })]]);
  });

  it('reads patrons by ids: staff any, a patron only themself; and a patron’s loans a page at a time', async () => {
    const asha = await desk.patron('Asha', 'user-batch-asha');
    const ravi = await desk.patron('Ravi');
    const { copyIds } = await desk.title('Paged Loans', 3);
    let token = '';
    for (const copyId of copyIds) {
      const loan = expectStatus(await desk.borrow(copyId, asha), 201);
      token = loan.headers.get('x-consistency-token') ?? '';
    }

    const both = `/patrons?ids=${asha},${ravi},${randomUUID()}`;
    let patrons: Array<{ name: string; standing: string; userId: string | null }> = [];
    await eventually(
      async () => {
        patrons = rows(await get(both));
        return patrons.length === 2;
      },
      { what: 'both patrons in the read model' },
    );
    expect(patrons.map((p) => p.name).sort()).toEqual(['Asha', 'Ravi']);
    expect(patrons.find((p) => p.name === 'Asha')).toMatchObject({ standing: 'active', userId: 'user-batch-asha' });
    const herself = await service.issuer.mint({ tenant, userId: 'user-batch-asha', roles: ['student'] });
    expect(rows<{ name: string }>(await get(both, herself)).map((p) => p.name)).toEqual(['Asha']);
    expect(expectStatus(await get(`/patrons?ids=${Array(101).fill(asha).join(',')}`), 400).body.errors).toEqual([
      expect.objectContaining({ field: 'ids' }),
    ]);

    const all = rows<{ loanId: string }>(await get(`/patrons/${asha}/loans`, desk.token, token));
    const pages = [];
    for (const offset of [0, 2]) {
      const page = await get(`/patrons/${asha}/loans?limit=2&offset=${offset}`, desk.token, token);
      pages.push(...rows<{ loanId: string }>(page).map((l) => l.loanId));
    }
    console.log(`a patron's 3 loans: all at once ${all.length}, in pages of 2: ${pages.length}`);
    expect(all).toHaveLength(3);
    expect(pages).toEqual(all.map((l) => l.loanId));
  });
});

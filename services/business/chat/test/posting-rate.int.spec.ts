import { TenantId } from '@hexfleet/kernel';
import { createTestDatabase } from '@hexfleet/testing';
import type { TestDatabase } from '@hexfleet/testing';
import type { ServiceRuntime, TimeAndIds } from '@hexfleet/platform';
import { PostgresPostingRate } from '../src/adapters/out/posting-rate/postgres-posting-rate.adapter';
import type { ChatSettings } from '../src/application/chat-settings';

/**
 * The posting limit is the fleet's, not a replica's (ADR 0059, amended): two replicas' counters on
 * one database let a user post the limit once between them, however the posts are spread.
 */
describe('PostgresPostingRate: one limit for every replica', () => {
  let db: TestDatabase;
  let now = '2026-03-02T10:00:20.000Z';
  const replica = () =>
    new PostgresPostingRate(
      { pool: db.pool } as unknown as ServiceRuntime,
      { postsPerMinute: 6 } as ChatSettings,
      { now: () => now } as unknown as TimeAndIds,
    );
  let replicas: PostgresPostingRate[];

  beforeAll(async () => {
    db = await createTestDatabase('chatrate');
    replicas = [replica(), replica()];
    // Both start together: the advisory lock keeps their DDL apart.
    await Promise.all(replicas.map((r) => r.onModuleInit()));
  });
  afterAll(() => db.drop());

  it('counts posts through either replica against one limit, and refuses without counting', async () => {
    const ann = { tenant: TenantId.parse('acme'), userId: 'ann' };
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) waits.push(await replicas[i % 2].take(ann));
    expect(waits.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    // 6 of 6 this minute, 20 s in: 40 s to its end, then one fits at once.
    expect(waits.slice(6)).toEqual([41, 41]);
    // Another user, another tenant's same user id: counted apart.
    expect(await replicas[0].take({ tenant: TenantId.parse('acme'), userId: 'bob' })).toBe(0);
    expect(await replicas[1].take({ tenant: TenantId.parse('other'), userId: 'ann' })).toBe(0);

    // Next minute, 30 s in: half of the 6 still counts, so 3 more fit (3 + 2 < 6), not a fourth.
    now = '2026-03-02T10:01:30.000Z';
    const later: number[] = [];
    for (let i = 0; i < 4; i++) later.push(await replicas[i % 2].take(ann));
    expect(later.slice(0, 3)).toEqual([0, 0, 0]);
    // 3 + 3 = 6: it fits once 6 * (1 - f) < 3, f > 0.5, right after now.
    expect(later[3]).toBe(1);
  });

  it('lets concurrent posts on both replicas through up to the limit only', async () => {
    const cat = { tenant: TenantId.parse('acme'), userId: 'cat' };
    now = '2026-03-02T11:00:05.000Z';
    const waits = await Promise.all(Array.from({ length: 20 }, (_, i) => replicas[i % 2].take(cat)));
    expect(waits.filter((w) => w === 0)).toHaveLength(6);
  });
});

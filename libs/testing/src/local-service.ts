import {
  callService,
  CallOptions,
  listenOnFreePort,
  Reply,
  serviceTestEnv,
  startGroupsAtTopicEnds,
} from './service-under-test';
import { createTestDatabase, TestDatabase } from './database';
import type { DevIssuer } from './dev-tokens';

type Listening = Parameters<typeof listenOnFreePort>[0] & { close(): Promise<unknown> };

export type LocalService<S> = S & {
  url: string;
  db: TestDatabase;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  close(): Promise<void>;
};

/**
 * The service under test in this process, on the run's stack with a database of
 * its own, listening on a free port. `create` builds it from its environment
 * (the platform's `createService`, passed in: the platform's own tests use this
 * library). Its consumer groups first start at the topics' current ends, so
 * earlier runs' events are neither replayed nor acted on.
 */
export async function startLocalService<S extends { app: Listening }>(
  name: string,
  issuer: DevIssuer,
  create: (env: NodeJS.ProcessEnv) => Promise<S>,
  groups: ReadonlyArray<{ groupId: string; topics: readonly string[] }> = [],
): Promise<LocalService<S>> {
  await startGroupsAtTopicEnds(groups);
  const db = await createTestDatabase(name);
  const service = await create(serviceTestEnv(db.url, issuer));
  const url = await listenOnFreePort(service.app);
  return Object.assign(service, {
    url,
    db,
    call: (method: string, path: string, options?: CallOptions) => callService(url, method, path, options),
    async close() {
      await service.app.close();
      await db.drop();
    },
  });
}

/**
 * Stored events of one tenant (of these types only, if given) in a service's event store:
 * what a refused command must not have added to. A service without a database has none.
 */
export async function tenantEvents(
  service: { db?: TestDatabase },
  tenant: string,
  types?: readonly string[],
): Promise<number> {
  if (!service.db) return 0;
  const { rows } = await service.db.pool.query<{ n: string }>(
    'select count(*) as n from eventstore.events where tenant = $1 and ($2::text[] is null or event_type = any($2))',
    [tenant, types ?? null],
  );
  return Number(rows[0].n);
}

/** Stored events of one type (in one stream, if given) in a service's event store. */
export async function storedEvents(service: { db: TestDatabase }, type: string, streamId?: string): Promise<number> {
  const { rows } = await service.db.pool.query<{ n: string }>(
    'select count(*) as n from eventstore.events where event_type = $1 and ($2::text is null or stream_id = $2)',
    [type, streamId ?? null],
  );
  return Number(rows[0].n);
}

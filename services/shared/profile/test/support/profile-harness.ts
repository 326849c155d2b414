import { randomBytes } from 'node:crypto';
import { consumerGroups, createService } from '@hexfleet/platform';
import type { RunningService } from '@hexfleet/platform';
import { admin, hrms, identity } from '@hexfleet/schemas';
import { createDevIssuer, startLocalService, uniqueName } from '@hexfleet/testing';
import type { CallOptions, DevIssuer, Reply, TestDatabase } from '@hexfleet/testing';
import { createProfile } from '../../src/profile.module';
import { startUpstream } from './upstream';
import type { Upstream } from './upstream';

export type { Reply };

/** A tenant slug no other test uses (slugs allow no hyphen, so not uniqueName). */
export const uniqueTenant = (prefix = 't') => `${prefix}${randomBytes(5).toString('hex')}`;

interface StoredFilter {
  type?: string;
  stream?: string;
  tenants?: string[];
}

export interface ProfileFleet extends RunningService {
  url: string;
  db: TestDatabase;
  issuer: DevIssuer;
  /** identity's, HRMS's and Admin's write sides: what they append reaches profile through Kafka. */
  identity: Upstream;
  hrms: Upstream;
  admin: Upstream;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  /**
   * Events in profile's own store, of one type or all, on one stream or all. Filter by tenant when counting "writes nothing": profile
   * reacts to every UserRegistered on the shared broker, other test files' too.
   */
  stored(filter?: StoredFilter): Promise<number>;
  close(): Promise<void>;
}

/**
 * Profile in-process on the run's stack with its own database and consumer
 * groups (a suffix; started at the topics' ends, so earlier runs' events are
 * neither replayed nor acted on), beside stand-ins for identity, HRMS and Admin.
 */
export async function startProfileFleet(): Promise<ProfileFleet> {
  const issuer = await createDevIssuer();
  const identityStandIn = await startUpstream('identity', '/shared/identity', identity.contracts, issuer);
  const hrmsStandIn = await startUpstream('hrms', '/business/hrms', hrms.contracts, issuer).catch(async (e) => {
    await identityStandIn.close();
    throw e;
  });
  const adminStandIn = await startUpstream('admin', '/school/admin', admin.contracts, issuer).catch(async (e) => {
    await Promise.all([identityStandIn.close(), hrmsStandIn.close()]);
    throw e;
  });
  const standIns = [identityStandIn, hrmsStandIn, adminStandIn];
  const { definition, module } = createProfile({ projectionSuffix: `-${uniqueName('t')}` }, {});
  const service = await startLocalService(
    definition.name,
    issuer,
    (env) => createService(definition, module, { env }),
    consumerGroups(definition),
  ).catch(async (error: unknown) => {
    await Promise.all(standIns.map((s) => s.close()));
    throw error;
  });
  const { db } = service;
  return Object.assign(service, {
    issuer,
    identity: identityStandIn,
    hrms: hrmsStandIn,
    admin: adminStandIn,
    async stored({ type, stream, tenants }: StoredFilter = {}) {
      const { rows } = await db.pool.query<{ n: string }>(
        `select count(*) as n from eventstore.events
         where ($1::text is null or event_type = $1) and ($2::text is null or stream_id = $2)
           and ($3::text[] is null or tenant = any($3))`,
        [type ?? null, stream ?? null, tenants ?? null],
      );
      return Number(rows[0].n);
    },
    async close() {
      await service.app.close();
      await Promise.all(standIns.map((s) => s.close()));
      await db.drop();
    },
  });
}

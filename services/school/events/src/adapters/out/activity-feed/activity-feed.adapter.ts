import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { ActivityFeed, ActivityItem, FeedPage } from '../../../application/activity-feed.port';

@Injectable()
export class PostgresActivityFeed implements ActivityFeed {
  constructor(private readonly runtime: ServiceRuntime) {}

  items(tenant: TenantId, schoolId: string, { limit, offset, before }: FeedPage): Promise<ActivityItem[]> {
    return this.runtime.queryTenant<ActivityItem>(
      tenant,
      (s) => `select event_id as "eventId", kind, subject, actor_id as "actorId", ref_id as "refId",
                occurred_at as "occurredAt"
              from ${s}.activity where school_id = $1 and ($2::text is null or occurred_at < $2)
              order by occurred_at desc, event_id desc limit $3 offset $4`,
      [schoolId, before ?? null, limit, offset],
    );
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import { Consistency, ServiceRuntime } from '@hexfleet/platform';
import { EVENTS_SETTINGS } from './events-settings';
import type { EventsSettings } from './events-settings';

export interface ActivityItem {
  eventId: string;
  kind: string;
  subject: string;
  actorId: string | null;
  refId: string;
  occurredAt: string;
}

/**
 * The school's feed, newest first. A consistency token from another service's
 * write (a checkout's, naming the loan stream) is honoured too: this read model
 * records the loan streams it applied, so the wait is the same.
 */
@Injectable()
export class ActivityQueries {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly consistency: Consistency,
    @Inject(EVENTS_SETTINGS) private readonly settings: EventsSettings,
  ) {}

  async feed(caller: Principal, schoolId: string, limit: number, before?: string): Promise<ActivityItem[]> {
    await this.consistency.await(this.settings.readModels.activity, caller);
    return this.runtime.queryTenant<ActivityItem>(
      caller.tenant,
      (s) => `select event_id as "eventId", kind, subject, actor_id as "actorId", ref_id as "refId",
                occurred_at as "occurredAt"
              from ${s}.activity where school_id = $1 and ($2::text is null or occurred_at < $2)
              order by occurred_at desc, event_id desc limit $3`,
      [schoolId, before ?? null, limit],
    );
  }
}

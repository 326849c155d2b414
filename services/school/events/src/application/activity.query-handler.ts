import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@hexfleet/platform';
import { Consistency } from '@hexfleet/platform';
import { ACTIVITY_FEED } from './activity-feed.port';
import type { ActivityFeed, ActivityItem, FeedPage } from './activity-feed.port';
import { EVENTS_SETTINGS } from './events-settings';
import type { EventsSettings } from './events-settings';

/**
 * The school's feed, newest first, for anyone of the tenant. A consistency token
 * from another service's write (a checkout's, naming the loan stream) is honoured
 * too: this read model records the loan streams it applied, so the wait is the same.
 */
@Injectable()
export class ActivityQueryHandler {
  constructor(
    private readonly consistency: Consistency,
    @Inject(ACTIVITY_FEED) private readonly activity: ActivityFeed,
    @Inject(EVENTS_SETTINGS) private readonly settings: EventsSettings,
  ) {}

  async feed(caller: Principal, schoolId: string, page: FeedPage): Promise<ActivityItem[]> {
    await this.consistency.await(this.settings.readModels.activity, caller);
    return this.activity.items(caller.tenant, schoolId, page);
  }
}

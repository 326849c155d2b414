import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';

/** What the feed answers: typed once, in the contracts the gateway implements too. */
export type ActivityItem = views.events.ActivityItem;

/** A page of the feed: `limit` items after skipping `offset`, of those before `before` if given. */
export interface FeedPage {
  limit: number;
  offset: number;
  before?: string;
}

/** The activity feed read model (`school-activity`): what happened in each school, from other modules' events. */
export interface ActivityFeed {
  /** The school's items, newest first: a page of them, optionally only those before an instant. */
  items(tenant: TenantId, schoolId: string, page: FeedPage): Promise<ActivityItem[]>;
}

export const ACTIVITY_FEED = Symbol('ActivityFeed');

import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';

/** What the feed answers: typed once, in the contracts the gateway implements too. */
export type ActivityItem = views.events.ActivityItem;

/** The activity feed read model (`school-activity`): what happened in each school, from other modules' events. */
export interface ActivityFeed {
  /** The school's items, newest first, optionally only those before an instant (paging). */
  items(tenant: TenantId, schoolId: string, limit: number, before?: string): Promise<ActivityItem[]>;
}

export const ACTIVITY_FEED = Symbol('ActivityFeed');

import type { TenantId } from '@hexfleet/kernel';

export interface ActivityItem {
  eventId: string;
  kind: string;
  subject: string;
  actorId: string | null;
  refId: string;
  occurredAt: string;
}

/** The activity feed read model (`school-activity`): what happened in each school, from other modules' events. */
export interface ActivityFeed {
  /** The school's items, newest first, optionally only those before an instant (paging). */
  items(tenant: TenantId, schoolId: string, limit: number, before?: string): Promise<ActivityItem[]>;
}

export const ACTIVITY_FEED = Symbol('ActivityFeed');

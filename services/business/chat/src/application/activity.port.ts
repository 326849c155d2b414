import type { TenantId } from '@hexfleet/kernel';
import type { chat } from '@hexfleet/schemas';

/**
 * Ephemeral activity (typing, presence; ADR 0058): published on `chat.activity.v1` for every
 * gateway replica's live feed, and never stored in the event store.
 */
export interface Activity {
  publish(tenant: TenantId, key: string, event: chat.ChatActivityV1Event): Promise<void>;
}

export const ACTIVITY = Symbol('Activity');

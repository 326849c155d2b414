import type { TenantId } from '@hexfleet/kernel';
import type { MentionCandidate } from '../domain/channel.types';

/** The read model `chat-directory`: the tenant's users from identity's events. */
export interface Directory {
  /** The users the handles name (unknown handles name nobody). */
  resolve(tenant: TenantId, handles: readonly string[]): Promise<MentionCandidate[]>;
  /** Whether chat knows the user as registered and not deactivated. */
  isActive(tenant: TenantId, userId: string): Promise<boolean>;
}

export const DIRECTORY = Symbol('Directory');

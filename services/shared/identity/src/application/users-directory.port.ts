import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';

/** A page of a list: at most `limit` rows after the first `offset`. */
export interface Page {
  limit: number;
  offset: number;
}

export interface UsersFilter extends Page {
  /** Part of the email or display name. */
  q?: string;
  status?: string;
}

/** One account as the directory lists it (typed in the contracts, for the gateway too). */
export type DirectoryUser = views.identity.DirectoryUser;

/** The users directory read model (`identity.user.v1`), one tenant at a time. */
export interface UsersDirectory {
  /** By display name; `total` counts every match, not just the page. */
  list(tenant: TenantId, filter: UsersFilter): Promise<{ items: DirectoryUser[]; total: number }>;
}
export const USERS_DIRECTORY = Symbol('UsersDirectory');

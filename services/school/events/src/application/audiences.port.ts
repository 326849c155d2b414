import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';

export type AudienceMemberView = views.events.AudienceMemberView;
export type AudiencePage = views.events.AudiencePage;

/** An event's audience as the calendar stores it: the school, some of its groups, or named users. */
export interface AudienceOf {
  schoolId: string;
  kind: string;
  ids: readonly string[];
}

export interface Paging {
  limit: number;
  offset: number;
}

/** The membership read model (`school-audiences`): who is in which group, from Admin's group events. */
export interface Audiences {
  /** The groups the user (a student, by their Admin id) is in now. */
  groupsOf(tenant: TenantId, userId: string): Promise<string[]>;
  /**
   * Who an audience reaches now, by group and roll number: a group's members; a school's, every
   * student in one of its groups; named users, each with their group in the school if any.
   */
  members(tenant: TenantId, audience: AudienceOf, paging: Paging): Promise<AudiencePage>;
}

export const AUDIENCES = Symbol('Audiences');

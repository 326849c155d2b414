import { type EmployeeLinkState, profileDecider, type ProfileEvent, type ProfileState } from '../domain';

/** The state after `events`: what the next decision in the same transaction sees. */
export const after = <S, E>(evolve: (state: S, event: E) => S, state: S, events: readonly E[]): S =>
  events.reduce(evolve, state);

/**
 * HRMS's department and designation written on a business profile by the
 * system actor (which may set HR-owned fields). Nothing for a profile that
 * does not exist yet, is archived, or belongs to the school ERP, and nothing
 * when HRMS has said nothing new.
 */
export function placementOnProfile(
  profile: ProfileState,
  link: EmployeeLinkState,
  metadata: { now: string },
): ProfileEvent[] {
  if (link.status !== 'known' || profile.status !== 'active' || profile.product !== 'business') return [];
  const { department, designation } = link.placement;
  const changes = { ...(department !== null && { department }), ...(designation !== null && { designation }) };
  return profileDecider.decide(
    { type: 'UpdateProfile', data: { actor: { type: 'system' }, changes }, metadata },
    profile,
  );
}

import { fold } from '@hexfleet/kernel';
import { audienceGroups, eventDecider, isVisibleTo } from '../../src/domain';
import { eventPublished, eventScheduled, GROUP } from './events-fixtures';

const OTHER_GROUP = '0190a1b2-0000-7000-8000-0000000000f6';
const STUDENT = '0190a1b2-0000-7000-8000-000000000301';
const forGroup = fold(eventDecider, [
  eventScheduled({ eventType: 'trip', audienceKind: 'groups', audienceIds: [GROUP] }),
  eventPublished({ eventType: 'trip' }),
]);
const person = (memberOf: string[], grantedOver: string[] = []) => ({
  userId: STUDENT,
  groupIds: audienceGroups(memberOf, grantedOver),
});

describe('rule: a group’s event is for the group’s members, by Admin’s membership or a group grant (ADR 0048)', () => {
  it('given Admin placed the student in the group, then they see its event', () => {
    expect(isVisibleTo(forGroup, person([GROUP]))).toBe(true);
  });

  it('given the student is in another group only, then they do not', () => {
    expect(isVisibleTo(forGroup, person([OTHER_GROUP]))).toBe(false);
  });

  it('given no membership but a role granted over the group, then they see it: either source is enough', () => {
    expect(isVisibleTo(forGroup, person([], [GROUP]))).toBe(true);
    expect(isVisibleTo(forGroup, person([OTHER_GROUP], [GROUP]))).toBe(true);
  });

  it('counts a group named by both sources once', () => {
    expect(audienceGroups([GROUP, OTHER_GROUP], [GROUP])).toEqual([GROUP, OTHER_GROUP].sort());
  });
});

import { deciderSpec } from '@hexfleet/testing';
import { pipeline } from '@hexfleet/schemas';
import { ownerDecider } from '../../src/domain';
import { metadata, now } from './fixtures';

const given = deciderSpec(ownerDecider);
const registered = pipeline.ownerRegistered({
  userId: 'u1',
  displayName: 'Grace',
  email: 'g@example.com',
  employeeId: null,
  registeredAt: now,
});
const register = {
  type: 'RegisterOwner' as const,
  data: { userId: 'u1', displayName: 'Grace', email: 'g@example.com', employeeId: null },
  metadata,
};

describe("owners are the tenant's users", () => {
  it('a registered user may own cards', () => given([]).when(register).then([registered]));
  it('a repeated registration changes nothing', () => given([registered]).when(register).then([]));
  it('a deactivated user may own no more cards', () =>
    given([registered])
      .when({ type: 'DeactivateOwner', data: { userId: 'u1', reason: 'separated' }, metadata })
      .then([pipeline.ownerDeactivated({ userId: 'u1', reason: 'separated', deactivatedAt: now })]));
  it('deactivating a user never registered, or twice, changes nothing', () => {
    given([])
      .when({ type: 'DeactivateOwner', data: { userId: 'u1', reason: 'x' }, metadata })
      .then([]);
    given([registered, pipeline.ownerDeactivated({ userId: 'u1', reason: 'x', deactivatedAt: now })])
      .when({ type: 'DeactivateOwner', data: { userId: 'u1', reason: 'x' }, metadata })
      .then([]);
  });
});

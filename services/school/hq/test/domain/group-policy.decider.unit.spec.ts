import { hq } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { groupPolicyDecider } from '../../src/domain';
import type { GroupPolicy, PublishGroupPolicy } from '../../src/domain';
import { groupPolicy, HQ_ADMIN, loanRules, metadata, NOW } from './hq-fixtures';

const given = deciderSpec(groupPolicyDecider);
const publish = (policy: GroupPolicy = groupPolicy()): PublishGroupPolicy => ({
  type: 'PublishGroupPolicy',
  data: { policy, publishedBy: HQ_ADMIN },
  metadata,
});
const published = (policyVersion: number, policy: GroupPolicy = groupPolicy()) =>
  hq.groupPolicyPublished({ policyVersion, ...policy, publishedBy: HQ_ADMIN, publishedAt: NOW });

describe("publishing the group's policy", () => {
  it('given none, when HQ publishes a policy, then GroupPolicyPublished version 1', () => {
    given([])
      .when(publish())
      .then([published(1)]);
  });

  it('given version 1, when a changed policy is published, then version 2 replaces it', () => {
    const changed = groupPolicy({ loanRules: loanRules({ loanPeriodDays: 21 }) });
    given([published(1)])
      .when(publish(changed))
      .then([published(2, changed)]);
  });

  it('given a policy, when the same is published again, then group-policy-unchanged', () => {
    given([published(1)])
      .when(publish())
      .thenThrows('group-policy-unchanged', { policyVersion: 1 });
  });

  it('given a policy stored with its keys in another order (jsonb keeps its own), when the same is published, then group-policy-unchanged', () => {
    const { loanPeriodDays, maxLoans, maxRenewals, maxHolds, fineRatePerDayMinor, currency, graceDays } = loanRules();
    const reordered = {
      graceDays,
      currency,
      fineCapMinor: null,
      fineRatePerDayMinor,
      maxHolds,
      maxRenewals,
      maxLoans,
      loanPeriodDays,
    };
    given([published(1, groupPolicy({ loanRules: reordered }))])
      .when(publish())
      .thenThrows('group-policy-unchanged');
  });

  it('given none, when the policy breaks a rule, then that rule', () => {
    given([])
      .when(publish(groupPolicy({ loanRules: loanRules({ currency: 'inr' }) })))
      .thenThrows('invalid-loan-rules', { field: 'loanRules.currency' });
  });
});

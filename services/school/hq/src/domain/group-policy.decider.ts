import { assertNever, DomainError } from '@hexfleet/kernel';
import type { Decider } from '@hexfleet/kernel';
import { hq } from '@hexfleet/schemas';
import type { Command } from './command';
import { checkGroupPolicy, samePolicy } from './policy';
import type { GroupPolicy } from './policy';

/** Stream `<tenant>/group-policy/group`: one versioned policy per school group, topic hq.group-policy.v1. */
export const GROUP_POLICY_ID = 'group';

export type PublishGroupPolicy = Command<'PublishGroupPolicy', { policy: GroupPolicy; publishedBy: string }>;
export type GroupPolicyCommand = PublishGroupPolicy;
export type GroupPolicyEvent = hq.HqGroupPolicyV1Event;
export type GroupPolicyState = { version: 0 } | { version: number; policy: GroupPolicy };

function decide(command: GroupPolicyCommand, state: GroupPolicyState): GroupPolicyEvent[] {
  switch (command.type) {
    case 'PublishGroupPolicy': {
      const policy = checkGroupPolicy(command.data.policy);
      if ('policy' in state && samePolicy(policy, state.policy))
        throw new DomainError('group-policy-unchanged', { policyVersion: state.version });
      return [
        hq.groupPolicyPublished({
          policyVersion: state.version + 1,
          ...policy,
          publishedBy: command.data.publishedBy,
          publishedAt: command.metadata.now,
        }),
      ];
    }
    default:
      return assertNever(command.type);
  }
}

function evolve(_state: GroupPolicyState, event: GroupPolicyEvent): GroupPolicyState {
  switch (event.type) {
    case 'GroupPolicyPublished': {
      const { policyVersion, loanRules, attendanceCodes, absenceThresholds, registerLockDays } = event.data;
      return { version: policyVersion, policy: { loanRules, attendanceCodes, absenceThresholds, registerLockDays } };
    }
    default:
      return assertNever(event.type);
  }
}

export const groupPolicyDecider: Decider<GroupPolicyCommand, GroupPolicyEvent, GroupPolicyState> = {
  initialState: { version: 0 },
  decide,
  evolve,
};

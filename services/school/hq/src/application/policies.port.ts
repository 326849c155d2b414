import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';

export type GroupPolicyView = views.hq.GroupPolicyView;
export type EffectivePolicyView = views.hq.EffectivePolicyView;

/** The group's policy and each school's effective policy: the read model `hq-policies`. */
export interface Policies {
  groupPolicy(tenant: TenantId): Promise<GroupPolicyView | undefined>;
  effective(tenant: TenantId, schoolId: string): Promise<EffectivePolicyView | undefined>;
}

export const POLICIES = Symbol('Policies');

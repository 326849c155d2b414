import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { EffectivePolicyView, GroupPolicyView, Policies } from '../../../application/policies.port';

/** The read model `hq-policies` (see policies.projection.ts): each answer is one stored JSON document. */
@Injectable()
export class PostgresPolicies implements Policies {
  constructor(private readonly runtime: ServiceRuntime) {}

  async groupPolicy(tenant: TenantId): Promise<GroupPolicyView | undefined> {
    const [row] = await this.runtime.queryTenant<{ policy: GroupPolicyView }>(
      tenant,
      (schema) => `select policy from ${schema}.group_policy where id = 'group'`,
    );
    return row?.policy;
  }

  async effective(tenant: TenantId, schoolId: string): Promise<EffectivePolicyView | undefined> {
    const [row] = await this.runtime.queryTenant<{ policy: EffectivePolicyView }>(
      tenant,
      (schema) => `select policy from ${schema}.effective_policies where school_id = $1`,
      [schoolId],
    );
    return row?.policy;
  }
}

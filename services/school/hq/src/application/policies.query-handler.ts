import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Consistency } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { HQ_SETTINGS } from './hq-settings';
import type { HqSettings } from './hq-settings';
import { POLICIES } from './policies.port';
import type { EffectivePolicyView, GroupPolicyView, Policies } from './policies.port';
import { assertSees } from './school-access';

/** The group's policy (anyone of the tenant may read it) and a school's effective policy (fenced). */
@Injectable()
export class PoliciesQueryHandler {
  constructor(
    @Inject(HQ_SETTINGS) private readonly settings: HqSettings,
    @Inject(POLICIES) private readonly policies: Policies,
    private readonly consistency: Consistency,
  ) {}

  async groupPolicy(caller: Principal): Promise<GroupPolicyView> {
    await this.consistency.await(this.settings.readModels.policies, caller);
    const policy = await this.policies.groupPolicy(caller.tenant);
    if (!policy) throw new NotFoundException('no group policy published yet');
    return policy;
  }

  async effective(caller: Principal, schoolId: string): Promise<EffectivePolicyView> {
    assertSees(caller, schoolId);
    await this.consistency.await(this.settings.readModels.policies, caller);
    const policy = await this.policies.effective(caller.tenant, schoolId);
    if (!policy) throw new NotFoundException(`no school ${schoolId}`);
    return policy;
  }
}

import { Injectable } from '@nestjs/common';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { GROUP_POLICY_ID, groupPolicyDecider } from '../domain';
import type { GroupPolicy, SchoolSettings } from '../domain';
import { assertAdministers } from './school-access';
import { SchoolsCommandHandler } from './schools.command-handler';

/** The group's policy (HQ publishes it) and a school's own settings (HQ or the school's admin set them). */
@Injectable()
export class PoliciesCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    private readonly schools: SchoolsCommandHandler,
  ) {}

  async publishGroupPolicy(caller: Principal, policy: GroupPolicy) {
    const outcome = await this.commands.handle(groupPolicyDecider, {
      caller,
      aggregate: 'group-policy',
      id: GROUP_POLICY_ID,
      command: {
        type: 'PublishGroupPolicy',
        data: { policy, publishedBy: caller.userId },
        metadata: { now: this.time.now() },
      },
    });
    return { outcome: outcome.status };
  }

  setSchoolPolicy(caller: Principal, schoolId: string, settings: SchoolSettings) {
    assertAdministers(caller, schoolId);
    return this.schools.run(caller, schoolId, {
      type: 'SetSchoolPolicy',
      data: { settings, setBy: caller.userId },
      metadata: { now: this.time.now() },
    });
  }
}

import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { PoliciesCommandHandler } from '../../application/policies.command-handler';
import { PoliciesQueryHandler } from '../../application/policies.query-handler';
import { GroupPolicyBody } from './policy.dto';

/** The group's policy: HQ publishes it; anyone of the group may read it. */
@ApiTags('group-policy')
@ApiBearerAuth()
@Controller('group-policy')
export class GroupPolicyController {
  constructor(
    private readonly commands: PoliciesCommandHandler,
    private readonly queries: PoliciesQueryHandler,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The group’s policy as last published (404 before the first)' })
  get(@Caller() caller: Principal) {
    return this.queries.groupPolicy(caller);
  }

  @Put()
  @Roles('hq-admin')
  @ApiOperation({ summary: 'Publish the group’s policy, the next version (409 group-policy-unchanged)' })
  publish(@Caller() caller: Principal, @Body() body: GroupPolicyBody) {
    return this.commands.publishGroupPolicy(caller, {
      ...body,
      loanRules: { ...body.loanRules, fineCapMinor: body.loanRules.fineCapMinor ?? null },
      registerLockDays: body.registerLockDays ?? null,
    });
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, IdParam, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { PoliciesCommandHandler } from '../../application/policies.command-handler';
import { PoliciesQueryHandler } from '../../application/policies.query-handler';
import { SchoolsCommandHandler } from '../../application/schools.command-handler';
import { SchoolsQueryHandler } from '../../application/schools.query-handler';
import { SchoolPolicyBody } from './policy.dto';
import { CloseSchoolBody, OpenSchoolBody, PrincipalBody, SchoolsQuery } from './schools.dto';

/** The group's schools: HQ opens and closes them; each caller sees the schools of their grants (HQ all). */
@ApiTags('schools')
@ApiBearerAuth()
@Controller('schools')
export class SchoolsController {
  constructor(
    private readonly commands: SchoolsCommandHandler,
    private readonly queries: SchoolsQueryHandler,
    private readonly policyCommands: PoliciesCommandHandler,
    private readonly policyQueries: PoliciesQueryHandler,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('hq-admin')
  @ApiOperation({ summary: 'Open a school (409 school-code-taken); answers its id and X-Consistency-Token' })
  open(@Caller() caller: Principal, @Body() body: OpenSchoolBody) {
    return this.commands.open(caller, { ...body, principalUserId: body.principalUserId ?? null });
  }

  @Get()
  @ApiOperation({
    summary: 'The schools the caller may see (HQ: every school of the group), by code, a page at a time',
  })
  list(@Caller() caller: Principal, @Query() query: SchoolsQuery) {
    return this.queries.list(caller, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One school (404 outside the caller’s schools)' })
  get(@Caller() caller: Principal, @Param() { id }: IdParam) {
    return this.queries.get(caller, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('hq-admin')
  @ApiOperation({ summary: 'Close a school; it keeps its code and records' })
  close(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: CloseSchoolBody) {
    return this.commands.close(caller, id, body.reason);
  }

  @Put(':id/principal')
  @Roles('hq-admin')
  @ApiOperation({ summary: 'Assign the school’s principal (409 principal-unchanged)' })
  assignPrincipal(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: PrincipalBody) {
    return this.commands.assignPrincipal(caller, id, body.principalUserId);
  }

  @Get(':id/policy')
  @ApiOperation({ summary: 'The school’s effective policy: per area its own setting, else the group’s' })
  policy(@Caller() caller: Principal, @Param() { id }: IdParam) {
    return this.policyQueries.effective(caller, id);
  }

  @Put(':id/policy')
  @Roles('hq-admin', 'school-admin')
  @ApiOperation({
    summary: 'Set the school’s own policy settings (HQ or the school’s admin); null areas follow the group',
  })
  setPolicy(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: SchoolPolicyBody) {
    return this.policyCommands.setSchoolPolicy(caller, id, {
      loanRules: body.loanRules ? { ...body.loanRules, fineCapMinor: body.loanRules.fineCapMinor ?? null } : null,
      attendanceCodes: body.attendanceCodes ?? null,
      absenceThresholds: body.absenceThresholds ?? null,
      registerLockDays: body.registerLockDays ?? null,
    });
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { AccountsQueryHandler } from '../../application/accounts.query-handler';
import { TENANT_ADMINS, USER_ADMINS } from '../../application/admin-scope';
import { UsersCommandHandler } from '../../application/users.command-handler';
import { AuditQuery, DeactivateBody, GrantBody, InviteBody, UserIdParams, UsersQuery } from './users.dto';
import { validated } from './validate';

const page = (q: { limit?: number; offset?: number }) => ({ limit: q.limit ?? 50, offset: q.offset ?? 0 });

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersCommandHandler,
    private readonly accounts: AccountsQueryHandler,
  ) {}

  @Post('users/invitations')
  @Roles(...USER_ADMINS)
  @ApiOperation({ summary: 'Invite a person with roles; they get a mail to set their password' })
  invite(@Caller() caller: Principal, @Body() body: InviteBody) {
    return this.users.invite(caller, body);
  }

  @Get('users')
  @Roles(...USER_ADMINS)
  @ApiOperation({ summary: 'The users directory (read model; send X-Consistency-Token to read your write)' })
  list(@Caller() caller: Principal, @Query() query: UsersQuery) {
    return this.accounts.list(caller, { q: query.q, status: query.status, ...page(query) });
  }

  @Get('users/:id')
  @ApiOperation({ summary: 'One user (admins, or the user themself); another tenant’s id is 404' })
  user(@Caller() caller: Principal, @Param() params: UserIdParams) {
    return this.accounts.user(caller, params.id);
  }

  @Post('users/:id/grants')
  @HttpCode(204)
  @Roles(...USER_ADMINS)
  @ApiOperation({ summary: 'Grant a role over one scope (tenant, school or group)' })
  async grant(@Caller() caller: Principal, @Param() params: UserIdParams, @Body() body: GrantBody) {
    await this.users.changeGrant(caller, params.id, 'GrantRole', body);
  }

  @Delete('users/:id/grants')
  @HttpCode(204)
  @Roles(...USER_ADMINS)
  @ApiBody({ type: GrantBody, required: false, description: 'Or the same fields as query parameters' })
  @ApiOperation({ summary: 'Revoke a role over one scope' })
  async revoke(
    @Caller() caller: Principal,
    @Param() params: UserIdParams,
    @Body() body: unknown,
    @Query() query: unknown,
  ) {
    const named = body && typeof body === 'object' && Object.keys(body).length ? body : query;
    await this.users.changeGrant(caller, params.id, 'RevokeRole', await validated(GrantBody, named));
  }

  @Post('users/:id/deactivate')
  @HttpCode(204)
  @Roles(...TENANT_ADMINS)
  @ApiOperation({ summary: 'Deactivate: every session ends, login and new roles are refused' })
  async deactivate(@Caller() caller: Principal, @Param() params: UserIdParams, @Body() body: DeactivateBody) {
    await this.users.deactivate(caller, params.id, body.reason ?? null);
  }

  @Post('users/:id/reactivate')
  @HttpCode(204)
  @Roles(...TENANT_ADMINS)
  async reactivate(@Caller() caller: Principal, @Param() params: UserIdParams) {
    await this.users.reactivate(caller, params.id);
  }

  @Get('login-audit')
  @Roles(...TENANT_ADMINS)
  @ApiOperation({ summary: 'Recent sign-ins, refusals and lockouts, newest first' })
  loginAudit(@Caller() caller: Principal, @Query() query: AuditQuery) {
    return this.accounts.loginAudit(caller, { userId: query.userId, ...page(query) });
  }
}

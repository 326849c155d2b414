import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import { AccountsQueryHandler } from '../../application/accounts.query-handler';
import { TotpCommandHandler } from '../../application/totp.command-handler';
import { TotpCodeBody } from './users.dto';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly accounts: AccountsQueryHandler,
    private readonly totp: TotpCommandHandler,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in account: roles, grants, verification and second factor' })
  async me(@Caller() caller: Principal): Promise<views.identity.Me> {
    const { status: _status, ...account } = await this.accounts.account(caller.tenant, caller.userId);
    return account;
  }

  @Post('totp')
  @ApiOperation({ summary: 'Start TOTP enrolment: a new secret to put into an authenticator app' })
  enrol(@Caller() caller: Principal) {
    return this.totp.enrol(caller);
  }

  @Post('totp/confirm')
  @HttpCode(204)
  @ApiOperation({ summary: 'Finish TOTP enrolment with a code; from then on login needs `totp`' })
  async confirm(@Caller() caller: Principal, @Body() body: TotpCodeBody) {
    await this.totp.confirm(caller, body.code);
  }

  @Post('totp/disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn the second factor off, with a current code' })
  async disable(@Caller() caller: Principal, @Body() body: TotpCodeBody) {
    await this.totp.disable(caller, body.code);
  }
}

import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UuidParam } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { CheckoutCommandHandler } from '../../application/checkout.command-handler';
import { CopiesCommandHandler } from '../../application/copies.command-handler';
import { CirculationQueryHandler } from '../../application/circulation.query-handler';
import { FinesCommandHandler } from '../../application/fines.command-handler';
import { STAFF } from '../../application/patron-access';
import { ReturnRenewCommandHandler } from '../../application/return-renew.command-handler';
import { ReasonBody } from './catalogue.dto';
import { CheckoutBody, LostBody, PaymentBody } from './circulation.dto';

@ApiTags('loans')
@ApiBearerAuth()
@Controller()
export class LoansController {
  constructor(
    private readonly checkout: CheckoutCommandHandler,
    private readonly returns: ReturnRenewCommandHandler,
    private readonly fines: FinesCommandHandler,
    private readonly copies: CopiesCommandHandler,
    private readonly queries: CirculationQueryHandler,
  ) {}

  @Post('loans')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Check a copy out to a patron (409 copy-not-available when it is out)' })
  async borrow(@Caller() caller: Principal, @Body() body: CheckoutBody) {
    return this.checkout.checkout(caller, body.copyId, body.patronId);
  }

  @Post('loans/:loanId/return')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Check the copy in; a late return assesses the fine' })
  async returnBook(@Caller() caller: Principal, @UuidParam('loanId') loanId: string) {
    return this.returns.returnBook(caller, loanId);
  }

  @Post('loans/:loanId/renew')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Renew (409 title-on-hold when someone waits for the title)' })
  async renew(@Caller() caller: Principal, @UuidParam('loanId') loanId: string) {
    return this.returns.renew(caller, loanId);
  }

  @Post('loans/:loanId/lost')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'The patron lost the copy: the loan closes with the late fine plus the replacement fee' })
  async lost(@Caller() caller: Principal, @UuidParam('loanId') loanId: string, @Body() body: LostBody) {
    return this.copies.declareLost(caller, loanId, body.replacementFeeMinor, body.currency);
  }

  @Post('loans/:loanId/payments')
  @Roles(...STAFF)
  @ApiOperation({ summary: "Record a payment towards the loan's fine" })
  async pay(@Caller() caller: Principal, @UuidParam('loanId') loanId: string, @Body() body: PaymentBody) {
    return this.fines.pay(caller, loanId, body.amountMinor, body.currency);
  }

  @Post('loans/:loanId/waiver')
  @HttpCode(204)
  @Roles(...STAFF)
  @ApiOperation({ summary: "Waive what is left of the loan's fine" })
  async waive(@Caller() caller: Principal, @UuidParam('loanId') loanId: string, @Body() body: ReasonBody) {
    await this.fines.waive(caller, loanId, body.reason);
  }

  @Get('loans/:loanId')
  @ApiOperation({ summary: 'One loan (staff, or the patron it belongs to)' })
  async loan(@Caller() caller: Principal, @UuidParam('loanId') loanId: string) {
    return this.queries.loan(caller, loanId);
  }

  @Get('schools/:schoolId/overdue-loans')
  @Roles(...STAFF)
  @ApiOperation({ summary: "Loans past due in the school's calendar today" })
  async overdue(@Caller() caller: Principal, @UuidParam('schoolId') schoolId: string) {
    return this.queries.overdue(caller, schoolId);
  }
}

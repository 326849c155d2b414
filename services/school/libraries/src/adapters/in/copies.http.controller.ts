import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UuidParam } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { CopiesCommandHandler } from '../../application/copies.command-handler';
import { STAFF } from '../../application/patron-access';
import { NoteBody, ReasonBody } from './catalogue.dto';

/** A copy's life outside circulation. A copy lost while on loan is declared through its loan. */
@ApiTags('copies')
@ApiBearerAuth()
@Controller('copies/:copyId')
export class CopiesController {
  constructor(private readonly copies: CopiesCommandHandler) {}

  @Post('damaged')
  @HttpCode(204)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Take a damaged copy off the shelf (409 copy-not-on-shelf unless available)' })
  async damaged(@Caller() caller: Principal, @UuidParam('copyId') copyId: string, @Body() body: NoteBody) {
    await this.copies.change(caller, copyId, { type: 'MarkCopyDamaged', note: body.note });
  }

  @Post('repair')
  @HttpCode(204)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'A repaired copy goes back on the shelf' })
  async repair(@Caller() caller: Principal, @UuidParam('copyId') copyId: string) {
    await this.copies.change(caller, copyId, { type: 'RepairCopy' });
  }

  @Post('withdraw')
  @HttpCode(204)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Withdraw a copy from the collection (not while lent or on the hold shelf)' })
  async withdraw(@Caller() caller: Principal, @UuidParam('copyId') copyId: string, @Body() body: ReasonBody) {
    await this.copies.change(caller, copyId, { type: 'WithdrawCopy', reason: body.reason });
  }

  @Post('lost')
  @HttpCode(204)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'A copy missing from the shelf (one on loan is declared lost through its loan)' })
  async lost(@Caller() caller: Principal, @UuidParam('copyId') copyId: string) {
    await this.copies.change(caller, copyId, { type: 'MarkCopyLost' });
  }
}

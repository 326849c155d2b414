import { Controller, Get, Inject, NotFoundException, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@hexfleet/platform';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { FileMailbox } from '../out/file-mailbox.adapter';

/** DI token of the development mailbox: null unless MAILBOX_DIR is set. */
export const DEV_MAILBOX = Symbol('DevMailbox');

class MailboxQuery {
  @IsString() @MinLength(3) @MaxLength(254) to!: string;
}

/** GET /dev/mailbox?to=: the development mail for one address, newest last. 404 when not in development. */
@ApiExcludeController()
@Controller('dev/mailbox')
export class DevMailboxController {
  constructor(@Inject(DEV_MAILBOX) private readonly mailbox: FileMailbox | null) {}

  @Get()
  @Public()
  async read(@Query() query: MailboxQuery) {
    if (!this.mailbox) throw new NotFoundException();
    return this.mailbox.read(query.to);
  }
}

import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, IdParam, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { RegisterCommandHandler } from '../../application/register.command-handler';
import { RegisterQueryHandler } from '../../application/register.query-handler';
import { RegisterNameBody, RegistersQuery } from './registers.dto';

/** Registers: written by the role school-admin, read by everyone of the tenant. */
@ApiTags('registers')
@ApiBearerAuth()
@Controller('registers')
export class RegistersController {
  constructor(
    private readonly commands: RegisterCommandHandler,
    private readonly queries: RegisterQueryHandler,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('school-admin')
  @ApiOperation({ summary: 'Create a register; answers its id and X-Consistency-Token' })
  create(@Caller() caller: Principal, @Body() body: RegisterNameBody) {
    return this.commands.create(caller, body.name);
  }

  @Get()
  @ApiOperation({ summary: 'The registers, by name, a page at a time' })
  list(@Caller() caller: Principal, @Query() query: RegistersQuery) {
    return this.queries.list(caller, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One register' })
  async get(@Caller() caller: Principal, @Param() { id }: IdParam) {
    const found = await this.queries.get(caller, id);
    if (!found) throw new NotFoundException(`no register ${id}`);
    return found;
  }

  @Post(':id/rename')
  @HttpCode(200)
  @Roles('school-admin')
  @ApiOperation({ summary: 'Give a register another name (409 when it already has it)' })
  rename(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: RegisterNameBody) {
    return this.commands.rename(caller, id, body.name);
  }
}

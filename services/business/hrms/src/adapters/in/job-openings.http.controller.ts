import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { JobOpeningCommandHandler } from '../../application/job-opening.command-handler';
import { JobOpeningQueryHandler } from '../../application/job-opening.query-handler';
import { PageQuery } from './employee.dto';
import { EnumField, IdParam, IntField, TextField } from './fields';
import { DecisionBody } from './leave.dto';

class CreateJobOpeningBody {
  @TextField(150, { example: 'Senior Accountant' }) title!: string;
  @TextField(100, { example: 'Finance' }) department!: string;
  @TextField(100, { example: 'Accountant' }) designation!: string;
  @IntField(1, 1000, { example: 2, description: 'How many people to hire' }) positions!: number;
  @TextField(5000, { optional: true, description: 'What candidates read' }) description?: string;
}

class JobOpeningsQuery extends PageQuery {
  @EnumField(['pending', 'approved', 'closed'], { optional: true }) status?: 'pending' | 'approved' | 'closed';
  @TextField(100, { optional: true }) department?: string;
}

/** Job openings: a manager or HR asks, HR approves (not their own), either closes; everyone sees the board. */
@ApiTags('job-openings')
@ApiBearerAuth()
@Controller('job-openings')
export class JobOpeningsController {
  constructor(
    private readonly commands: JobOpeningCommandHandler,
    private readonly queries: JobOpeningQueryHandler,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('manager', 'hr')
  create(@Caller() caller: Principal, @Body() body: CreateJobOpeningBody) {
    return this.commands.create(caller, body);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('hr')
  approve(@Caller() caller: Principal, @Param() { id }: IdParam) {
    return this.commands.approve(caller, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('manager', 'hr')
  close(@Caller() caller: Principal, @Param() { id }: IdParam, @Body() body: DecisionBody) {
    return this.commands.close(caller, id, body.reason);
  }

  @Get()
  list(@Caller() caller: Principal, @Query() query: JobOpeningsQuery) {
    return this.queries.list(caller, { ...query, limit: query.limit ?? 50, offset: query.offset ?? 0 });
  }

  @Get(':id')
  async get(@Caller() caller: Principal, @Param() { id }: IdParam) {
    const found = await this.queries.get(caller, id);
    if (!found) throw new NotFoundException(`no job opening ${id}`);
    return found;
  }
}

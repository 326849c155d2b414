import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, IdParam, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { AcademicYearsCommandHandler } from '../../application/academic-years.command-handler';
import { AcademicYearsQueryHandler } from '../../application/academic-years.query-handler';
import { PublishAcademicYearBody } from './academic-years.dto';
import { PageQuery } from './schools.dto';

/** Academic-year templates: HQ publishes them to schools; a school sees those published to it. */
@ApiTags('academic-years')
@ApiBearerAuth()
@Controller('academic-years')
export class AcademicYearsController {
  constructor(
    private readonly commands: AcademicYearsCommandHandler,
    private readonly queries: AcademicYearsQueryHandler,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('hq-admin')
  @ApiOperation({ summary: 'Publish an academic year with its terms to schools (all when none named)' })
  publish(@Caller() caller: Principal, @Body() body: PublishAcademicYearBody) {
    return this.commands.publish(caller, { ...body, schoolIds: body.schoolIds ?? [] });
  }

  @Get()
  @ApiOperation({ summary: 'The years the caller’s schools have (HQ: all), newest first, a page at a time' })
  list(@Caller() caller: Principal, @Query() query: PageQuery) {
    return this.queries.list(caller, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One academic year with its terms' })
  get(@Caller() caller: Principal, @Param() { id }: IdParam) {
    return this.queries.get(caller, id);
  }
}

import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UuidParam } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { SchoolQueryHandler } from '../../application/school.query-handler';
import { WRITERS } from '../../application/school-access';
import { SetupCommandHandler } from '../../application/setup.command-handler';
import { SpanBody, SubjectBody } from './setup.dto';

/** A school's calendar and subjects: written by its admins (and HQ), read by anyone with a role in it. */
@ApiTags('schools')
@ApiBearerAuth()
@Controller('schools/:schoolId')
export class SchoolsController {
  constructor(
    private readonly setup: SetupCommandHandler,
    private readonly queries: SchoolQueryHandler,
  ) {}

  @Post('academic-years')
  @HttpCode(201)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Open an academic year (never overlapping another of the school)' })
  openYear(@Caller() caller: Principal, @UuidParam('schoolId') schoolId: string, @Body() body: SpanBody) {
    return this.setup.openYear(caller, schoolId, body);
  }

  @Get('academic-years')
  @ApiOperation({ summary: "The school's academic years with their terms, in date order" })
  years(@Caller() caller: Principal, @UuidParam('schoolId') schoolId: string) {
    return this.queries.years(caller, schoolId);
  }

  @Post('academic-years/:yearId/terms')
  @HttpCode(201)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Define a term inside the year (terms never overlap)' })
  defineTerm(
    @Caller() caller: Principal,
    @UuidParam('schoolId') schoolId: string,
    @UuidParam('yearId') yearId: string,
    @Body() body: SpanBody,
  ) {
    return this.setup.defineTerm(caller, schoolId, yearId, body);
  }

  @Post('subjects')
  @HttpCode(201)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Define a subject (its code unique in the school)' })
  defineSubject(@Caller() caller: Principal, @UuidParam('schoolId') schoolId: string, @Body() body: SubjectBody) {
    return this.setup.defineSubject(caller, schoolId, body);
  }

  @Get('subjects')
  @ApiOperation({ summary: "The school's subjects, by code" })
  subjects(@Caller() caller: Principal, @UuidParam('schoolId') schoolId: string) {
    return this.queries.subjects(caller, schoolId);
  }
}

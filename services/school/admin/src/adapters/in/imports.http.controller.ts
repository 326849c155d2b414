import {
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Post,
  Query,
  Req,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UuidParam } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { FastifyRequest } from 'fastify';
import { COLUMNS, REQUIRED_COLUMNS } from '../../application/import-columns';
import { ImportsCommandHandler } from '../../application/imports.command-handler';
import { ImportsQueryHandler } from '../../application/imports.query-handler';
import { WRITERS } from '../../application/school-access';
import { MAX_IMPORT_ROWS } from '../../domain';
import { isStream } from './csv-body';
import { readCsv } from './csv-upload';
import { ImportQuery } from './imports.dto';

const FILE = `A UTF-8 CSV with a header row naming its columns, in any order: ${REQUIRED_COLUMNS.join(', ')} (required), and
${COLUMNS.filter((c) => !(REQUIRED_COLUMNS as readonly string[]).includes(c)).join(', ')}. Each row admits a student
with a guardian (an email or a phone) and enrols them in the group of its grade and section (which must exist). At
most ${MAX_IMPORT_ROWS} rows.`;

/** Bulk admission from CSV: the file is checked whole, then its rows imported one transaction each. */
@ApiTags('imports')
@ApiBearerAuth()
@Controller()
export class ImportsController {
  constructor(
    private readonly commands: ImportsCommandHandler,
    private readonly queries: ImportsQueryHandler,
  ) {}

  @Post('schools/:schoolId/student-imports')
  @HttpCode(202)
  @Roles(...WRITERS)
  @ApiConsumes('text/csv')
  @ApiBody({ description: FILE, schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary:
      'Import students from a CSV: 202 with the import id; its progress and refused rows at GET /student-imports/{importId}',
  })
  async upload(
    @Caller() caller: Principal,
    @UuidParam('schoolId') schoolId: string,
    @Query() query: ImportQuery,
    @Req() request: FastifyRequest,
  ) {
    if (!/^text\/csv\b/i.test(request.headers['content-type'] ?? '') || !isStream(request.body))
      throw new UnsupportedMediaTypeException('send the file as the body, content-type text/csv');
    const year = await this.commands.prepare(caller, schoolId, query);
    const file = await readCsv(request.body, {
      fileName: query.fileName ?? '',
      maxBytes: this.commands.limits.maxBytes,
      maxRows: MAX_IMPORT_ROWS,
    });
    return this.commands.start(caller, year, query.enrolledOn, file);
  }

  @Get('student-imports/:importId')
  @ApiOperation({ summary: "An import's progress (rows done, admitted, unchanged, refused) and its refused rows" })
  async report(@Caller() caller: Principal, @UuidParam('importId') importId: string) {
    const report = await this.queries.report(caller, importId);
    if (!report) throw new NotFoundException(`no import ${importId}`);
    return report;
  }
}

import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UuidParam } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { normalizeIsbn } from '../../domain';
import { CatalogueCommandHandler } from '../../application/catalogue.command-handler';
import { CatalogueQueryHandler } from '../../application/catalogue.query-handler';
import { STAFF } from '../../application/patron-access';
import { AddCopyBody, CatalogueTitleBody, LoanRuleBody, LoanRuleCellQuery, SearchQuery } from './catalogue.dto';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller()
export class CatalogueController {
  constructor(
    private readonly catalogue: CatalogueCommandHandler,
    private readonly queries: CatalogueQueryHandler,
  ) {}

  @Post('titles')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Catalogue a title (its copies are added one by one)' })
  async catalogueTitle(@Caller() caller: Principal, @Body() body: CatalogueTitleBody) {
    return this.catalogue.catalogueTitle(caller, { ...body, isbn: body.isbn ?? null });
  }

  @Post('titles/:titleId/copies')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Add a physical copy of a title' })
  async addCopy(@Caller() caller: Principal, @UuidParam('titleId') titleId: string, @Body() body: AddCopyBody) {
    return this.catalogue.addCopy(caller, titleId, body.barcode, body.shelf);
  }

  @Get('titles')
  @ApiOperation({ summary: 'Search the catalogue by title, author, ISBN and availability, or read titles by `ids`' })
  async search(@Caller() caller: Principal, @Query() query: SearchQuery) {
    const isbn = query.isbn === undefined ? undefined : (normalizeIsbn(query.isbn) ?? query.isbn);
    return this.queries.search(caller, { ...query, isbn, limit: query.limit ?? 50, offset: query.offset ?? 0 });
  }

  @Get('titles/:titleId')
  @ApiOperation({ summary: 'One title with its copies (barcode, shelf, status)' })
  async title(@Caller() caller: Principal, @UuidParam('titleId') titleId: string) {
    return this.queries.title(caller, titleId);
  }

  @Get('schools/:schoolId/loan-rules')
  @ApiOperation({ summary: "The school's loan-rule matrix, default first" })
  async loanRules(@Caller() caller: Principal, @UuidParam('schoolId') schoolId: string) {
    return this.queries.loanRules(caller, schoolId);
  }

  @Put('schools/:schoolId/loan-rules')
  @HttpCode(204)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Set one cell of the school loan-rule matrix (the first must be the default)' })
  async setLoanRule(@Caller() caller: Principal, @UuidParam('schoolId') schoolId: string, @Body() body: LoanRuleBody) {
    await this.catalogue.setLoanRule(caller, schoolId, { ...body });
  }

  @Delete('schools/:schoolId/loan-rules')
  @HttpCode(204)
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Remove one cell (the default only while HQ pushed one to fall back to); an absent axis means "any"',
  })
  async removeLoanRule(
    @Caller() caller: Principal,
    @UuidParam('schoolId') schoolId: string,
    @Query() query: LoanRuleCellQuery,
  ) {
    const cell = { patronCategory: query.patronCategory ?? null, itemType: query.itemType ?? null };
    await this.catalogue.removeLoanRule(caller, schoolId, cell);
  }
}

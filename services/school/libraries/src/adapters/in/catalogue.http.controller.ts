import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UuidParam } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { normalizeIsbn } from '../../domain';
import { CatalogueHandler } from '../../application/catalogue.command-handler';
import { CatalogueQueries } from '../../application/catalogue.query-handler';
import { HoldsHandler } from '../../application/holds.command-handler';
import { STAFF } from '../../application/library-context';
import { AddCopyBody, CatalogueTitleBody, LoanRuleBody, PlaceHoldBody, ReasonBody, SearchQuery } from './catalogue.dto';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller()
export class CatalogueController {
  constructor(
    private readonly catalogue: CatalogueHandler,
    private readonly queries: CatalogueQueries,
    private readonly holds: HoldsHandler,
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
  @ApiOperation({ summary: 'Search the catalogue by title, author, ISBN and availability' })
  async search(@Caller() caller: Principal, @Query() query: SearchQuery) {
    const isbn = query.isbn === undefined ? undefined : (normalizeIsbn(query.isbn) ?? query.isbn);
    return this.queries.search(caller, { ...query, isbn, limit: query.limit ?? 50, offset: query.offset ?? 0 });
  }

  @Put('schools/:schoolId/loan-rules')
  @HttpCode(204)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Set one cell of the school loan-rule matrix (the first must be the default)' })
  async setLoanRule(@Caller() caller: Principal, @UuidParam('schoolId') schoolId: string, @Body() body: LoanRuleBody) {
    await this.catalogue.setLoanRule(caller, schoolId, { ...body });
  }

  @Post('titles/:titleId/holds')
  @Roles(...STAFF)
  @ApiOperation({ summary: "Put a patron in the title's holds queue" })
  async placeHold(@Caller() caller: Principal, @UuidParam('titleId') titleId: string, @Body() body: PlaceHoldBody) {
    return this.holds.place(caller, titleId, body.patronId);
  }

  @Delete('titles/:titleId/holds/:holdId')
  @HttpCode(204)
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Cancel a hold; a copy waiting for it goes to the next in line' })
  async cancelHold(
    @Caller() caller: Principal,
    @UuidParam('titleId') titleId: string,
    @UuidParam('holdId') holdId: string,
    @Body() body: ReasonBody,
  ) {
    await this.holds.cancel(caller, titleId, holdId, body.reason);
  }
}

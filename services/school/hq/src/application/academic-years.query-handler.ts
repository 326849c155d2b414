import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Consistency } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { ACADEMIC_YEARS } from './academic-years.port';
import type { AcademicYears, AcademicYearView } from './academic-years.port';
import { HQ_SETTINGS } from './hq-settings';
import type { HqSettings } from './hq-settings';
import type { Page } from './paging';
import { fenceOf } from './school-access';

/** The published years: HQ sees all; others those published to every school or to one of theirs. */
@Injectable()
export class AcademicYearsQueryHandler {
  constructor(
    @Inject(HQ_SETTINGS) private readonly settings: HqSettings,
    @Inject(ACADEMIC_YEARS) private readonly years: AcademicYears,
    private readonly consistency: Consistency,
  ) {}

  async list(caller: Principal, query: { limit?: number; offset?: number }): Promise<Page<AcademicYearView>> {
    await this.consistency.await(this.settings.readModels.academicYears, caller);
    return this.years.page(caller.tenant, fenceOf(caller), {
      limit: query.limit ?? this.settings.defaultPageSize,
      offset: query.offset ?? 0,
    });
  }

  async get(caller: Principal, yearId: string): Promise<AcademicYearView> {
    await this.consistency.await(this.settings.readModels.academicYears, caller);
    const year = await this.years.find(caller.tenant, yearId);
    const fence = fenceOf(caller);
    const visible =
      year && (fence.all || year.schoolIds.length === 0 || year.schoolIds.some((id) => fence.schoolIds.includes(id)));
    if (!visible) throw new NotFoundException(`no academic year ${yearId}`);
    return year;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { Consistency } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import { ADMIN_SETTINGS } from './admin-settings';
import type { AdminSettings } from './admin-settings';
import { IMPORT_REPORTS } from './import-reports.port';
import type { ImportReports } from './import-reports.port';
import { reaches, WRITERS } from './school-access';

/** An import's progress and refused rows, for the school's writers. */
@Injectable()
export class ImportsQueryHandler {
  constructor(
    @Inject(ADMIN_SETTINGS) private readonly settings: AdminSettings,
    @Inject(IMPORT_REPORTS) private readonly reports: ImportReports,
    private readonly consistency: Consistency,
  ) {}

  async report(caller: Principal, importId: string): Promise<views.admin.StudentImportView | undefined> {
    await this.consistency.await(this.settings.readModels.imports, caller);
    const report = await this.reports.report(caller.tenant, importId);
    return report && reaches(caller, WRITERS, report.schoolId) ? report : undefined;
  }
}

import { Injectable } from '@nestjs/common';
import type { TenantId } from '@hexfleet/kernel';
import { ServiceRuntime } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import type { ImportReports } from '../../../application/import-reports.port';

const IMPORT = (s: string) => `i.import_id as "importId", i.school_id as "schoolId", i.year_id as "yearId",
  i.enrolled_on as "enrolledOn", i.file_name as "fileName", i.status, i.rows, i.processed, i.admitted,
  i.unchanged, i.refused, i.started_at as "startedAt", i.completed_at as "completedAt",
  coalesce((select json_agg(json_build_object('line', e.line, 'admissionNumber', e.admission_number,
    'field', e.field, 'code', e.code, 'message', e.message) order by e.line)
    from ${s}.student_import_errors e where e.import_id = i.import_id), '[]') as errors`;

/** The read model `admin-imports` (imports.projection.ts), in the tenant's schema. */
@Injectable()
export class PostgresImportReports implements ImportReports {
  constructor(private readonly runtime: ServiceRuntime) {}

  async report(tenant: TenantId, importId: string): Promise<views.admin.StudentImportView | undefined> {
    const [row] = await this.runtime.queryTenant<views.admin.StudentImportView>(
      tenant,
      (s) => `select ${IMPORT(s)} from ${s}.student_imports i where i.import_id = $1`,
      [importId],
    );
    return row;
  }
}

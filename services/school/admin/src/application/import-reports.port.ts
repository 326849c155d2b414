import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';

/** CSV imports and their refused rows: the read model `admin-imports`. */
export interface ImportReports {
  report(tenant: TenantId, importId: string): Promise<views.admin.StudentImportView | undefined>;
}

export const IMPORT_REPORTS = Symbol('ImportReports');

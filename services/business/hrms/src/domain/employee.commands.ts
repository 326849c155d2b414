import type { hrms } from '@hexfleet/schemas';
import type { Command } from './command';

export type HireEmployee = Command<
  'HireEmployee',
  Omit<hrms.EmployeeHiredInput, 'hiredAt' | 'lastName'> & { lastName?: string }
>;
export type PromoteEmployee = Command<
  'PromoteEmployee',
  { toDesignation: string; effectiveDate: string; note?: string }
>;
/** Carries the whole new placement: a field left as it was stays as it was. */
export type TransferEmployee = Command<
  'TransferEmployee',
  { toDepartment: string; toManagerId: string | null; holidayListId: string | null; effectiveDate: string }
>;
export type SeparateEmployee = Command<'SeparateEmployee', { relievingDate: string; reason?: string }>;
export type EmployeeCommand = HireEmployee | PromoteEmployee | TransferEmployee | SeparateEmployee;

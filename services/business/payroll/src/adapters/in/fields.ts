import { MonthField, PatternField } from '@hexfleet/platform';
import type { FieldDoc } from '@hexfleet/platform';

// Payroll's request fields: the platform's, and the few only payroll has.
export { BooleanField, DateField, EnumField, IdParam, IntField, TextField, UuidField } from '@hexfleet/platform';

export const PeriodField = MonthField;
export const CurrencyField = (doc: FieldDoc = {}) =>
  PatternField(/^[A-Z]{3}$/, 'an ISO 4217 code', { example: 'EUR', ...doc });
export const CodeField = (doc: FieldDoc = {}) =>
  PatternField(/^[A-Z][A-Z0-9_]{0,19}$/, 'A-Z, 0-9 and _, up to 20, starting with a letter', doc);

/** `:period` in a path: a month, or 400 naming `period`. */
export class PeriodParam {
  @PeriodField() period!: string;
}

import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { payroll, views } from '@hexfleet/schemas';
import { Paged } from '../common/pages';

/** A run of a period as Payroll's REST API returns it (typed in the contracts). */
export type PayrollRunView = views.payroll.PayrollRunView;

const MONEY = 'Integer minor units of the currency (exact up to 2^53 - 1)';
const PERIOD = 'A month, YYYY-MM';
const CURRENCY = 'An ISO 4217 code of three capital letters, e.g. EUR';

@ObjectType({ description: 'A pay run of one period with its totals (money in integer minor units).' })
export class PayrollRun implements PayrollRunView {
  @Field(() => ID) runId!: string;
  @Field({ description: 'YYYY-MM' }) period!: string;
  @Field(() => Int, { description: '1 for the first run of the period, +1 for each amendment' }) revision!: number;
  @Field(() => ID, { nullable: true, description: 'The cancelled run this one amends' }) amendsRunId!: string | null;
  @Field() currency!: string;
  @Field({ description: 'ISO-8601 instant' }) createdAt!: string;
  @Field(() => String, { description: 'draft, finalized or cancelled' })
  status!: views.payroll.PayrollRunView['status'];
  @Field(() => String, { nullable: true, description: 'ISO-8601 instant' }) finalizedAt!: string | null;
  @Field(() => Int, { description: 'Payslips computed so far (current ones; cancelled ones once cancelled)' })
  payslipCount!: number;
  @Field(() => Float, { description: MONEY }) grossMinor!: number;
  @Field(() => Float, { description: MONEY }) deductionsMinor!: number;
  @Field(() => Float, { description: MONEY }) netMinor!: number;
}

@ObjectType({ description: 'One line of a payslip: a salary component and its prorated amount (minor units).' })
export class PayslipLine implements payroll.PayslipLine {
  @Field(() => ID) componentId!: string;
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => String, { description: 'earning or deduction' }) kind!: payroll.ComponentKind;
  @Field(() => Float) amountMinor!: number;
}

@ObjectType({ description: 'One employee’s payslip of a run (money in integer minor units).' })
export class Payslip implements views.payroll.PayslipView {
  @Field(() => ID) payslipId!: string;
  @Field(() => ID) runId!: string;
  @Field() period!: string;
  @Field(() => Int) revision!: number;
  @Field(() => ID) employeeId!: string;
  @Field() employeeName!: string;
  @Field(() => ID) structureId!: string;
  @Field() currency!: string;
  @Field(() => Float) periodDays!: number;
  @Field(() => Float) employedDays!: number;
  @Field(() => Float) unpaidLeaveDays!: number;
  @Field(() => Float) absentDays!: number;
  @Field(() => Float) paymentDays!: number;
  @Field(() => [PayslipLine]) lines!: PayslipLine[];
  @Field(() => Float) grossMinor!: number;
  @Field(() => Float) deductionsMinor!: number;
  @Field(() => Float) netMinor!: number;
  @Field({ description: 'A final payslip (the employee left in the period)' }) final!: boolean;
  @Field(() => String, { description: 'current, replaced or cancelled' }) status!: views.payroll.PayslipView['status'];
}

export const PayslipPage = Paged(Payslip);

@ObjectType({ description: 'Someone payroll pays, as HRMS enrolled them, with their latest salary assignment.' })
export class PayrollEmployee implements views.payroll.PayrollEmployeeView {
  @Field(() => ID) employeeId!: string;
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field({ description: 'YYYY-MM-DD' }) joiningDate!: string;
  @Field() department!: string;
  @Field() designation!: string;
  @Field({ description: 'ISO-8601 instant' }) enrolledAt!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) relievingDate!: string | null;
  @Field(() => ID, { nullable: true, description: 'The salary structure of the latest assignment' })
  structureId!: string | null;
  @Field(() => Float, { nullable: true, description: `Monthly base. ${MONEY}` }) baseMinor!: number | null;
  @Field(() => String, { nullable: true }) currency!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the latest assignment applies from' })
  assignedFrom!: string | null;
}

export const PayrollEmployeePage = Paged(PayrollEmployee);

@ObjectType({ description: 'An employee’s payment days of a period, as a payslip of it would use them now.' })
export class PaymentDays implements views.payroll.PaymentDaysView {
  @Field(() => ID) employeeId!: string;
  @Field({ description: 'YYYY-MM' }) period!: string;
  @Field(() => Float) periodDays!: number;
  @Field(() => Float) employedDays!: number;
  @Field(() => Float) unpaidLeaveDays!: number;
  @Field(() => Float) absentDays!: number;
  @Field(() => Float, { description: 'employedDays - unpaidLeaveDays - absentDays (half days count half)' })
  paymentDays!: number;
}

@InputType({ description: 'A salary component (role payroll-admin).' })
export class DefineSalaryComponentInput {
  @Field({ description: 'What formulas name it by: A-Z, 0-9 and _, up to 20, starting with a letter (e.g. BASIC)' })
  code!: string;
  @Field({ description: 'As printed on payslips; 1 to 100 characters' }) name!: string;
  @Field({ description: 'earning or deduction' }) kind!: string;
}

@InputType({ description: 'One line of a salary structure: a component and how it is computed.' })
export class SalaryLineInput {
  @Field(() => ID, { description: 'A salary component (UUID)' }) componentId!: string;
  @Field({ description: 'fixed, percent_of_base or percent_of_component' }) method!: string;
  @Field(() => Float, { nullable: true, description: `fixed: the amount, 0 or more. ${MONEY}` }) amountMinor?: number;
  @Field(() => Int, { nullable: true, description: 'percent methods: basis points, 0 to 100000 (10000 = 100%)' })
  basisPoints?: number;
  @Field({ nullable: true, description: 'percent_of_component: the code of a line above (A-Z, 0-9, _)' })
  ofComponent?: string;
  @Field({ nullable: true, description: 'Scaled by payment days (true when absent)' }) prorated?: boolean;
}

@InputType({ description: 'A salary structure: its lines in order (role payroll-admin).' })
export class DefineSalaryStructureInput {
  @Field({ description: '1 to 100 characters' }) name!: string;
  @Field({ description: CURRENCY }) currency!: string;
  @Field(() => [SalaryLineInput], { description: '1 to 50 lines, at least one earning; formulas name lines above' })
  lines!: SalaryLineInput[];
}

@InputType({ description: 'A structure and monthly base for an employee from a date (role payroll-admin).' })
export class AssignSalaryStructureInput {
  @Field(() => ID, { description: 'A salary structure (UUID)' }) structureId!: string;
  @Field({ description: 'YYYY-MM-DD; not before joining nor after relieving' }) fromDate!: string;
  @Field(() => Float, { description: `The monthly base, 0 or more. ${MONEY}` }) baseMinor!: number;
}

@InputType({ description: 'A pay run for a month, with a payslip for each enrolled employee (role payroll-admin).' })
export class CreatePayrollRunInput {
  @Field({ description: PERIOD }) period!: string;
  @Field({ description: CURRENCY }) currency!: string;
}

import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import type { views } from '@hexfleet/schemas';
import { Paged } from '../common/pages';

/** An entry of HRMS's employee directory, as its REST API returns it (typed in the contracts). */
export type EmployeeView = views.hrms.DirectoryEntry;

@ObjectType({ description: 'A person in the company, from the HRMS employee directory.' })
export class Employee implements EmployeeView {
  @Field(() => ID) employeeId!: string;
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field() workEmail!: string;
  @Field() department!: string;
  @Field() designation!: string;
  @Field() employmentType!: string;
  @Field(() => ID, { nullable: true }) managerId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The identity user of the person, once invited.' })
  userId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The holiday list that applies; none for the company default.' })
  holidayListId!: string | null;
  @Field({ description: 'YYYY-MM-DD' }) joiningDate!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) relievingDate!: string | null;
  @Field(() => String, { description: 'active or separated' }) status!: views.hrms.EmploymentStatus;
}

export const EmployeePage = Paged(Employee);

@InputType()
export class EmployeeFilter {
  @Field({ nullable: true }) department?: string;
  @Field({ nullable: true }) designation?: string;
  @Field(() => ID, { nullable: true }) managerId?: string;
  @Field({ nullable: true, description: 'active or separated' }) status?: string;
  @Field({ nullable: true, description: 'Matches names and work email' }) search?: string;
}

@InputType()
export class HireEmployeeInput {
  @Field() firstName!: string;
  @Field({ nullable: true }) lastName?: string;
  @Field() workEmail!: string;
  @Field({ description: 'YYYY-MM-DD' }) joiningDate!: string;
  @Field() department!: string;
  @Field() designation!: string;
  @Field() employmentType!: string;
  @Field(() => ID, { nullable: true }) managerId?: string;
  @Field(() => ID, { nullable: true }) holidayListId?: string;
}

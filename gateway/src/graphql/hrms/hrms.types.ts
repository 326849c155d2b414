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

@InputType({ description: 'A hire, as POST /employees takes it.' })
export class HireEmployeeInput {
  @Field({ description: '1 to 100 characters' }) firstName!: string;
  @Field({ nullable: true, description: 'Up to 100 characters' }) lastName?: string;
  @Field({ description: 'An email address, up to 254 characters' }) workEmail!: string;
  @Field({ description: 'A date that exists, YYYY-MM-DD' }) joiningDate!: string;
  @Field({ description: '1 to 100 characters' }) department!: string;
  @Field({ description: '1 to 100 characters' }) designation!: string;
  @Field({ description: '1 to 50 characters, e.g. full-time' }) employmentType!: string;
  @Field(() => ID, { nullable: true, description: 'An employee (UUID)' }) managerId?: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The identity user of the person (up to 100 characters): leave they apply for is theirs',
  })
  userId?: string;
  @Field(() => ID, { nullable: true, description: 'A holiday list (UUID)' }) holidayListId?: string;
  @Field(() => ID, { nullable: true, description: 'The recruiting candidate hired (UUID)' }) candidateId?: string;
  @Field(() => ID, { nullable: true, description: 'The job opening the hire fills (UUID)' }) jobOpeningId?: string;
}

@InputType({ description: 'A promotion, as POST /employees/{id}/promotions takes it.' })
export class PromoteEmployeeInput {
  @Field({ description: '1 to 100 characters' }) toDesignation!: string;
  @Field({ description: 'A date that exists, YYYY-MM-DD' }) effectiveDate!: string;
  @Field({ nullable: true, description: 'Up to 500 characters' }) note?: string;
}

@InputType({ description: 'A transfer: the whole new placement, as POST /employees/{id}/transfers takes it.' })
export class TransferEmployeeInput {
  @Field({ description: '1 to 100 characters' }) toDepartment!: string;
  @Field(() => ID, { nullable: true, description: 'The manager from then on (UUID); absent for none' })
  toManagerId?: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The holiday list from then on (UUID); absent for the company default',
  })
  holidayListId?: string;
  @Field({ description: 'A date that exists, YYYY-MM-DD' }) effectiveDate!: string;
}

@InputType({ description: 'A separation, as POST /employees/{id}/separation takes it.' })
export class SeparateEmployeeInput {
  @Field({ description: 'The last working day, a date that exists, YYYY-MM-DD' }) relievingDate!: string;
  @Field({ nullable: true, description: 'Up to 500 characters' }) reason?: string;
}

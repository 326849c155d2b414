import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { views } from '@hexfleet/schemas';
import { Paged } from '../common/pages';

@ObjectType({ description: 'A job opening: what was asked, where it stands, who moved it there.' })
export class JobOpening implements views.hrms.JobOpeningView {
  @Field(() => ID) jobOpeningId!: string;
  @Field() title!: string;
  @Field() department!: string;
  @Field() designation!: string;
  @Field(() => Int, { description: 'How many people to hire' }) positions!: number;
  @Field({ description: 'Empty when not given' }) description!: string;
  @Field(() => ID, { description: 'The requesting employee' }) requestedBy!: string;
  @Field({ description: 'ISO-8601 instant' }) createdAt!: string;
  @Field(() => String, { description: 'pending, approved or closed' }) status!: views.hrms.JobOpeningStatus;
  @Field(() => ID, { nullable: true, description: 'The approving employee' }) approvedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO-8601 instant' }) approvedAt!: string | null;
  @Field(() => ID, { nullable: true, description: 'The user who closed it' }) closedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO-8601 instant' }) closedAt!: string | null;
  @Field(() => String, { nullable: true }) closeReason!: string | null;
}

export const JobOpeningPage = Paged(JobOpening);

@InputType()
export class JobOpeningFilter {
  @Field({ nullable: true, description: 'pending, approved or closed' }) status?: string;
  @Field({ nullable: true, description: 'Up to 100 characters' }) department?: string;
}

@InputType({ description: 'A job opening, as POST /job-openings takes it.' })
export class CreateJobOpeningInput {
  @Field({ description: '1 to 150 characters, what candidates see' }) title!: string;
  @Field({ description: '1 to 100 characters' }) department!: string;
  @Field({ description: '1 to 100 characters' }) designation!: string;
  @Field(() => Int, { description: 'How many people to hire, 1 to 1000' }) positions!: number;
  @Field({ nullable: true, description: 'What candidates read, up to 5000 characters' }) description?: string;
}

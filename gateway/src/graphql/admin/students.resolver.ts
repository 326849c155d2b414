import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { PageArgs } from '../common/pages';
import { segment } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import {
  AdmitStudentInput,
  EnrolStudentInput,
  PromoteStudentInput,
  Student,
  StudentFilter,
  StudentPage,
  WithdrawStudentInput,
} from './admin.types';
import { createdBy } from './school.resolver';

const STUDENT = { type: () => ID, description: 'The student (UUID)' };

/** Students through the gateway (Admin): admission, enrolment, withdrawal, promotion, and their records. */
@Resolver()
export class AdminStudentsResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => StudentPage, { description: "A school's students by name, filtered and paged (staff)." })
  @Fronts('admin', 'GET /schools/{schoolId}/students')
  students(
    @Context() context: GqlContext,
    @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: StudentFilter,
  ) {
    return this.rest.page<Student>(context, 'admin', `/schools/${segment(schoolId)}/students`, page, { ...filter });
  }

  @Query(() => Student, {
    nullable: true,
    description: "One student's record; null when there is none (for the caller).",
  })
  @Fronts('admin', 'GET /students/{studentId}')
  student(@Context() context: GqlContext, @Args('studentId', STUDENT) studentId: string) {
    return this.rest.find<Student>(context, 'admin', `/students/${segment(studentId)}`);
  }

  @Mutation(() => CommandResult, { description: 'Admit a student with their guardians (school admin).' })
  @Fronts('admin', 'POST /schools/{schoolId}/students')
  admitStudent(
    @Context() context: GqlContext,
    @Args('schoolId', { type: () => ID }) schoolId: string,
    @Args('input') input: AdmitStudentInput,
  ) {
    const body = { ...input, guardians: input.guardians.map((g) => ({ ...g })) };
    return createdBy(this.rest, context, `/schools/${segment(schoolId)}/students`, body, 'studentId');
  }

  @Mutation(() => Accepted, { description: 'Enrol a student for a year, in a group of it when one is named.' })
  @Fronts('admin', 'POST /students/{studentId}/enrolment')
  enrolStudent(
    @Context() context: GqlContext,
    @Args('studentId', STUDENT) studentId: string,
    @Args('input') input: EnrolStudentInput,
  ) {
    return this.step(context, studentId, 'enrolment', input);
  }

  @Mutation(() => Accepted, { description: 'Withdraw a student from the school and their group (school admin).' })
  @Fronts('admin', 'POST /students/{studentId}/withdrawal')
  withdrawStudent(
    @Context() context: GqlContext,
    @Args('studentId', STUDENT) studentId: string,
    @Args('input') input: WithdrawStudentInput,
  ) {
    return this.step(context, studentId, 'withdrawal', input);
  }

  @Mutation(() => Accepted, { description: "Promote a student to a later year's group (school admin)." })
  @Fronts('admin', 'POST /students/{studentId}/promotion')
  promoteStudent(
    @Context() context: GqlContext,
    @Args('studentId', STUDENT) studentId: string,
    @Args('input') input: PromoteStudentInput,
  ) {
    return this.step(context, studentId, 'promotion', input);
  }

  private step(context: GqlContext, studentId: string, step: string, input: object) {
    return this.rest.accept(context, 'admin', 'POST', `/students/${segment(studentId)}/${step}`, { ...input });
  }
}

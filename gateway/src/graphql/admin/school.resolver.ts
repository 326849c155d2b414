import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { PageArgs } from '../common/pages';
import { segment } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import {
  AssignTeacherInput,
  GroupMember,
  SchoolYear,
  SchoolYearInput,
  StudentGroup,
  StudentGroupInput,
  StudentGroupPage,
  Subject,
  SubjectInput,
} from './admin.types';

const SCHOOL = { type: () => ID, description: 'The school (UUID)' };
const GROUP = { type: () => ID, description: 'The group (UUID)' };

/** A command of Admin that creates something: the id it answered under `key`, and its token. */
export async function createdBy(rest: Rest, context: GqlContext, path: string, body: object, key: string) {
  const reply = await rest.send<Record<string, string>>(context, 'admin', 'POST', path, body);
  return { id: reply.body[key], consistencyToken: reply.consistencyToken };
}

/** A school's set-up through the gateway (Admin): years and terms, subjects, groups and their teachers. */
@Resolver()
export class AdminSchoolResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => [SchoolYear], { description: "A school's academic years with their terms (anyone of the school)." })
  @Fronts('admin', 'GET /schools/{schoolId}/academic-years')
  schoolYears(@Context() context: GqlContext, @Args('schoolId', SCHOOL) schoolId: string) {
    return this.rest.get<SchoolYear[]>(context, 'admin', `/schools/${segment(schoolId)}/academic-years`);
  }

  @Mutation(() => CommandResult, { description: 'Open an academic year; never overlapping another (school admin).' })
  @Fronts('admin', 'POST /schools/{schoolId}/academic-years')
  openSchoolYear(
    @Context() context: GqlContext,
    @Args('schoolId', SCHOOL) schoolId: string,
    @Args('input') input: SchoolYearInput,
  ) {
    return createdBy(this.rest, context, `/schools/${segment(schoolId)}/academic-years`, { ...input }, 'yearId');
  }

  @Mutation(() => CommandResult, { description: 'Define a term inside a year; terms never overlap (school admin).' })
  @Fronts('admin', 'POST /schools/{schoolId}/academic-years/{yearId}/terms')
  defineSchoolTerm(
    @Context() context: GqlContext,
    @Args('schoolId', SCHOOL) schoolId: string,
    @Args('yearId', { type: () => ID }) yearId: string,
    @Args('input') input: SchoolYearInput,
  ) {
    const path = `/schools/${segment(schoolId)}/academic-years/${segment(yearId)}/terms`;
    return createdBy(this.rest, context, path, { ...input }, 'termId');
  }

  @Query(() => [Subject], { description: "A school's subjects, by code." })
  @Fronts('admin', 'GET /schools/{schoolId}/subjects')
  subjects(@Context() context: GqlContext, @Args('schoolId', SCHOOL) schoolId: string) {
    return this.rest.get<Subject[]>(context, 'admin', `/schools/${segment(schoolId)}/subjects`);
  }

  @Mutation(() => CommandResult, { description: 'Define a subject; its code unique in the school (school admin).' })
  @Fronts('admin', 'POST /schools/{schoolId}/subjects')
  defineSubject(
    @Context() context: GqlContext,
    @Args('schoolId', SCHOOL) schoolId: string,
    @Args('input') input: SubjectInput,
  ) {
    return createdBy(this.rest, context, `/schools/${segment(schoolId)}/subjects`, { ...input }, 'subjectId');
  }

  @Query(() => StudentGroupPage, { description: "A school's groups by year, grade and section, paged." })
  @Fronts('admin', 'GET /schools/{schoolId}/groups')
  studentGroups(
    @Context() context: GqlContext,
    @Args('schoolId', SCHOOL) schoolId: string,
    @Args() page: PageArgs,
    @Args('yearId', { type: () => ID, nullable: true, description: 'Only this academic year' }) yearId?: string,
  ) {
    return this.rest.page<StudentGroup>(context, 'admin', `/schools/${segment(schoolId)}/groups`, page, { yearId });
  }

  @Query(() => StudentGroup, { nullable: true, description: 'One group; null when there is none (for the caller).' })
  @Fronts('admin', 'GET /groups/{groupId}')
  studentGroup(@Context() context: GqlContext, @Args('groupId', GROUP) groupId: string) {
    return this.rest.find<StudentGroup>(context, 'admin', `/groups/${segment(groupId)}`);
  }

  @Mutation(() => CommandResult, { description: 'Create a group (a section of a grade) of a year (school admin).' })
  @Fronts('admin', 'POST /schools/{schoolId}/groups')
  createStudentGroup(
    @Context() context: GqlContext,
    @Args('schoolId', SCHOOL) schoolId: string,
    @Args('input') input: StudentGroupInput,
  ) {
    return createdBy(this.rest, context, `/schools/${segment(schoolId)}/groups`, { ...input }, 'groupId');
  }

  @Mutation(() => Accepted, { description: "Change a group's capacity, never below its students (school admin)." })
  @Fronts('admin', 'PUT /groups/{groupId}/capacity')
  changeGroupCapacity(
    @Context() context: GqlContext,
    @Args('groupId', GROUP) groupId: string,
    @Args('capacity', { type: () => Int, description: '1 to 200' }) capacity: number,
  ) {
    return this.rest.accept(context, 'admin', 'PUT', `/groups/${segment(groupId)}/capacity`, { capacity });
  }

  @Mutation(() => Accepted, { description: 'Assign a teacher to a subject of a group, or as its class teacher.' })
  @Fronts('admin', 'POST /groups/{groupId}/teachers')
  assignTeacher(
    @Context() context: GqlContext,
    @Args('groupId', GROUP) groupId: string,
    @Args('input') input: AssignTeacherInput,
  ) {
    return this.rest.accept(context, 'admin', 'POST', `/groups/${segment(groupId)}/teachers`, { ...input });
  }

  @Query(() => [GroupMember], { description: "A group's students by roll number (staff of the school)." })
  @Fronts('admin', 'GET /groups/{groupId}/students')
  groupMembers(@Context() context: GqlContext, @Args('groupId', GROUP) groupId: string) {
    return this.rest.get<GroupMember[]>(context, 'admin', `/groups/${segment(groupId)}/students`);
  }

  @Mutation(() => Accepted, { description: 'Place an enrolled student in a group, or move them there (school admin).' })
  @Fronts('admin', 'POST /groups/{groupId}/students')
  placeStudentInGroup(
    @Context() context: GqlContext,
    @Args('groupId', GROUP) groupId: string,
    @Args('studentId', { type: () => ID }) studentId: string,
    @Args('rollNumber', { type: () => Int, nullable: true, description: '1 to 9999; next free when absent' })
    rollNumber?: number,
  ) {
    const body = { studentId, rollNumber };
    return this.rest.accept(context, 'admin', 'POST', `/groups/${segment(groupId)}/students`, body);
  }
}

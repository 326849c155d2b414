import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { segment, withQuery } from '../common/paths';
import { Rest } from '../common/rest';
import { Accepted, CommandResult } from '../common/results';
import { ClassSession, DaysArgs, Lesson, ScheduleClassSessionInput } from './admin.types';
import { createdBy } from './school.resolver';

const SCHOOL = { type: () => ID, description: 'The school (UUID)' };
const TERM = { type: () => ID, description: 'The term (UUID)' };
const sessionsOf = (schoolId: string, termId: string) =>
  `/schools/${segment(schoolId)}/terms/${segment(termId)}/sessions`;

/** Timetables through the gateway (Admin): a term's sessions, and lessons by group, teacher or room. */
/**
 * The days of a timetable query. An unnamed `@Args()` holds every argument of the field (the
 * group, teacher or school too): spread whole into the query string, the service refuses them.
 */
const span = ({ from, to }: DaysArgs) => ({ from, to });

@Resolver()
export class AdminTimetableResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => [ClassSession], { description: "A term's class sessions, with the days they were cancelled." })
  @Fronts('admin', 'GET /schools/{schoolId}/terms/{termId}/sessions')
  classSessions(
    @Context() context: GqlContext,
    @Args('schoolId', SCHOOL) schoolId: string,
    @Args('termId', TERM) termId: string,
  ) {
    return this.rest.get<ClassSession[]>(context, 'admin', sessionsOf(schoolId, termId));
  }

  @Mutation(() => CommandResult, {
    description:
      'Schedule a weekly session (or one lesson) inside a term; a group, teacher or room is never double-booked.',
  })
  @Fronts('admin', 'POST /schools/{schoolId}/terms/{termId}/sessions')
  scheduleClassSession(
    @Context() context: GqlContext,
    @Args('schoolId', SCHOOL) schoolId: string,
    @Args('termId', TERM) termId: string,
    @Args('input') input: ScheduleClassSessionInput,
  ) {
    return createdBy(this.rest, context, sessionsOf(schoolId, termId), { ...input }, 'sessionId');
  }

  @Mutation(() => Accepted, { description: "Cancel one day's lesson of a session, or (no date) the whole session." })
  @Fronts('admin', 'POST /schools/{schoolId}/terms/{termId}/sessions/{sessionId}/cancellations')
  cancelClassSession(
    @Context() context: GqlContext,
    @Args('schoolId', SCHOOL) schoolId: string,
    @Args('termId', TERM) termId: string,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('reason', { description: '1 to 500 characters' }) reason: string,
    @Args('date', { type: () => String, nullable: true, description: 'YYYY-MM-DD; absent: the whole session' })
    date?: string,
  ) {
    const path = `${sessionsOf(schoolId, termId)}/${segment(sessionId)}/cancellations`;
    return this.rest.accept(context, 'admin', 'POST', path, { date, reason });
  }

  @Query(() => [Lesson], { description: "A group's lessons day by day (at most 42 days)." })
  @Fronts('admin', 'GET /groups/{groupId}/timetable')
  groupTimetable(
    @Context() context: GqlContext,
    @Args('groupId', { type: () => ID }) groupId: string,
    @Args() days: DaysArgs,
  ) {
    return this.lessons(context, withQuery(`/groups/${segment(groupId)}/timetable`, span(days)));
  }

  @Query(() => [Lesson], { description: "A teacher's lessons in a school day by day (at most 42 days)." })
  @Fronts('admin', 'GET /schools/{schoolId}/teachers/{teacherUserId}/timetable')
  teacherTimetable(
    @Context() context: GqlContext,
    @Args('schoolId', SCHOOL) schoolId: string,
    @Args('teacherUserId', { type: () => ID }) teacherUserId: string,
    @Args() days: DaysArgs,
  ) {
    const path = `/schools/${segment(schoolId)}/teachers/${segment(teacherUserId)}/timetable`;
    return this.lessons(context, withQuery(path, span(days)));
  }

  @Query(() => [Lesson], { description: "A room's lessons day by day (at most 42 days)." })
  @Fronts('admin', 'GET /schools/{schoolId}/room-timetable')
  roomTimetable(
    @Context() context: GqlContext,
    @Args('schoolId', SCHOOL) schoolId: string,
    @Args('room', { description: '1 to 40 characters; case and spaces aside' }) room: string,
    @Args() days: DaysArgs,
  ) {
    return this.lessons(context, withQuery(`/schools/${segment(schoolId)}/room-timetable`, { room, ...span(days) }));
  }

  private lessons(context: GqlContext, path: string) {
    return this.rest.get<Lesson[]>(context, 'admin', path);
  }
}

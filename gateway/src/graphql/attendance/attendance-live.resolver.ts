import { Args, ArgsType, Context, Field, ID, Resolver, Subscription } from '@nestjs/graphql';
import type { views } from '@hexfleet/schemas';
import { segment } from '../common/paths';
import { LiveViews } from '../live/live-views';
import type { LiveContext, LivePayload, LiveViewSpec } from '../live/live-views';
import { ClassRegister } from './attendance.types';

@ArgsType()
export class RegisterWatchArgs {
  @Field(() => String, { nullable: true, description: 'Only registers of this day (YYYY-MM-DD)' }) date?: string;
  @Field(() => ID, { nullable: true, description: 'Only registers of this group' }) groupId?: string;
}

/** The register's place, from the event itself: its subject is the register id, which no route takes. */
function registerPath(data: string): string {
  const { sessionId, date } = JSON.parse(data) as { sessionId: string; date: string };
  return `/sessions/${segment(sessionId)}/registers/${segment(date)}`;
}

/**
 * Registers as they are taken: a register changes on attendance.register.v1 (marked, completed,
 * corrected, withdrawn). The row is read as the subscriber, so the service's school fence decides
 * who sees it (its 404 means it is never sent).
 */
const REGISTERS: LiveViewSpec<views.attendance.RegisterView, RegisterWatchArgs> = {
  module: 'attendance',
  topics: ['attendance.register.v1'],
  path: (event) => registerPath(event.data),
  where: (register, { date, groupId }) =>
    (!date || register.date === date) && (!groupId || register.groupId === groupId),
};

/** Attendance's live screens: a day's registers filling up, for the office or a head of year. */
@Resolver(() => ClassRegister)
export class AttendanceLiveResolver {
  constructor(private readonly live: LiveViews) {}

  @Subscription(() => ClassRegister, {
    description:
      'Registers as they are taken, live: each register the caller may see, as it is now, whenever it is marked, ' +
      'completed, corrected or withdrawn (optionally one day, one group).',
    filter(this: AttendanceLiveResolver, payload: LivePayload, args: RegisterWatchArgs, context: LiveContext) {
      return this.live.visible(REGISTERS, payload, args, context);
    },
    resolve(this: AttendanceLiveResolver, payload: LivePayload, _args: unknown, context: LiveContext) {
      return this.live.rowOf(payload, context);
    },
  })
  registerChanged(@Context() context: LiveContext, @Args() _watch: RegisterWatchArgs) {
    return this.live.subscribe(context);
  }
}

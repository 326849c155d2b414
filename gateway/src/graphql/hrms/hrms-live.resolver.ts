import { Args, Context, Resolver, Subscription } from '@nestjs/graphql';
import type { views } from '@hexfleet/schemas';
import { segment } from '../common/paths';
import { LiveViews } from '../live/live-views';
import type { LiveContext, LivePayload, LiveViewSpec } from '../live/live-views';
import { LeaveQueueArgs, LeaveRequest } from './leave.types';

/** The leave approval queue: a request changes on hrms.leave-request.v1 (applied, approved, rejected, cancelled). */
const LEAVE_REQUESTS: LiveViewSpec<views.hrms.LeaveRequestView, LeaveQueueArgs> = {
  module: 'hrms',
  topics: ['hrms.leave-request.v1'],
  path: (event) => `/leave-requests/${segment(event.subject)}`,
  where: (row, { employeeIds }) => !employeeIds?.length || employeeIds.includes(row.employeeId),
};

/** HRMS's live screens: read-model rows as they change, read as the subscriber. */
@Resolver(() => LeaveRequest)
export class HrmsLiveResolver {
  constructor(private readonly live: LiveViews) {}

  @Subscription(() => LeaveRequest, {
    description:
      'The leave approval queue, live: each leave request the caller may see, as it is now, whenever it is ' +
      'applied for, approved, rejected or cancelled (optionally only some employees’ requests).',
    filter(this: HrmsLiveResolver, payload: LivePayload, args: LeaveQueueArgs, context: LiveContext) {
      return this.live.visible(LEAVE_REQUESTS, payload, args, context);
    },
    resolve(this: HrmsLiveResolver, payload: LivePayload, _args: unknown, context: LiveContext) {
      return this.live.rowOf(payload, context);
    },
  })
  leaveRequestChanged(@Context() context: LiveContext, @Args() _queue: LeaveQueueArgs) {
    return this.live.subscribe(context);
  }
}

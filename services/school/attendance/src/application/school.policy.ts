import { policy } from '@hexfleet/eventing';
import type { Policy } from '@hexfleet/eventing';
import type { Later } from '@hexfleet/platform';
import type { events, hq } from '@hexfleet/schemas';
import type { FactsCommandHandler } from './facts.command-handler';

const SCHOOL_POLICY = 'attendance-school';

type SchoolFacts =
  | Extract<hq.HqSchoolV1Event, { type: 'SchoolOpened' | 'SchoolPolicySet' }>
  | hq.HqGroupPolicyV1Event
  | Extract<
      events.EventsEventV1Event,
      { type: 'HolidayDeclared' | 'EventScheduled' | 'EventPublished' | 'EventRescheduled' | 'EventCancelled' }
    >;

/**
 * HQ's schools and policies, Events' holidays -> what a register is decided on: the school's
 * time zone, its codes and thresholds (ADR 0038: the school's own area wins), its days off, and the
 * school events (trips) its groups are away at.
 */
export function schoolPolicy(facts: Later<FactsCommandHandler>, suffix = ''): Policy {
  const name = `${SCHOOL_POLICY}${suffix}`;
  return policy<SchoolFacts>({
    name,
    topics: ['hq.school.v1', 'hq.group-policy.v1', 'events.event.v1'],
    on: {
      SchoolOpened: (event) => facts.get().schoolOpened({ name }, event),
      SchoolPolicySet: (event) => facts.get().schoolPolicySet({ name }, event),
      GroupPolicyPublished: (event) => facts.get().groupPolicyPublished({ name }, event),
      HolidayDeclared: (event) => facts.get().holidayDeclared({ name }, event),
      EventScheduled: (event) => facts.get().eventScheduled({ name }, event),
      EventPublished: (event) => facts.get().eventPublished({ name }, event),
      EventRescheduled: (event) => facts.get().eventRescheduled({ name }, event),
      EventCancelled: (event) => facts.get().eventCancelled({ name }, event),
    },
  });
}

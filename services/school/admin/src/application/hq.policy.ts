import { policy } from '@hexfleet/eventing';
import type { Policy } from '@hexfleet/eventing';
import type { Later } from '@hexfleet/platform';
import type { hq } from '@hexfleet/schemas';
import type { HqYearsCommandHandler } from './hq-years.command-handler';
import type { PromotionCommandHandler } from './promotion.command-handler';

const HQ_POLICY = 'admin-hq';

type HqDecisions =
  Extract<hq.HqSchoolV1Event, { type: 'SchoolOpened' | 'SchoolClosed' | 'YearRolledOver' }> | hq.HqAcademicYearV1Event;

/**
 * HQ's decisions -> each school's Admin (flow 4): a year template opens in the schools it is
 * published to (every open school when it names none, and each school opened later); a
 * school's year-end rollover promotes its groups.
 */
export function hqPolicy(
  handlers: { years: Later<HqYearsCommandHandler>; promotion: Later<PromotionCommandHandler> },
  suffix = '',
): Policy {
  const name = `${HQ_POLICY}${suffix}`;
  const { years, promotion } = handlers;
  return policy<HqDecisions>({
    name,
    topics: ['hq.school.v1', 'hq.academic-year.v1'],
    on: {
      SchoolOpened: (event) => years.get().schoolOpened({ name }, event),
      SchoolClosed: (event) => years.get().schoolClosed({ name }, event),
      AcademicYearPublished: (event) => years.get().yearPublished({ name }, event),
      YearRolledOver: (event, reacting) => promotion.get().rollOver({ name }, event, reacting),
    },
  });
}

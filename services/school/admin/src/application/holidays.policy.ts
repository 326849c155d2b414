import { policy } from '@hexfleet/eventing';
import type { Policy } from '@hexfleet/eventing';
import type { Later } from '@hexfleet/platform';
import type { events } from '@hexfleet/schemas';
import type { TimetableCommandHandler } from './timetable.command-handler';

const HOLIDAYS_POLICY = 'admin-holidays';

type HolidayDeclared = Extract<events.EventsEventV1Event, { type: 'HolidayDeclared' }>;

/** Events' HolidayDeclared -> every lesson of the school on its days is cancelled (flow 5). */
export function holidaysPolicy(timetable: Later<TimetableCommandHandler>, suffix = ''): Policy {
  const name = `${HOLIDAYS_POLICY}${suffix}`;
  return policy<HolidayDeclared>({
    name,
    topics: ['events.event.v1'],
    on: {
      async HolidayDeclared(event) {
        await timetable.get().cancelHoliday({ name }, event);
      },
    },
  });
}

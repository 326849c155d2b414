import type { Role } from '@hexfleet/schemas';

/** Who plans the school's calendar: create calendars and venues, schedule, publish, register others (ADR 0016). */
export const ORGANISERS: readonly Role[] = ['school-admin', 'teacher'];

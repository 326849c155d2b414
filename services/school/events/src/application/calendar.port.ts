import type { TenantId } from '@hexfleet/kernel';
import type { Occurrence, Recurrence } from '../domain';

/**
 * Who reads, as far as the calendar's visibility goes: an organiser also sees
 * drafts and everyone's registrations; anyone else sees published (and
 * completed) events of their audience, and only their own registrations.
 */
export interface Viewer {
  userId: string;
  organiser: boolean;
}

/** An event's own facts, as each view of it shows them. */
export interface EventFacts {
  eventId: string;
  schoolId: string;
  calendarId: string;
  eventType: string;
  title: string;
  description: string;
  audienceKind: string;
  audienceIds: string[];
  allDay: boolean;
  venueId: string | null;
  timeZone: string;
  status: string;
  registrationRequired: boolean;
  capacity: number | null;
  waitlistEnabled: boolean;
}

/** One occurrence (`occurrence`: 0 first) of an event, in a month's view. */
export interface OccurrenceView extends EventFacts, Occurrence {
  occurrence: number;
}

/** One event with its `when`, every occurrence, and how many are registered and waitlisted. */
export interface EventDetail extends EventFacts, Occurrence {
  recurrence: Recurrence | null;
  reminderMinutesBefore: number[];
  registered: number;
  waitlisted: number;
  occurrences: Occurrence[];
}

/** A registration in its list, with its place there (1 first). */
export interface RegistrationView {
  registrationId: string;
  participantId: string;
  status: 'registered' | 'waitlisted';
  registeredAt: string;
  updatedAt: string;
  position: number;
}

export interface HolidayView {
  eventId: string;
  calendarId: string;
  name: string;
  startDate: string;
  endDate: string;
}

export interface CalendarView {
  calendarId: string;
  schoolId: string;
  kind: string;
  groupId: string | null;
  name: string;
  timeZone: string;
}

export interface VenueView {
  venueId: string;
  schoolId: string;
  name: string;
  bookings: Array<{ eventId: string; start: string; end: string }>;
}

/** The occurrences that touch the days `first`..`last` of a school, maybe of one calendar or for one group. */
export interface DaysQuery {
  schoolId: string;
  first: string;
  last: string;
  calendarId?: string;
  /** Only school-wide events and those for this group. */
  groupId?: string;
}

/** The calendar read model (`school-calendar`): calendars, venues, events and occurrences, holidays, registrations. */
export interface Calendar {
  /** In date and time order; only what `viewer` may see. */
  occurrences(tenant: TenantId, viewer: Viewer, query: DaysQuery): Promise<OccurrenceView[]>;
  /** Undefined for an event the tenant has not, or `viewer` may not see (an organiser sees cancelled ones too). */
  event(tenant: TenantId, viewer: Viewer, eventId: string): Promise<EventDetail | undefined>;
  /** The event's open registrations (everyone's for an organiser), registered first, each list in order. */
  registrations(tenant: TenantId, viewer: Viewer, eventId: string): Promise<RegistrationView[]>;
  /** Declared holidays that touch `from`..`to` (either open), by first day. */
  holidays(tenant: TenantId, schoolId: string, from?: string, to?: string): Promise<HolidayView[]>;
  /** The school calendar first, then group calendars by name. */
  calendars(tenant: TenantId, schoolId: string): Promise<CalendarView[]>;
  /** By name, each with its bookings in slot order. */
  venues(tenant: TenantId, schoolId: string): Promise<VenueView[]>;
}

export const CALENDAR = Symbol('Calendar');

import type { TenantId } from '@hexfleet/kernel';
import type { views } from '@hexfleet/schemas';

/**
 * Who reads, as far as the calendar's visibility goes: an organiser also sees
 * drafts and everyone's registrations; anyone else sees published (and
 * completed) events of their audience (the school, one of their groups, or
 * them by name), and only their own registrations.
 */
export interface Viewer {
  userId: string;
  organiser: boolean;
  /** The groups whose events they see (ADR 0048): Admin's membership and the token's group grants. */
  groupIds: readonly string[];
}

/** What the calendar routes answer: typed once, in the contracts the gateway implements too. */
export type OccurrenceView = views.events.OccurrenceView;
export type EventDetail = views.events.EventDetail;
export type RegistrationView = views.events.RegistrationView;
export type HolidayView = views.events.HolidayView;
export type CalendarView = views.events.CalendarView;
export type VenueView = views.events.VenueView;
export type MonthView = views.events.MonthView;
export type RegistrationsView = views.events.RegistrationsView;

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

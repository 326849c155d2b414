import type { EventScheduledData, Recurrence, Slot } from '../contracts/events.contracts';

// What Events' REST API answers (see hrms.views.ts for why these live with the contracts).

/** One line of a school's activity feed, from another module's event (a loan, a return, ...). */
export interface ActivityItem {
  eventId: string;
  kind: string;
  subject: string;
  actorId: string | null;
  refId: string;
  occurredAt: string;
}

/** A school's calendar or a group's, with the time zone its events are in. */
export interface CalendarView {
  calendarId: string;
  schoolId: string;
  kind: string;
  groupId: string | null;
  name: string;
  timeZone: string;
}

/** A bookable venue of a school and the slots its events hold. */
export interface VenueView {
  venueId: string;
  schoolId: string;
  name: string;
  bookings: Array<Slot & { eventId: string }>;
}

/** A declared holiday (a published holiday event's days). */
export interface HolidayView {
  eventId: string;
  calendarId: string;
  name: string;
  startDate: string;
  endDate: string;
}

/** An event's own facts, as each view of it shows them. */
export type EventFacts = Pick<
  EventScheduledData,
  | 'eventId'
  | 'schoolId'
  | 'calendarId'
  | 'eventType'
  | 'title'
  | 'description'
  | 'audienceKind'
  | 'audienceIds'
  | 'allDay'
  | 'venueId'
  | 'timeZone'
  | 'registrationRequired'
  | 'capacity'
  | 'waitlistEnabled'
> & { status: string };

/** One occurrence of a (possibly recurring) event: dates and wall-clock times in the calendar's zone. */
export type Occurrence = Pick<EventScheduledData, 'startDate' | 'startTime' | 'endDate' | 'endTime'>;

/** One occurrence (`occurrence`: 0 first) of an event, in a month's view. */
export interface OccurrenceView extends EventFacts, Occurrence {
  occurrence: number;
}

/** A month of a school's calendar: every occurrence that touches it, in date and time order. */
export interface MonthView {
  schoolId: string;
  /** YYYY-MM */
  month: string;
  occurrences: OccurrenceView[];
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

/** An event's registrations: those registered in order, and the waitlist with each place. */
export interface RegistrationsView {
  eventId: string;
  capacity: number | null;
  registered: Array<Omit<RegistrationView, 'position'>>;
  waitlist: RegistrationView[];
}

/** What registering answers: registered, or waitlisted at a place (1 first). */
export interface RegistrationOutcome {
  registrationId: string;
  participantId: string;
  status: 'registered' | 'waitlisted';
  /** Place in the waitlist; null when registered. */
  position: number | null;
}

/** What cancelling a registration answers: who took the freed place, if anyone. */
export interface RegistrationCancellation {
  registrationId: string;
  promoted: { registrationId: string; participantId: string } | null;
}

/**
 * One member of an event's audience as Admin's group events place them: a student (whose user
 * id is the Admin student id) in a group of the school, with their roll number there. A named
 * user the service knows in no group of the school has nulls beside their id.
 */
export interface AudienceMemberView {
  userId: string;
  groupId: string | null;
  rollNumber: number | null;
  admissionNumber: string | null;
  firstName: string | null;
  lastName: string | null;
}

/** A page of an event's audience, by group and roll number, with the count of the whole audience. */
export interface AudiencePage {
  items: AudienceMemberView[];
  limit: number;
  offset: number;
  total: number;
}

import type { events } from '@hexfleet/schemas';
import type { Command } from './command';
import type { When } from './when';

export const EVENT_TYPES = ['holiday', 'exam', 'parent-teacher-meeting', 'sports', 'trip', 'assembly'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Who an event is for: the whole school, members of some groups, or named users. */
export type Audience = { kind: 'school'; ids: [] } | { kind: 'groups' | 'users'; ids: string[] };
export type RegistrationPolicy = { required: boolean; capacity: number | null; waitlistEnabled: boolean };
/** The calendar as the caller loaded it from its stream. */
export type CalendarFacts = { calendarId: string; schoolId: string; kind: 'school' | 'group'; timeZone: string };
/** Who is asking to register or to see an event: a user and the groups they belong to (from Admin's events). */
export type Person = { userId: string; groupIds: readonly string[] };

/** Creates the event as a draft. The caller loads the calendar; a venue is booked by BookVenue in the same transaction. */
export type ScheduleEvent = Command<
  'ScheduleEvent',
  {
    eventId: string;
    calendar: CalendarFacts;
    eventType: EventType;
    title: string;
    description: string;
    audience: Audience;
    when: When;
    registration: RegistrationPolicy;
    reminderMinutesBefore: number[];
    scheduledBy: string;
  }
>;
/** Replaces the whole `when`; the same `when` again returns [] (idempotent). Venue changes go with BookVenue/ReleaseVenue. */
export type RescheduleEvent = Command<'RescheduleEvent', { when: When }>;
export type PublishEvent = Command<'PublishEvent', Record<string, never>>;
export type CancelEvent = Command<'CancelEvent', { reason: string }>;
/** `today` is the school's day; an event completes once its last occurrence has ended. */
export type CompleteEvent = Command<'CompleteEvent', { today: string }>;
export type RegisterParticipant = Command<'RegisterParticipant', { registrationId: string; participant: Person }>;
export type CancelRegistration = Command<'CancelRegistration', { registrationId: string }>;
export type EventCommand =
  | ScheduleEvent
  | RescheduleEvent
  | PublishEvent
  | CancelEvent
  | CompleteEvent
  | RegisterParticipant
  | CancelRegistration;
export type EventEvent = events.EventsEventV1Event;

export type Registration = { registrationId: string; participantId: string };
export type EventDetails = {
  eventId: string;
  calendarId: string;
  schoolId: string;
  eventType: string;
  title: string;
  audience: { kind: string; ids: readonly string[] };
  when: When;
  registration: RegistrationPolicy;
  /** Confirmed places, in registration order. */
  confirmed: readonly Registration[];
  /** Waiting for a place, first come first promoted. */
  waitlist: readonly Registration[];
};
export type EventState =
  { status: 'none' } | ({ status: 'draft' | 'published' | 'cancelled' | 'completed' } & EventDetails);

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { events, views } from '@hexfleet/schemas';
import { Paged } from '../common/pages';

const DAY = 'YYYY-MM-DD, in the calendar’s time zone';
const TIME = 'HH:mm wall-clock time in the calendar’s time zone; null for an all-day event';
const TOKEN = 'Send as X-Consistency-Token so that the next query sees this write.';

@ObjectType({ description: 'One line of a school’s activity feed (loans, returns, ...).' })
export class ActivityItem implements views.events.ActivityItem {
  @Field(() => ID) eventId!: string;
  @Field() kind!: string;
  @Field() subject!: string;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => ID) refId!: string;
  @Field({ description: 'ISO-8601 instant' }) occurredAt!: string;
}

export const ActivityItemPage = Paged(ActivityItem);

@ObjectType({
  description: 'Someone an event reaches now: a student in one of its groups (or its school), or a named user.',
})
export class AudienceMember implements views.events.AudienceMemberView {
  @Field(() => ID, { description: 'The user (a student’s is their Admin student id)' }) userId!: string;
  @Field(() => ID, { nullable: true, description: 'Their group in the event’s school; null when in none' })
  groupId!: string | null;
  @Field(() => Int, { nullable: true }) rollNumber!: number | null;
  @Field(() => String, { nullable: true }) admissionNumber!: string | null;
  @Field(() => String, { nullable: true }) firstName!: string | null;
  @Field(() => String, { nullable: true }) lastName!: string | null;
}

export const AudienceMemberPage = Paged(AudienceMember);

@ObjectType({ description: 'A school’s calendar or a group’s; its events’ dates and times are in its time zone.' })
export class Calendar implements views.events.CalendarView {
  @Field(() => ID) calendarId!: string;
  @Field(() => ID) schoolId!: string;
  @Field({ description: 'school or group' }) kind!: string;
  @Field(() => ID, { nullable: true }) groupId!: string | null;
  @Field() name!: string;
  @Field({ description: 'IANA time zone' }) timeZone!: string;
}

@ObjectType({ description: 'A slot a venue is booked for, start inclusive, end exclusive (wall-clock).' })
export class VenueBooking {
  @Field(() => ID) eventId!: string;
  @Field({ description: 'YYYY-MM-DDTHH:mm' }) start!: string;
  @Field({ description: 'YYYY-MM-DDTHH:mm' }) end!: string;
}

@ObjectType({ description: 'A bookable venue of a school (hall, ground, lab) and its bookings.' })
export class Venue implements views.events.VenueView {
  @Field(() => ID) venueId!: string;
  @Field(() => ID) schoolId!: string;
  @Field() name!: string;
  @Field(() => [VenueBooking], { description: 'In slot order' }) bookings!: VenueBooking[];
}

@ObjectType({ description: 'A declared holiday of a school.' })
export class Holiday implements views.events.HolidayView {
  @Field(() => ID, { description: 'The holiday event' }) eventId!: string;
  @Field(() => ID) calendarId!: string;
  @Field() name!: string;
  @Field({ description: DAY }) startDate!: string;
  @Field({ description: `${DAY}, inclusive` }) endDate!: string;
}

@ObjectType({ description: 'How an event repeats (RFC 5545 subset).' })
export class Recurrence implements events.Recurrence {
  @Field({ description: 'daily, weekly or monthly' }) frequency!: string;
  @Field(() => Int) interval!: number;
  @Field(() => Int, { nullable: true, description: 'Occurrences, the first included; or until' }) count!: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, the last day one may start; or count' })
  until!: string | null;
}

@ObjectType({ description: 'One occurrence of an event.' })
export class Occurrence implements views.events.Occurrence {
  @Field({ description: DAY }) startDate!: string;
  @Field(() => String, { nullable: true, description: TIME }) startTime!: string | null;
  @Field({ description: `${DAY}, inclusive` }) endDate!: string;
  @Field(() => String, { nullable: true, description: `${TIME} (exclusive)` }) endTime!: string | null;
}

/** The facts every view of an event shows. */
@ObjectType({ isAbstract: true })
abstract class EventFacts extends Occurrence implements views.events.EventFacts {
  @Field(() => ID) eventId!: string;
  @Field(() => ID) schoolId!: string;
  @Field(() => ID) calendarId!: string;
  @Field({ description: 'holiday, exam, parent-teacher-meeting, sports, trip or assembly' }) eventType!: string;
  @Field() title!: string;
  @Field({ description: 'Empty when none' }) description!: string;
  @Field({ description: 'school, groups or users' }) audienceKind!: string;
  @Field(() => [String], { description: 'Group or user ids; empty for the school' }) audienceIds!: string[];
  @Field() allDay!: boolean;
  @Field(() => ID, { nullable: true }) venueId!: string | null;
  @Field({ description: 'IANA time zone of the dates and times' }) timeZone!: string;
  @Field({ description: 'draft, published, cancelled or completed' }) status!: string;
  @Field() registrationRequired!: boolean;
  @Field(() => Int, { nullable: true, description: 'Most confirmed registrations; null for no limit' })
  capacity!: number | null;
  @Field() waitlistEnabled!: boolean;
}

@ObjectType({ description: 'A school event (first occurrence’s dates) with every occurrence and its registrations.' })
export class SchoolEvent extends EventFacts implements views.events.EventDetail {
  @Field(() => Recurrence, { nullable: true }) recurrence!: Recurrence | null;
  @Field(() => [Int], { description: 'Reminders, minutes before each start' }) reminderMinutesBefore!: number[];
  @Field(() => Int) registered!: number;
  @Field(() => Int) waitlisted!: number;
  @Field(() => [Occurrence]) occurrences!: Occurrence[];
}

@ObjectType({ description: 'One occurrence of an event in a month of the calendar.' })
export class EventOccurrence extends EventFacts implements views.events.OccurrenceView {
  @Field(() => Int, { description: '0 for the first occurrence' }) occurrence!: number;
}

@ObjectType({ description: 'A month of a school’s calendar: what the caller may see of it, in date and time order.' })
export class CalendarMonth implements views.events.MonthView {
  @Field(() => ID) schoolId!: string;
  @Field({ description: 'YYYY-MM' }) month!: string;
  @Field(() => [EventOccurrence]) occurrences!: EventOccurrence[];
}

@ObjectType({ description: 'A registration for an event.' })
export class Registration implements Omit<views.events.RegistrationView, 'position'> {
  @Field(() => ID) registrationId!: string;
  @Field(() => ID, { description: 'The user registered' }) participantId!: string;
  @Field(() => String, { description: 'registered or waitlisted' }) status!: views.events.RegistrationView['status'];
  @Field({ description: 'ISO-8601 instant' }) registeredAt!: string;
  @Field({ description: 'ISO-8601 instant' }) updatedAt!: string;
}

@ObjectType({ description: 'A place on an event’s waitlist.' })
export class WaitlistEntry extends Registration implements views.events.RegistrationView {
  @Field(() => Int, { description: '1 for the first in line' }) position!: number;
}

@ObjectType({ description: 'Who is registered for an event, in order, and who waits (organisers: all; others: own).' })
export class EventRegistrations implements views.events.RegistrationsView {
  @Field(() => ID) eventId!: string;
  @Field(() => Int, { nullable: true }) capacity!: number | null;
  @Field(() => [Registration]) registered!: Registration[];
  @Field(() => [WaitlistEntry]) waitlist!: WaitlistEntry[];
}

@ObjectType({ description: 'What registering did: registered, or waitlisted at a place.' })
export class RegistrationResult implements views.events.RegistrationOutcome {
  @Field(() => ID) registrationId!: string;
  @Field(() => ID) participantId!: string;
  @Field(() => String, { description: 'registered or waitlisted' }) status!: views.events.RegistrationOutcome['status'];
  @Field(() => Int, { nullable: true, description: 'Place on the waitlist; null when registered' })
  position!: number | null;
  @Field(() => String, { nullable: true, description: TOKEN }) consistencyToken?: string;
}

@ObjectType({ description: 'Someone moved from the waitlist into a freed place.' })
export class PromotedRegistration {
  @Field(() => ID) registrationId!: string;
  @Field(() => ID) participantId!: string;
}

@ObjectType({ description: 'A cancelled registration, and who took the freed place.' })
export class CancelledRegistration implements views.events.RegistrationCancellation {
  @Field(() => ID) registrationId!: string;
  @Field(() => PromotedRegistration, { nullable: true }) promoted!: PromotedRegistration | null;
  @Field(() => String, { nullable: true, description: TOKEN }) consistencyToken?: string;
}

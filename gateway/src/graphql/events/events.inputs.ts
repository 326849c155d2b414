import { Field, ID, InputType, Int } from '@nestjs/graphql';

const DAY = 'YYYY-MM-DD, in the calendar’s time zone';
const TIME = 'HH:mm (00:00 to 23:59) in the calendar’s time zone; absent or null for an all-day event';
const TEXT = (max: number) => `1 to ${max} characters`;

@InputType({ description: 'The school’s calendar, or a group’s (organisers: school-admin, teacher).' })
export class CreateCalendarInput {
  @Field(() => ID, { description: 'The school (UUID)' }) schoolId!: string;
  @Field({ description: 'school or group' }) kind!: string;
  @Field(() => ID, { nullable: true, description: 'The group (UUID), for a group calendar' }) groupId?: string | null;
  @Field({ description: TEXT(200) }) name!: string;
  @Field({ description: 'An IANA time zone, e.g. Asia/Kolkata; 1 to 64 characters' }) timeZone!: string;
}

@InputType({ description: 'A bookable venue of a school (organisers).' })
export class RegisterVenueInput {
  @Field(() => ID, { description: 'The school (UUID)' }) schoolId!: string;
  @Field({ description: TEXT(200) }) name!: string;
}

@InputType({ description: 'How an event repeats (RFC 5545 subset): count or until, not both.' })
export class RecurrenceInput {
  @Field({ description: 'daily, weekly or monthly' }) frequency!: string;
  @Field(() => Int, { description: 'Every n days, weeks or months: 1 to 366' }) interval!: number;
  @Field(() => Int, { nullable: true, description: 'Occurrences, the first included: 1 to 400' })
  count?: number | null;
  @Field(() => String, { nullable: true, description: 'The last day an occurrence may start, YYYY-MM-DD, inclusive' })
  until?: string | null;
}

@InputType({ description: 'When an event happens, in its calendar’s time zone; its venue is booked for it.' })
export class WhenInput {
  @Field({ description: 'A whole-day event has no times' }) allDay!: boolean;
  @Field({ description: DAY }) startDate!: string;
  @Field(() => String, { nullable: true, description: TIME }) startTime?: string | null;
  @Field({ description: `${DAY}, inclusive; not before startDate` }) endDate!: string;
  @Field(() => String, { nullable: true, description: `${TIME} (exclusive)` }) endTime?: string | null;
  @Field(() => RecurrenceInput, { nullable: true, description: 'A single occurrence when absent' })
  recurrence?: RecurrenceInput | null;
  @Field(() => ID, { nullable: true, description: 'A venue (UUID) of the same school; venue-double-booked if taken' })
  venueId?: string | null;
}

@InputType({ description: 'Who an event is for.' })
export class AudienceInput {
  @Field({ description: 'school, groups or users' }) kind!: string;
  @Field(() => [String], { description: 'Group or user ids (1 to 128 characters each, up to 200); [] for the school' })
  ids!: string[];
}

@InputType({ description: 'Whether participants register, and how many fit.' })
export class RegistrationPolicyInput {
  @Field() required!: boolean;
  @Field(() => Int, { nullable: true, description: '1 to 100000; no limit when null' }) capacity?: number | null;
  @Field({ description: 'Past capacity, join a waitlist instead of being refused' }) waitlistEnabled!: boolean;
}

@InputType({ description: 'A draft event on a calendar (organisers).' })
export class ScheduleEventInput {
  @Field({ description: 'holiday, exam, parent-teacher-meeting, sports, trip or assembly' }) eventType!: string;
  @Field({ description: TEXT(200) }) title!: string;
  @Field({ nullable: true, description: 'Up to 4000 characters' }) description?: string;
  @Field(() => AudienceInput) audience!: AudienceInput;
  @Field(() => WhenInput) when!: WhenInput;
  @Field(() => RegistrationPolicyInput, { nullable: true, description: 'No registration when absent' })
  registration?: RegistrationPolicyInput;
  @Field(() => [Int], { nullable: true, description: 'Minutes before each start, 0 to 40320, up to 10' })
  reminderMinutesBefore?: number[];
}

/**
 * The REST bodies. REST wants `count`, `until` and `capacity` present even when
 * null, while GraphQL lets a nullable input field be left out: left out is sent as null.
 */
export const whenBody = (when: WhenInput) => ({
  ...when,
  recurrence: when.recurrence
    ? { ...when.recurrence, count: when.recurrence.count ?? null, until: when.recurrence.until ?? null }
    : when.recurrence,
});

export const scheduleBody = (input: ScheduleEventInput) => ({
  ...input,
  audience: { ...input.audience },
  when: whenBody(input.when),
  registration: input.registration
    ? { ...input.registration, capacity: input.registration.capacity ?? null }
    : undefined,
});

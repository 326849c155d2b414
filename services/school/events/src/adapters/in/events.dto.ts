import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { EVENT_TYPES, FREQUENCIES, MAX_OCCURRENCES } from '../../domain';

export const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const nullable = (_: unknown, v: unknown) => v !== null;
const optionalNullable = (_: unknown, v: unknown) => v !== null && v !== undefined;

/** RFC 5545 subset: FREQ, INTERVAL, and COUNT or UNTIL (one of them). */
export class RecurrenceBody {
  @ApiProperty({ enum: FREQUENCIES, example: 'weekly' }) @IsIn(FREQUENCIES) frequency!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 366, example: 1 }) @IsInt() @Min(1) @Max(366) interval!: number;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: MAX_OCCURRENCES, example: 4 })
  @ValidateIf(nullable)
  @IsInt()
  @Min(1)
  @Max(MAX_OCCURRENCES)
  count!: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    pattern: DAY.source,
    example: null,
    description: 'Last day (inclusive), YYYY-MM-DD',
  })
  @ValidateIf(nullable)
  @Matches(DAY)
  until!: string | null;
}

/** When: dates and wall-clock times in the calendar's time zone; no times for an all-day event. */
export class WhenBody {
  @ApiProperty({ example: false }) @IsBoolean() allDay!: boolean;
  @ApiProperty({ format: 'date', pattern: DAY.source, example: '2026-03-10' }) @Matches(DAY) startDate!: string;
  @ApiPropertyOptional({ type: String, nullable: true, pattern: TIME.source, example: '09:00', description: 'HH:mm' })
  @ValidateIf(optionalNullable)
  @Matches(TIME)
  startTime?: string | null;
  @ApiProperty({ format: 'date', pattern: DAY.source, example: '2026-03-10' }) @Matches(DAY) endDate!: string;
  @ApiPropertyOptional({ type: String, nullable: true, pattern: TIME.source, example: '10:00', description: 'HH:mm' })
  @ValidateIf(optionalNullable)
  @Matches(TIME)
  endTime?: string | null;
  @ApiPropertyOptional({ nullable: true, type: () => RecurrenceBody })
  @ValidateIf(optionalNullable)
  @ValidateNested()
  @Type(() => RecurrenceBody)
  recurrence?: RecurrenceBody | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'A venue of the same school, booked',
  })
  @ValidateIf(optionalNullable)
  @IsUUID()
  venueId?: string | null;
}

export class AudienceBody {
  @ApiProperty({ enum: ['school', 'groups', 'users'], example: 'school' })
  @IsIn(['school', 'groups', 'users'])
  kind!: 'school' | 'groups' | 'users';
  @ApiProperty({ type: [String], maxItems: 200, example: [], description: 'Group or user ids; empty for the school' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(128, { each: true })
  ids!: string[];
}

export class RegistrationPolicyBody {
  @ApiProperty({ example: true }) @IsBoolean() required!: boolean;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 100_000, example: 30 })
  @ValidateIf(nullable)
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity!: number | null;
  @ApiProperty({ example: true }) @IsBoolean() waitlistEnabled!: boolean;
}

export class ScheduleEventBody {
  @ApiProperty({ enum: EVENT_TYPES, example: 'assembly' }) @IsIn(EVENT_TYPES) eventType!: string;
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Annual day' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;
  @ApiPropertyOptional({ maxLength: 4000, example: 'In the main hall' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;
  // IsObject: ValidateNested alone lets a missing object through.
  @ApiProperty({ type: () => AudienceBody })
  @IsObject()
  @ValidateNested()
  @Type(() => AudienceBody)
  audience!: AudienceBody;
  @ApiProperty({ type: () => WhenBody }) @IsObject() @ValidateNested() @Type(() => WhenBody) when!: WhenBody;
  @ApiPropertyOptional({ type: () => RegistrationPolicyBody, description: 'None required when absent' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RegistrationPolicyBody)
  registration?: RegistrationPolicyBody;
  @ApiPropertyOptional({ type: [Number], maxItems: 10, example: [60], description: 'Minutes before each start' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(40_320, { each: true })
  reminderMinutesBefore?: number[];
}

export class CreateCalendarBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() schoolId!: string;
  @ApiProperty({ enum: ['school', 'group'], example: 'school' }) @IsIn(['school', 'group']) kind!: 'school' | 'group';
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    example: null,
    description: 'For a group calendar',
  })
  @ValidateIf(optionalNullable)
  @IsUUID()
  groupId?: string | null;
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'School calendar' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
  @ApiProperty({ minLength: 1, maxLength: 64, example: 'Asia/Kolkata', description: 'IANA time zone' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  timeZone!: string;
}

export class RegisterVenueBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() schoolId!: string;
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Main hall' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
}

export class CancelBody {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'Rain' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class RegisterBody {
  @ApiPropertyOptional({ minLength: 1, maxLength: 128, description: 'Someone else (organisers only)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  participantId?: string;
}

export class MonthQueryDto {
  @ApiProperty({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', example: '2026-03' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  month!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() calendarId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'School-wide events and those for this group' })
  @IsOptional()
  @IsUUID()
  groupId?: string;
}

export class HolidaysQuery {
  @ApiPropertyOptional({ format: 'date', pattern: DAY.source, example: '2026-01-01' })
  @IsOptional()
  @Matches(DAY)
  from?: string;
  @ApiPropertyOptional({ format: 'date', pattern: DAY.source, example: '2026-12-31' })
  @IsOptional()
  @Matches(DAY)
  to?: string;
}

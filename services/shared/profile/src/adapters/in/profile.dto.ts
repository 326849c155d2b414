import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsInt,
  IsObject,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CalendarDate } from '@hexfleet/kernel';
import { IsUserId } from './user-id';

// The shapes the domain checks again (it answers 422 with its own code): here they are
// refused first, as a 400 naming the field, so a form can point at what to fix.
const NOT_BLANK = /\S/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/;

const IsCalendarDate = () =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value) => CalendarDate.isValid(value),
      defaultMessage: (args) => `${args?.property ?? 'value'} must be a real day written YYYY-MM-DD`,
    },
  });
/** Present, and not null (a field that may be left out but never cleared). */
const Given = () => ValidateIf((_, value) => value !== undefined);
/** Required, but null is an answer (PUT of a field that may be cleared). */
const RequiredOrNull = () => ValidateIf((_, value) => value !== null);

const Text = (max: number) =>
  applyDecorators(IsString(), Matches(NOT_BLANK, { message: '$property must not be blank' }), MaxLength(max));

export class EmailBody {
  @ApiProperty({ example: 'ana@example.com' }) @IsEmail() @MaxLength(254) address!: string;
  @ApiProperty({ example: 'work' }) @Text(40) label!: string;
}

export class PhoneBody {
  @ApiProperty({ example: '+91 98450 12345' })
  @Matches(PHONE, { message: '$property must be a phone number' })
  number!: string;
  @ApiProperty({ example: 'mobile' }) @Text(40) label!: string;
}

export class AddressBody {
  @ApiProperty() @Text(200) line1!: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) line2!: string | null;
  @ApiProperty() @Text(100) city!: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) region!: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(20) postalCode!: string | null;
  @ApiProperty({ example: 'IN', description: 'ISO 3166-1 alpha-2, upper case' })
  @Matches(/^[A-Z]{2}$/, { message: '$property must be two upper-case letters' })
  @IsISO31661Alpha2()
  country!: string;
}

export class EmergencyContactBody {
  @ApiProperty() @Text(200) name!: string;
  @ApiProperty({ example: 'spouse' }) @Text(40) relationship!: string;
  @ApiProperty() @Matches(PHONE, { message: '$property must be a phone number' }) phone!: string;
}

/** PATCH: only the fields sent change; null clears a field that may be empty. */
export class UpdateProfileBody {
  @ApiPropertyOptional() @Given() @Text(200) fullName?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) preferredName?: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'https://cdn.example.com/ana.png' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'avatarUrl must be an https URL' })
  @MaxLength(2000)
  avatarUrl?: string | null;
  @ApiPropertyOptional({ nullable: true, example: '1990-04-21' }) @IsOptional() @IsCalendarDate() birthDate?:
    string | null;
  @ApiPropertyOptional({ type: [EmailBody] })
  @Given()
  @IsArray()
  @ArrayMaxSize(10)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => EmailBody)
  emails?: EmailBody[];
  @ApiPropertyOptional({ type: [PhoneBody] })
  @Given()
  @IsArray()
  @ArrayMaxSize(10)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PhoneBody)
  phones?: PhoneBody[];
  @ApiPropertyOptional({ type: AddressBody, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AddressBody)
  address?: AddressBody | null;
  @ApiPropertyOptional({ type: [EmergencyContactBody] })
  @Given()
  @IsArray()
  @ArrayMaxSize(5)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => EmergencyContactBody)
  emergencyContacts?: EmergencyContactBody[];
}

export class NotificationsBody {
  @ApiProperty() @IsBoolean() email!: boolean;
  @ApiProperty() @IsBoolean() sms!: boolean;
  @ApiProperty() @IsBoolean() push!: boolean;
}

/** PUT: every preference, null for "no preference" (the tenant's default). */
export class PreferencesBody {
  @ApiProperty({ nullable: true, example: 'pt-BR', description: 'BCP 47: language, optional script and region' })
  @RequiredOrNull()
  @Matches(LANGUAGE, { message: 'language must be a language tag such as en or pt-BR' })
  language!: string | null;
  @ApiProperty({ nullable: true, example: 'Asia/Kolkata' }) @RequiredOrNull() @IsTimeZone() timeZone!: string | null;
  @ApiProperty({ type: NotificationsBody })
  @IsObject()
  @ValidateNested()
  @Type(() => NotificationsBody)
  notifications!: NotificationsBody;
}

/** Per-app fields, each owned by a role: HR (department, designation) or the school's admin (the others). */
export class AppFieldsBody {
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) department?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) designation?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(40) admissionNumber?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(40) className?: string | null;
}

export class LinkGuardianBody {
  @ApiProperty({ format: 'uuid' }) @IsUserId() guardianUserId!: string;
  @ApiProperty({ example: 'mother' }) @Text(40) relationship!: string;
  @ApiPropertyOptional({ default: false, description: 'Only the first guardian may be primary; it always is' })
  @IsOptional()
  @IsBoolean()
  primary?: boolean;
}

export class DirectoryQuery {
  @ApiPropertyOptional({ description: 'Part of a name or an email' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  query?: string;
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 200,
    description: 'Items per page, as the other services name it (wins over pageSize)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional({ minimum: 0, description: 'Items to skip, as the other services name it (wins over page)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import type { profile, views } from '@hexfleet/schemas';
import { Paged } from '../common/pages';

/** What a profile read answers: all of it, or (to staff who may see only that) the directory card. */
export type ProfileAnswer = views.profile.ProfileView | views.profile.ProfileCard;

/** The fields beyond the card, each null when the caller sees only the card. */
type BeyondTheCard = {
  [K in Exclude<keyof views.profile.ProfileView, keyof views.profile.ProfileCard>]: views.profile.ProfileView[K] | null;
};

const NOT_BLANK = (max: number) => `Not blank, at most ${max} characters`;

@ObjectType({ description: 'An email address to reach the person (not the login).' })
export class ContactEmail implements profile.ContactEmail {
  @Field({ description: 'Lower-cased' }) address!: string;
  @Field({ description: 'work, home, login, ...' }) label!: string;
}

@ObjectType()
export class ContactPhone implements profile.Phone {
  @Field() number!: string;
  @Field({ description: 'mobile, home, ...' }) label!: string;
}

@ObjectType()
export class PostalAddress implements profile.PostalAddress {
  @Field() line1!: string;
  @Field(() => String, { nullable: true }) line2!: string | null;
  @Field() city!: string;
  @Field(() => String, { nullable: true }) region!: string | null;
  @Field(() => String, { nullable: true }) postalCode!: string | null;
  @Field({ description: 'ISO 3166-1 alpha-2, e.g. PT' }) country!: string;
}

@ObjectType()
export class EmergencyContact implements profile.EmergencyContact {
  @Field() name!: string;
  @Field() relationship!: string;
  @Field() phone!: string;
}

@ObjectType({ description: 'Which channels may notify the person.' })
export class NotificationChannels implements profile.NotificationPreferences {
  @Field() email!: boolean;
  @Field() sms!: boolean;
  @Field() push!: boolean;
}

@ObjectType({ description: "Language, time zone and notification channels; null for the tenant's default." })
export class ProfilePreferences implements views.profile.Preferences {
  @Field(() => String, { nullable: true, description: 'BCP 47, e.g. pt-BR' }) language!: string | null;
  @Field(() => String, { nullable: true, description: 'IANA, e.g. Asia/Kolkata' }) timeZone!: string | null;
  @Field(() => NotificationChannels) notifications!: NotificationChannels;
}

@ObjectType({ description: "A guardian linked to a student's profile (exactly one is primary)." })
export class GuardianLink implements views.profile.GuardianLink {
  @Field(() => ID) guardianUserId!: string;
  @Field() relationship!: string;
  @Field() primary!: boolean;
}

@ObjectType({ description: 'A student the person is a guardian of.' })
export class GuardianOf implements views.profile.GuardianOf {
  @Field(() => ID) studentUserId!: string;
  @Field() relationship!: string;
  @Field() primary!: boolean;
}

@ObjectType({
  description:
    'A person’s profile, from the profile service. The person, admins, HR and a minor’s guardians see all of it; ' +
    'other staff see the directory card, and every field beyond the card is then null.',
})
export class Profile implements views.profile.ProfileCard, BeyondTheCard {
  @Field(() => ID) userId!: string;
  @Field({ description: 'business or school' }) product!: string;
  @Field({ description: 'active or archived' }) status!: string;
  @Field() fullName!: string;
  @Field(() => String, { nullable: true }) preferredName!: string | null;
  @Field(() => String, { nullable: true }) avatarUrl!: string | null;
  @Field(() => String, { nullable: true }) department!: string | null;
  @Field(() => String, { nullable: true }) designation!: string | null;
  @Field(() => String, { nullable: true }) className!: string | null;
  @Field(() => ID, { nullable: true, description: 'The HRMS employee, for an account made at hiring' })
  employeeId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The student, for a school student’s account' })
  studentId!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) birthDate!: string | null;
  @Field(() => [ContactEmail], { nullable: true }) emails!: ContactEmail[] | null;
  @Field(() => [ContactPhone], { nullable: true }) phones!: ContactPhone[] | null;
  @Field(() => PostalAddress, { nullable: true }) address!: PostalAddress | null;
  @Field(() => [EmergencyContact], { nullable: true }) emergencyContacts!: EmergencyContact[] | null;
  @Field(() => String, { nullable: true }) admissionNumber!: string | null;
  @Field(() => ProfilePreferences, { nullable: true }) preferences!: ProfilePreferences | null;
  @Field(() => [GuardianLink], { nullable: true, description: 'A student’s guardians' }) guardians!:
    GuardianLink[] | null;
  @Field(() => [GuardianOf], { nullable: true, description: 'The students the person is a guardian of' })
  guardianOf!: GuardianOf[] | null;
  @Field(() => String, { nullable: true, description: 'ISO-8601 instant' }) createdAt!: string | null;
}

export const ProfilePage = Paged(Profile);

@InputType()
export class ContactEmailInput {
  @Field({ description: 'An email address, at most 254 characters' }) address!: string;
  @Field({ description: NOT_BLANK(40) }) label!: string;
}

@InputType()
export class ContactPhoneInput {
  @Field({ description: 'Digits, spaces, ( ) and -, an optional leading +: 6 to 20 characters' }) number!: string;
  @Field({ description: NOT_BLANK(40) }) label!: string;
}

@InputType()
export class PostalAddressInput {
  @Field({ description: NOT_BLANK(200) }) line1!: string;
  @Field(() => String, { nullable: true, description: 'At most 200 characters' }) line2?: string | null;
  @Field({ description: NOT_BLANK(100) }) city!: string;
  @Field(() => String, { nullable: true, description: 'At most 100 characters' }) region?: string | null;
  @Field(() => String, { nullable: true, description: 'At most 20 characters' }) postalCode?: string | null;
  @Field({ description: 'ISO 3166-1 alpha-2, upper case (e.g. IN)' }) country!: string;
}

@InputType()
export class EmergencyContactInput {
  @Field({ description: NOT_BLANK(200) }) name!: string;
  @Field({ description: NOT_BLANK(40) }) relationship!: string;
  @Field({ description: 'A phone number, as for phones' }) phone!: string;
}

@InputType({ description: 'Only the fields given change; null clears a field that may be empty.' })
export class UpdateProfileInput {
  @Field({ nullable: true, description: `${NOT_BLANK(200)}; never cleared` }) fullName?: string;
  @Field(() => String, { nullable: true, description: 'At most 100 characters' }) preferredName?: string | null;
  @Field(() => String, { nullable: true, description: 'An https URL, at most 2000 characters' }) avatarUrl?:
    string | null;
  @Field(() => String, { nullable: true, description: 'A real day, YYYY-MM-DD, not in the future' }) birthDate?:
    string | null;
  @Field(() => [ContactEmailInput], { nullable: true, description: 'At most 10; the first is preferred' })
  emails?: ContactEmailInput[];
  @Field(() => [ContactPhoneInput], { nullable: true, description: 'At most 10; the first is preferred' })
  phones?: ContactPhoneInput[];
  @Field(() => PostalAddressInput, { nullable: true }) address?: PostalAddressInput | null;
  @Field(() => [EmergencyContactInput], { nullable: true, description: 'At most 5; the first is called first' })
  emergencyContacts?: EmergencyContactInput[];
}

@InputType()
export class NotificationChannelsInput {
  @Field() email!: boolean;
  @Field() sms!: boolean;
  @Field() push!: boolean;
}

@InputType({ description: 'Every preference (each required): null for the tenant default.' })
export class PreferencesInput {
  @Field(() => String, { nullable: true, description: 'Required: a BCP 47 tag (en, pt-BR) or null' })
  language!: string | null;
  @Field(() => String, { nullable: true, description: 'Required: an IANA time zone (Asia/Kolkata) or null' })
  timeZone!: string | null;
  @Field(() => NotificationChannelsInput) notifications!: NotificationChannelsInput;
}

@InputType({
  description:
    'Per-app fields, each at most as long as said: department and designation (HR, business), ' +
    'admissionNumber and className (the school admin, school). Null clears.',
})
export class AppFieldsInput {
  @Field(() => String, { nullable: true, description: 'At most 100 characters' }) department?: string | null;
  @Field(() => String, { nullable: true, description: 'At most 100 characters' }) designation?: string | null;
  @Field(() => String, { nullable: true, description: 'At most 40 characters' }) admissionNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'At most 40 characters' }) className?: string | null;
}

@InputType()
export class LinkGuardianInput {
  @Field(() => ID, { description: 'The guardian’s user (UUID), a user of the tenant' }) guardianUserId!: string;
  @Field({ description: `How they relate, e.g. mother: ${NOT_BLANK(40).toLowerCase()}` }) relationship!: string;
  @Field({ nullable: true, description: 'Only the first guardian may be primary (it always is); false by default' })
  primary?: boolean;
}

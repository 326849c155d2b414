import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { identity, Role, views } from '@hexfleet/schemas';
import { Paged } from '../common/pages';

const TENANT = "The tenant's slug, as the sign-in page knows it: ^[a-z][a-z0-9]{2,30}$";
const EMAIL = 'The login email (at most 254 characters; compared trimmed and lower-cased)';
const NEW_PASSWORD = 'The new password: 8 to 256 characters';
const LINK_TOKEN = 'The token from the mail (1 to 512 characters)';
const DISPLAY_NAME = 'The name to show: not blank, at most 200 characters';

@ObjectType({ description: 'A role over one scope: the whole tenant (no scopeId), one school or one student group.' })
export class Grant implements views.identity.Grant {
  @Field(() => String) role!: Role;
  @Field(() => String, { description: 'tenant, school or group' }) scopeType!: identity.ScopeType;
  @Field(() => ID, { nullable: true, description: 'The school or group; null for the whole tenant' })
  scopeId!: string | null;
}

@ObjectType({ description: 'The signed-in user, from the identity service.' })
export class Me implements views.identity.Me {
  @Field(() => ID) userId!: string;
  @Field() tenant!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => [String], { description: 'The roles of every grant, once each' }) roles!: Role[];
  @Field(() => [Grant]) grants!: Grant[];
  @Field() emailVerified!: boolean;
  @Field({ description: 'Whether login asks for a TOTP code' }) totpEnabled!: boolean;
}

@ObjectType({ description: 'One account as its streams say (no read-model lag): for admins, or the user themself.' })
export class UserAccount extends Me implements views.identity.Account {
  @Field(() => String, { description: 'active or deactivated' }) status!: views.identity.AccountStatus;
}

@ObjectType({ description: 'A user as the users directory lists them.' })
export class User implements views.identity.DirectoryUser {
  @Field(() => ID) userId!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => String, { description: 'active or deactivated' }) status!: views.identity.AccountStatus;
  @Field() emailVerified!: boolean;
  @Field(() => String, { description: 'invitation or self_registration' }) registeredVia!: identity.Registration;
  @Field(() => [Grant]) grants!: Grant[];
  @Field({ description: 'ISO-8601 instant' }) registeredAt!: string;
}

export const UserPage = Paged(User);

@ObjectType({ description: 'A sign-in, a refusal or a lockout.' })
export class LoginAuditEntry implements views.identity.LoginAuditEntry {
  @Field(() => ID) eventId!: string;
  @Field(() => ID) userId!: string;
  @Field(() => String, { nullable: true, description: 'Null until the users directory has the account' })
  email!: string | null;
  @Field(() => String, { description: 'succeeded, failed or locked' }) outcome!: 'succeeded' | 'failed' | 'locked';
  @Field(() => String, { nullable: true, description: 'Why it failed (bad_password, account_locked, ...)' })
  reason!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether a TOTP code was checked (sign-ins)' })
  secondFactor!: boolean | null;
  @Field(() => String, { nullable: true, description: 'ISO-8601 instant (lockouts)' }) lockedUntil!: string | null;
  @Field(() => String, { nullable: true }) clientIp!: string | null;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
  @Field({ description: 'ISO-8601 instant' }) at!: string;
}

export const LoginAuditEntryPage = Paged(LoginAuditEntry);

@ObjectType({ description: 'An access token (send as Authorization: Bearer) and the refresh token that renews it.' })
export class SessionTokens implements views.identity.TokenPair {
  @Field() accessToken!: string;
  @Field({ description: 'Single use: refreshSession answers a new one' }) refreshToken!: string;
  @Field(() => String, { description: 'Bearer' }) tokenType!: 'Bearer';
  @Field(() => Int, { description: 'Seconds the access token lives' }) expiresIn!: number;
}

@ObjectType({ description: 'A new TOTP secret, shown once: confirm it with a code within 15 minutes.' })
export class TotpEnrolment implements views.identity.TotpEnrolment {
  @Field() secret!: string;
  @Field({ description: 'otpauth:// URL for a QR code' }) otpauthUrl!: string;
}

@ObjectType({ description: 'A self-registration was taken: the verification mail is on its way.' })
export class SelfRegistration implements views.identity.Registered {
  @Field(() => String, { description: 'verification-sent' }) status!: 'verification-sent';
  @Field({ description: 'The address the mail went to, normalized' }) email!: string;
}

@InputType()
export class LoginInput {
  @Field({ description: TENANT }) tenant!: string;
  @Field({ description: EMAIL }) email!: string;
  @Field({ description: '1 to 1024 characters' }) password!: string;
  @Field({ nullable: true, description: 'The current 6-digit TOTP code, when the account has a second factor' })
  totp?: string;
}

@InputType()
export class RefreshInput {
  @Field({ description: TENANT }) tenant!: string;
  @Field({ description: 'The refresh token of the last login or refresh (1 to 512 characters)' })
  refreshToken!: string;
}

@InputType()
export class RegisterInput {
  @Field({ description: TENANT }) tenant!: string;
  @Field({ description: EMAIL }) email!: string;
  @Field({ description: DISPLAY_NAME }) displayName!: string;
  @Field({ description: NEW_PASSWORD }) password!: string;
}

@InputType({ description: 'Someone of a tenant, by login email (no token yet).' })
export class TenantEmailInput {
  @Field({ description: TENANT }) tenant!: string;
  @Field({ description: EMAIL }) email!: string;
}

@InputType({ description: 'A link from a mail.' })
export class EmailLinkInput {
  @Field({ description: TENANT }) tenant!: string;
  @Field({ description: LINK_TOKEN }) token!: string;
}

@InputType({ description: 'A link from an invitation or reset mail, and the password to set.' })
export class PasswordLinkInput extends EmailLinkInput {
  @Field({ description: NEW_PASSWORD }) password!: string;
}

@InputType({ description: 'A role over one scope: give neither id for the whole tenant, else exactly one.' })
export class GrantInput {
  @Field({ description: "A role of the tenant's product, e.g. employee, hr, teacher (1 to 40 characters)" })
  role!: string;
  @Field(() => ID, { nullable: true, description: 'A school (UUID)' }) schoolId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A student group (UUID)' }) groupId?: string | null;
}

@InputType()
export class InviteUserInput {
  @Field({ description: EMAIL }) email!: string;
  @Field({ description: DISPLAY_NAME }) displayName!: string;
  @Field(() => [GrantInput], { description: 'At most 20' }) grants!: GrantInput[];
}

@InputType()
export class UsersFilter {
  @Field({ nullable: true, description: 'Part of the email or name (at most 200 characters)' }) q?: string;
  @Field({ nullable: true, description: 'active or deactivated' }) status?: string;
}

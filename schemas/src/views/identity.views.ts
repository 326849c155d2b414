import type { Role } from '../catalog/roles';
import type { Registration, ScopeType } from '../contracts/identity.contracts';

// What Identity's REST API answers (see hrms.views.ts for why these live with the contracts).

/** A role over one scope: the whole tenant (scopeId null), a school or a student group. */
export interface Grant {
  role: Role;
  scopeType: ScopeType;
  scopeId: string | null;
}

export type AccountStatus = 'active' | 'deactivated';

/** One account, read from its streams (`GET /users/{id}`): roles, grants, verification and second factor. */
export interface Account {
  userId: string;
  tenant: string;
  email: string;
  displayName: string;
  status: AccountStatus;
  roles: Role[];
  grants: Grant[];
  emailVerified: boolean;
  totpEnabled: boolean;
}

/** The signed-in account (`GET /me`): an account, less the status (a deactivated one cannot sign in). */
export type Me = Omit<Account, 'status'>;

/** One row of the users directory (`GET /users`). */
export interface DirectoryUser {
  userId: string;
  email: string;
  displayName: string;
  status: AccountStatus;
  emailVerified: boolean;
  registeredVia: Registration;
  grants: Grant[];
  registeredAt: string;
}

/** A sign-in, a refusal or a lockout (`GET /login-audit`). */
export interface LoginAuditEntry {
  eventId: string;
  userId: string;
  /** The account's email, from the users directory; null when it has not got there yet. */
  email: string | null;
  outcome: 'succeeded' | 'failed' | 'locked';
  reason: string | null;
  secondFactor: boolean | null;
  lockedUntil: string | null;
  clientIp: string | null;
  userAgent: string | null;
  at: string;
}

/** What login and refresh answer (OAuth 2.0's token response, in camelCase as every Hexfleet body). */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  /** Seconds the access token lives. */
  expiresIn: number;
}

/** A new TOTP secret, shown once, to put into an authenticator app (`POST /me/totp`). */
export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
}

/** What self-registration answers: the mail is on its way to the (normalized) address. */
export interface Registered {
  status: 'verification-sent';
  email: string;
}

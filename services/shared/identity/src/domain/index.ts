// The identity domain: tenants, login ids, users (public) and credentials (internal).
export type { Command } from './command';
export { credentialDecider } from './credential.decider';
export type { CredentialCommand } from './credential.decider';
export type { CredentialEvent, CredentialState, Session } from './credential.state';
export { DEFAULT_LOCKOUT_POLICY } from './login';
export type { LockoutPolicy, LogIn } from './login';
export { loginIdDecider } from './login-id.decider';
export type { LoginIdCommand, LoginIdEvent, LoginIdState } from './login-id.decider';
export { normalizeLoginId } from './login-id';
export { grantOf } from './roles';
export type { Grant, ScopeInput } from './roles';
export { assertKdfHash, assertTokenHash } from './secrets';
export type { RefreshSession } from './sessions';
export { tenantDecider } from './tenant.decider';
export type { TenantCommand, TenantEvent, TenantState } from './tenant.decider';
export { userDecider } from './user.decider';
export type { UserCommand, UserEvent, UserState } from './user.decider';
export type { NewUser } from './user-registration';

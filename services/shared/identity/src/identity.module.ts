import { Module, Type } from '@nestjs/common';
import { systemClock } from '@hexfleet/eventing';
import type { ServiceDefinition } from '@hexfleet/platform';
import { hrms, identity, TOPIC_CATALOG } from '@hexfleet/schemas';
import { AuthController } from './adapters/in/auth.http.controller';
import { DEV_MAILBOX, DevMailboxController } from './adapters/in/dev-mailbox.http.controller';
import { MeController } from './adapters/in/me.http.controller';
import { OperatorKeyGuard } from './adapters/in/operator-key.guard';
import { TenantsController } from './adapters/in/tenants.http.controller';
import { UsersController } from './adapters/in/users.http.controller';
import { loginAuditProjection } from './adapters/out/login-audit.projection';
import { usersProjection } from './adapters/out/users.projection';
import { FileMailbox, LogMailer } from './adapters/out/file-mailbox.adapter';
import { PostgresAddressGuard } from './adapters/out/postgres-address-guard.adapter';
import { PostgresTotpEnrolments } from './adapters/out/postgres-totp-enrolments.adapter';
import { PrivateTables } from './adapters/out/private-tables';
import { AccountsQueries } from './application/accounts.query-handler';
import { ADDRESS_GUARD } from './application/address-guard.port';
import { AddressLimits } from './application/address-limits';
import { hrmsPolicy, HrmsReactions } from './application/hrms.policy';
import { IDENTITY_SETTINGS, IdentityClock } from './application/identity-settings';
import type { IdentitySettings } from './application/identity-settings';
import { LoginHandler } from './application/login.command-handler';
import { MAILER } from './application/mailer.port';
import { Mails } from './application/mails';
import { PasswordsHandler } from './application/passwords.command-handler';
import { RegistrationHandler } from './application/registration.command-handler';
import { SessionsHandler } from './application/sessions.command-handler';
import { SigningKey } from './application/signing-key';
import { StreamReader } from './application/streams';
import { TenantsHandler } from './application/tenants.command-handler';
import { TokenIssuer } from './application/token-issuer';
import { TotpHandler } from './application/totp.command-handler';
import { TOTP_ENROLMENTS } from './application/totp-enrolments.port';
import { UsersHandler } from './application/users.command-handler';
import { identityEnv } from './identity.config';
import type { IdentityOptions } from './identity.config';

/** DomainError codes that say the request is invalid in itself (422); every other code is a state conflict (409). */
const UNPROCESSABLE = [
  'invalid-email',
  'invalid-tenant',
  'invalid-product',
  'display-name-required',
  'role-not-in-product',
  'role-scope-not-allowed',
  'grant-needs-exactly-one-scope',
  'invalid-scope-id',
  'reset-token-invalid',
  'reset-token-expired',
  'verification-token-invalid',
  'totp-code-invalid',
];

/**
 * The identity service: its definition for the platform and its Nest module,
 * built together because the directory's name (which queries wait on), the
 * clock and the mail adapter are choices of one composition.
 */
export function createIdentity(overrides: Partial<IdentityOptions> = {}, env: NodeJS.ProcessEnv = process.env) {
  const options: IdentityOptions = { clock: systemClock, ...identityEnv(env), ...overrides };
  const readModels = {
    users: `identity-users${options.projectionSuffix}`,
    loginAudit: `identity-login-audit${options.projectionSuffix}`,
  };
  const settings: IdentitySettings = { ...options, readModels };
  const mailbox = options.mailboxDir ? new FileMailbox(options.mailboxDir, () => options.clock.now()) : null;
  const definition: ServiceDefinition = {
    name: 'identity',
    source: '/shared/identity',
    description: 'Identity: tenants, users, credentials, sessions and roles; issues the tokens every service verifies.',
    // HRMS's contracts only to read its events, when identity reacts to them.
    contracts: options.hrmsPolicies ? [...identity.contracts, ...hrms.contracts] : identity.contracts,
    topics: TOPIC_CATALOG.filter((t) => t.owner === 'identity'),
    projections: [usersProjection(readModels.users), loginAuditProjection(readModels.loginAudit)],
    policies: options.hrmsPolicies ? [hrmsPolicy(`identity-hrms${options.projectionSuffix}`)] : [],
    unprocessable: UNPROCESSABLE,
    notFound: [/-not-found$/],
  };

  @Module({
    controllers: [
      TenantsController,
      AuthController,
      MeController,
      UsersController,
      ...(mailbox ? [DevMailboxController] : []),
    ],
    providers: [
      { provide: IDENTITY_SETTINGS, useValue: settings },
      { provide: SigningKey, useFactory: () => SigningKey.fromJwk(settings.signingKeyJwk) },
      { provide: MAILER, useValue: mailbox ?? new LogMailer() },
      { provide: DEV_MAILBOX, useValue: mailbox },
      { provide: ADDRESS_GUARD, useClass: PostgresAddressGuard },
      { provide: TOTP_ENROLMENTS, useClass: PostgresTotpEnrolments },
      PrivateTables,
      IdentityClock,
      StreamReader,
      Mails,
      AddressLimits,
      TokenIssuer,
      OperatorKeyGuard,
      TenantsHandler,
      LoginHandler,
      SessionsHandler,
      PasswordsHandler,
      RegistrationHandler,
      UsersHandler,
      TotpHandler,
      AccountsQueries,
      HrmsReactions,
    ],
  })
  class IdentityModule {}

  return { definition, module: IdentityModule as Type<unknown>, settings };
}

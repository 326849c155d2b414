import { Module } from '@nestjs/common';
import { commonOptions, Later, named } from '@hexfleet/platform';
import type { ServiceComposition, ServiceDefinition } from '@hexfleet/platform';
import { admin, hrms, identity, TOPIC_CATALOG } from '@hexfleet/schemas';
import { AuthController } from './adapters/in/auth.http.controller';
import { DEV_MAILBOX, DevMailboxController } from './adapters/in/dev-mailbox.http.controller';
import { MeController } from './adapters/in/me.http.controller';
import { OperatorKeyGuard } from './adapters/in/operator-key.guard';
import { TenantsController } from './adapters/in/tenants.http.controller';
import { UsersController } from './adapters/in/users.http.controller';
import { FileMailbox, LogMailer } from './adapters/out/file-mailbox.adapter';
import { PostgresLoginAudit } from './adapters/out/login-audit/login-audit.adapter';
import { loginAudit } from './adapters/out/login-audit/login-audit.projection';
import { PostgresAddressGuard } from './adapters/out/postgres-address-guard.adapter';
import { PostgresTotpEnrolments } from './adapters/out/postgres-totp-enrolments.adapter';
import { PrivateTables } from './adapters/out/private-tables';
import { PostgresUsersDirectory } from './adapters/out/users-directory/users-directory.adapter';
import { usersDirectory } from './adapters/out/users-directory/users-directory.projection';
import { AccountsQueryHandler } from './application/accounts.query-handler';
import { ADDRESS_GUARD } from './application/address-guard.port';
import { AddressLimits } from './application/address-limits';
import { adminPolicy } from './application/admin.policy';
import { EmployeeAccountsCommandHandler } from './application/employee-accounts.command-handler';
import { hrmsPolicy } from './application/hrms.policy';
import { IDENTITY_SETTINGS } from './application/identity-settings';
import type { IdentitySettings } from './application/identity-settings';
import { LOGIN_AUDIT } from './application/login-audit.port';
import { LoginCommandHandler } from './application/login.command-handler';
import { MAILER } from './application/mailer.port';
import { Mails } from './application/mails';
import { PasswordsCommandHandler } from './application/passwords.command-handler';
import { RegistrationCommandHandler } from './application/registration.command-handler';
import { SessionsCommandHandler } from './application/sessions.command-handler';
import { SigningKey } from './application/signing-key';
import { StudentAccountsCommandHandler } from './application/student-accounts.command-handler';
import { TenantsCommandHandler } from './application/tenants.command-handler';
import { TokenIssuer } from './application/token-issuer';
import { TotpCommandHandler } from './application/totp.command-handler';
import { TOTP_ENROLMENTS } from './application/totp-enrolments.port';
import { UsersCommandHandler } from './application/users.command-handler';
import { USERS_DIRECTORY } from './application/users-directory.port';
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
 * built together because the read models' names (which queries wait on), the
 * clock and the mail adapter are choices of one composition.
 */
export function createIdentity(
  overrides: Partial<IdentityOptions> = {},
  env: NodeJS.ProcessEnv = process.env,
): ServiceComposition {
  const options: IdentityOptions = { ...commonOptions('identity', env), ...identityEnv(env), ...overrides };
  const { clock, ids, projectionSuffix, hrmsPolicies, adminPolicies, ...own } = options;
  const readModels = named({ users: usersDirectory, loginAudit }, projectionSuffix);
  const settings: IdentitySettings = {
    ...own,
    readModels: { users: readModels.users.name, loginAudit: readModels.loginAudit.name },
  };
  const mailbox = settings.mailboxDir ? new FileMailbox(settings.mailboxDir, () => clock.now()) : null;
  // The policy is listed before Nest builds the handler it calls: the module hands it
  // over as Nest builds it, before the runtime starts consuming (at bootstrap).
  const accounts = new Later<EmployeeAccountsCommandHandler>('EmployeeAccountsCommandHandler');
  const students = new Later<StudentAccountsCommandHandler>('StudentAccountsCommandHandler');
  const definition: ServiceDefinition = {
    name: 'identity',
    source: '/shared/identity',
    description: 'Identity: tenants, users, credentials, sessions and roles; issues the tokens every service verifies.',
    // HRMS's and Admin's contracts only to read their events, when identity reacts to them.
    contracts: [
      ...identity.contracts,
      ...(hrmsPolicies ? hrms.contracts : []),
      ...(adminPolicies ? admin.contracts : []),
    ],
    topics: TOPIC_CATALOG.filter((t) => t.owner === 'identity'),
    projections: Object.values(readModels),
    policies: [
      ...(hrmsPolicies ? [hrmsPolicy(accounts, projectionSuffix)] : []),
      ...(adminPolicies ? [adminPolicy(students, projectionSuffix)] : []),
    ],
    unprocessable: UNPROCESSABLE,
    notFound: [/-not-found$/],
    clock,
    ids,
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
      { provide: USERS_DIRECTORY, useClass: PostgresUsersDirectory },
      { provide: LOGIN_AUDIT, useClass: PostgresLoginAudit },
      PrivateTables,
      Mails,
      AddressLimits,
      TokenIssuer,
      OperatorKeyGuard,
      TenantsCommandHandler,
      LoginCommandHandler,
      SessionsCommandHandler,
      PasswordsCommandHandler,
      RegistrationCommandHandler,
      UsersCommandHandler,
      TotpCommandHandler,
      EmployeeAccountsCommandHandler,
      StudentAccountsCommandHandler,
      AccountsQueryHandler,
    ],
  })
  class IdentityModule {
    constructor(employees: EmployeeAccountsCommandHandler, studentAccounts: StudentAccountsCommandHandler) {
      accounts.set(employees);
      students.set(studentAccounts);
    }
  }

  return { definition, module: IdentityModule };
}

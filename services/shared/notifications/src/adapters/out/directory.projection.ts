import { readModel } from '@hexfleet/eventing';
import type { hrms, identity, libraries, profile } from '@hexfleet/schemas';

/** The events the directory reads; the rest of their topics pass by. */
export type DirectoryEvent =
  | Extract<identity.IdentityUserV1Event, { type: 'UserRegistered' | 'UserDeactivated' | 'UserReactivated' }>
  | Extract<hrms.HrmsEmployeeV1Event, { type: 'EmployeeHired' | 'EmployeeTransferred' }>
  | Extract<libraries.LibrariesPatronV1Event, { type: 'PatronRegistered' }>
  | Extract<profile.ProfileProfileV1Event, { type: 'PreferencesChanged' }>;

/**
 * Who is who, per tenant, for addressing notices: identity's users and their emails, HRMS's
 * employees with their manager and work email, libraries' patrons and their users, and each
 * user's language and email choice from profile. Read when a delivery is dispatched, not when
 * it is recorded, so a directory that lags behind the notice's event only delays it.
 */
export const directory = readModel<DirectoryEvent>({
  name: 'notifications-directory',
  topics: ['identity.user.v1', 'hrms.employee.v1', 'libraries.patron.v1', 'profile.profile.v1'],
  tables: ['directory_users', 'directory_employees', 'directory_patrons', 'directory_preferences'],
  migrations: [
    (schema) => `create table ${schema}.directory_users (
      user_id text primary key, email text not null, display_name text not null,
      employee_id text, active boolean not null default true)`,
    (schema) => `create index on ${schema}.directory_users (employee_id)`,
    (schema) => `create table ${schema}.directory_employees (
      employee_id text primary key, name text not null, work_email text not null, manager_id text, user_id text)`,
    (schema) => `create table ${schema}.directory_patrons (
      patron_id text primary key, user_id text, name text not null)`,
    (schema) => `create table ${schema}.directory_preferences (
      user_id text primary key, language text, email boolean not null)`,
  ],
  on: {
    async UserRegistered({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.directory_users (user_id, email, display_name, employee_id) values ($1, $2, $3, $4)
         on conflict (user_id) do update set email = excluded.email, display_name = excluded.display_name,
           employee_id = excluded.employee_id`,
        [data.userId, data.email, data.displayName, data.employeeId],
      );
    },
    async UserDeactivated({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.directory_users set active = false where user_id = $1`, [data.userId]);
    },
    async UserReactivated({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.directory_users set active = true where user_id = $1`, [data.userId]);
    },
    async EmployeeHired({ data }, { tx, schema }) {
      const name = [data.firstName, data.lastName].filter(Boolean).join(' ');
      await tx.query(
        `insert into ${schema}.directory_employees (employee_id, name, work_email, manager_id, user_id)
         values ($1, $2, $3, $4, $5)
         on conflict (employee_id) do update set name = excluded.name, work_email = excluded.work_email,
           manager_id = excluded.manager_id, user_id = coalesce(excluded.user_id, ${schema}.directory_employees.user_id)`,
        [data.employeeId, name, data.workEmail, data.managerId, data.userId],
      );
    },
    async EmployeeTransferred({ data }, { tx, schema }) {
      await tx.query(`update ${schema}.directory_employees set manager_id = $2 where employee_id = $1`, [
        data.employeeId,
        data.toManagerId,
      ]);
    },
    async PatronRegistered({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.directory_patrons (patron_id, user_id, name) values ($1, $2, $3)
         on conflict (patron_id) do update set user_id = excluded.user_id, name = excluded.name`,
        [data.patronId, data.userId, data.name],
      );
    },
    async PreferencesChanged({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.directory_preferences (user_id, language, email) values ($1, $2, $3)
         on conflict (user_id) do update set language = excluded.language, email = excluded.email`,
        [data.userId, data.language, data.notifications.email],
      );
    },
  },
});

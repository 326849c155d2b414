import { policy } from '@hexfleet/eventing';
import type { Policy } from '@hexfleet/eventing';
import type { hrms } from '@hexfleet/schemas';
import type { Later } from '@hexfleet/platform';
import type { EmployeeAccountsCommandHandler } from './employee-accounts.command-handler';

/** The HRMS events identity reacts to; the rest of hrms.employee.v1 passes by. */
export type HrmsFacts = Extract<hrms.HrmsEmployeeV1Event, { type: 'EmployeeHired' | 'EmployeeSeparated' }>;

/**
 * HRMS -> identity: EmployeeHired invites the work email as an `employee`,
 * EmployeeSeparated deactivates the account. The service definition lists the
 * policy before Nest builds the handler, so `accounts` hands it over later
 * (the composition root's module, before the runtime starts consuming).
 */
export function hrmsPolicy(accounts: Later<EmployeeAccountsCommandHandler>, suffix = ''): Policy {
  const name = `identity-hrms${suffix}`;
  return policy<HrmsFacts>({
    name,
    topics: ['hrms.employee.v1'],
    on: {
      EmployeeHired: (event) => accounts.get().invite({ name }, event),
      EmployeeSeparated: (event) => accounts.get().deactivate({ name }, event),
    },
  });
}

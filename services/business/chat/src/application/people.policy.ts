import { policy } from '@hexfleet/eventing';
import type { Policy } from '@hexfleet/eventing';
import type { Later } from '@hexfleet/platform';
import type { hrms, identity } from '@hexfleet/schemas';
import type { PeopleCommandHandler } from './people.command-handler';

/** The HRMS and identity events chat reacts to; the rest of their topics passes by. */
export type PeopleFacts =
  | Extract<hrms.HrmsEmployeeV1Event, { type: 'EmployeeHired' | 'EmployeeSeparated' }>
  | Extract<identity.IdentityUserV1Event, { type: 'UserRegistered' | 'UserDeactivated' }>;

/**
 * HRMS and identity -> chat: a hire joins #general and the department's channel (once chat
 * knows the account: EmployeeHired's userId, or identity's UserRegistered for the employee);
 * a separation or a deactivation removes the user from every channel.
 */
export function peoplePolicy(people: Later<PeopleCommandHandler>, suffix = ''): Policy {
  const name = `chat-people${suffix}`;
  return policy<PeopleFacts>({
    name,
    topics: ['hrms.employee.v1', 'identity.user.v1'],
    on: {
      EmployeeHired: (event) => people.get().hired({ name }, event),
      UserRegistered: (event) => people.get().registered({ name }, event),
      EmployeeSeparated: (event) => people.get().separated({ name }, event),
      UserDeactivated: (event) => people.get().deactivated({ name }, event),
    },
  });
}

import { policy } from '@hexfleet/eventing';
import type { Policy } from '@hexfleet/eventing';
import type { Later } from '@hexfleet/platform';
import type { hrms, identity } from '@hexfleet/schemas';
import type { OwnersCommandHandler } from './owners.command-handler';
import type { PipelineCommandHandler } from './pipeline.command-handler';

type HrmsFacts =
  | Extract<hrms.HrmsJobOpeningV1Event, { type: 'JobOpeningApproved' }>
  | Extract<hrms.HrmsEmployeeV1Event, { type: 'EmployeeSeparated' }>;
type IdentityFacts = Extract<identity.IdentityUserV1Event, { type: 'UserRegistered' | 'UserDeactivated' }>;

/** HRMS -> Pipeline: an approved job opening opens its recruitment board; a separated employee owns no more cards. */
export function hrmsPolicy(
  handlers: { pipelines: Later<PipelineCommandHandler>; owners: Later<OwnersCommandHandler> },
  suffix = '',
): Policy {
  const name = `pipeline-hrms${suffix}`;
  return policy<HrmsFacts>({
    name,
    topics: ['hrms.job-opening.v1', 'hrms.employee.v1'],
    on: {
      JobOpeningApproved: (event) => handlers.pipelines.get().jobOpeningApproved({ name }, event),
      EmployeeSeparated: (event) => handlers.owners.get().separated({ name }, event),
    },
  });
}

/** Identity -> Pipeline: the tenant's users are the owners cards may have. */
export function identityPolicy(owners: Later<OwnersCommandHandler>, suffix = ''): Policy {
  const name = `pipeline-identity${suffix}`;
  return policy<IdentityFacts>({
    name,
    topics: ['identity.user.v1'],
    on: {
      UserRegistered: (event) => owners.get().registered({ name }, event),
      UserDeactivated: (event) => owners.get().deactivated({ name }, event),
    },
  });
}

import { policy } from '@hexfleet/eventing';
import type { Policy } from '@hexfleet/eventing';
import type { Later } from '@hexfleet/platform';
import type { hrms } from '@hexfleet/schemas';
import type { HrmsFactsCommandHandler } from './hrms-facts.command-handler';

/** The HRMS events that place an employee; a separation reaches the profile as identity's UserDeactivated. */
export type HrmsFacts = Extract<
  hrms.HrmsEmployeeV1Event,
  { type: 'EmployeeHired' | 'EmployeePromoted' | 'EmployeeTransferred' }
>;

/**
 * hrms.employee.v1 -> the per-app fields HR owns (department, designation) on
 * the employee's profile. `placements` is handed over once Nest has built it
 * (see identity-facts.policy.ts).
 */
export function hrmsFactsPolicy(placements: Later<HrmsFactsCommandHandler>, suffix = ''): Policy {
  const name = `profile-hrms-facts${suffix}`;
  return policy<HrmsFacts>({
    name,
    topics: ['hrms.employee.v1'],
    on: {
      EmployeeHired: (event) => {
        const { employeeId, department, designation, userId } = event.data;
        return placements.get().note({ name }, event, { employeeId, department, designation, userId });
      },
      EmployeePromoted: (event) => {
        const { employeeId, toDesignation } = event.data;
        return placements.get().note({ name }, event, { employeeId, designation: toDesignation });
      },
      EmployeeTransferred: (event) => {
        const { employeeId, toDepartment } = event.data;
        return placements.get().note({ name }, event, { employeeId, department: toDepartment });
      },
    },
  });
}

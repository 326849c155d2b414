import DataLoader from 'dataloader';
import type { views } from '@hexfleet/schemas';
import type { CallerContext, Upstreams } from '../../upstreams';
import type { EmployeeView } from '../hrms/hrms.types';
import { librariesLoaders } from '../libraries/libraries.loaders';

/**
 * Batching per GraphQL request: every `employee` field resolved in one tick
 * (a payslip's, a manager's) becomes one call to HRMS for all the ids at once.
 * Loaders live for one request only, so nothing cached crosses callers or tenants.
 */
export function createLoaders(upstreams: Upstreams, caller: CallerContext) {
  return {
    employee: new DataLoader<string, EmployeeView | null>(
      async (ids) => {
        const { body } = await upstreams.call<{ items: EmployeeView[] }>(
          'hrms',
          caller,
          'GET',
          `/employees?ids=${ids.map(encodeURIComponent).join(',')}&limit=${ids.length}`,
        );
        const byId = new Map(body.items.map((employee) => [employee.employeeId, employee]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { maxBatchSize: 100 },
    ),
    /** A school's venues, read once per request whatever number of events and occurrences name one of them. */
    schoolVenues: new DataLoader<string, views.events.VenueView[]>((schoolIds) =>
      Promise.all(
        schoolIds.map((schoolId) =>
          upstreams
            .call<views.events.VenueView[]>('events', caller, 'GET', `/schools/${encodeURIComponent(schoolId)}/venues`)
            .then(
              (reply) => reply.body,
              (error: Error) => error,
            ),
        ),
      ),
    ),
    ...librariesLoaders(upstreams, caller),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

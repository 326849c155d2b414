import { ApiExtension } from '@nestjs/swagger';

/** Who an operation that is not for the product's users is for. */
export type InternalAudience = 'operators' | 'services';

/**
 * Marks an operation as not for the people using the product (OpenAPI
 * `x-internal: operators|services`): operator provisioning, keys other services
 * read. The gateway's GraphQL fronts every other operation; its coverage test
 * walks each service's document and fails for an unmarked operation with no field.
 */
export const InternalOperation = (audience: InternalAudience) => ApiExtension('x-internal', audience);

import type { ModuleName } from '../../config';

/** A GraphQL field and the REST operation of a service it stands for. */
export interface FrontedOperation {
  module: ModuleName;
  /** As the service's OpenAPI document names it: `POST /employees/{id}/promotions`. */
  operation: string;
  /** The resolver class and method, e.g. `HrmsResolver.promoteEmployee` (the method is the field). */
  resolver: string;
  field: string;
}

const fronted: FrontedOperation[] = [];

/** Every operation a resolver declared with `@Fronts`, in the order the classes loaded. */
export const frontedOperations = (): readonly FrontedOperation[] => fronted;

/**
 * Says which REST operation(s) a query, mutation or subscription stands for.
 * The coverage test walks each service's OpenAPI document and fails for a
 * user-facing operation no field fronts, so a new endpoint cannot be left
 * out of GraphQL by accident (operations marked `x-internal` are exempt).
 */
export function Fronts(module: ModuleName, ...operations: string[]): MethodDecorator {
  return (target, key) => {
    for (const operation of operations) {
      fronted.push({ module, operation, resolver: `${target.constructor.name}.${String(key)}`, field: String(key) });
    }
  };
}

import { getNullableType, GraphQLError, isListType } from 'graphql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';

/** A field costs 1; a list field costs its children times the page it asks for (`limit`, else 20). */
const pageEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const list = isListType(getNullableType(field.type));
  const page = typeof args.limit === 'number' ? Math.max(args.limit, 1) : 20;
  return 1 + (list ? childComplexity * page : childComplexity);
};

/**
 * Refuses, before anything runs, an operation whose estimated cost is above
 * the limit (depth is limited separately, by Mercurius's `queryDepth`). A hook
 * rather than a validation rule, so parsed queries stay cached.
 */
export function complexityLimit(maximum: number) {
  return async (
    schema: GraphQLSchema,
    document: DocumentNode,
    _context: unknown,
    variables?: Record<string, unknown>,
  ) => {
    const complexity = getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      estimators: [pageEstimator],
    });
    if (complexity > maximum) {
      const message = `The query is too complex: ${complexity} (at most ${maximum})`;
      // Mercurius answers with the status of the error's original error.
      throw new GraphQLError(message, {
        originalError: Object.assign(new Error(message), { statusCode: 400 }),
        extensions: { code: 'query-too-complex', status: 400 },
      });
    }
  };
}

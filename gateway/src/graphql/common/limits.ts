import { getNamedType, getNullableType, GraphQLError, isListType, isObjectType, Kind } from 'graphql';
import type {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';

/** The list size assumed for a list field with no `limit` argument. */
const ASSUMED_PAGE = 20;

/**
 * A field costs 1; a list field costs its children times the page it asks for (`limit`, else 20).
 * A page object (`XPage { items ... }`) takes its `limit` for its `items`, which have none of their own.
 */
const pageEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const type = getNullableType(field.type);
  const page = typeof args.limit === 'number' ? Math.max(args.limit, 1) : ASSUMED_PAGE;
  if (isListType(type)) return 1 + childComplexity * page;
  const named = getNamedType(type);
  const isPage = isObjectType(named) && isListType(getNullableType(named.getFields().items?.type));
  return 1 + (isPage ? (childComplexity * page) / ASSUMED_PAGE : childComplexity);
};

/** `__schema`, `__type`, `__typename`: answered from the schema in memory, never by a service. */
const isIntrospection = (name: string) => name.startsWith('__');

/**
 * The operations without their top-level introspection fields. Introspection
 * reads the schema in memory and costs no service a call, so the query a
 * GraphiQL or a code generator sends (depth 13, "cost" 86,508 by list
 * arithmetic) is exempt; everything else in the same document is not.
 */
function withoutIntrospection(document: DocumentNode): DocumentNode {
  return {
    ...document,
    definitions: document.definitions.map((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION
        ? {
            ...definition,
            selectionSet: {
              ...definition.selectionSet,
              selections: definition.selectionSet.selections.filter(
                (selection) => selection.kind !== Kind.FIELD || !isIntrospection(selection.name.value),
              ),
            },
          }
        : definition,
    ),
  };
}

/** The deepest field nesting of an operation (fragments count as the fields they hold). */
function depthOf(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>) {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(selection.selectionSet, fragments, seen) : 0));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen));
    } else {
      const fragment = fragments.get(selection.name.value);
      // A cycle is invalid GraphQL; validation reports it, depth need not loop on it.
      if (!fragment || seen.has(fragment.name.value)) continue;
      deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, new Set([...seen, fragment.name.value])));
    }
  }
  return deepest;
}

function refused(message: string, code: string) {
  // Mercurius answers with the status of the error's original error.
  return new GraphQLError(message, {
    originalError: Object.assign(new Error(message), { statusCode: 400 }),
    extensions: { code, status: 400 },
  });
}

/**
 * Refuses, before anything runs, an operation nested deeper than `maxDepth` or
 * whose estimated cost is above `maxComplexity`; introspection is exempt. A
 * hook rather than a validation rule, so parsed queries stay cached.
 */
export function queryLimits(maxDepth: number, maxComplexity: number) {
  // Mercurius keeps each parsed query (one DocumentNode per distinct query text): a query and
  // variables found within limits once are within them every time, and the check is skipped.
  const passed = new WeakMap<DocumentNode, Set<string>>();
  return async (
    schema: GraphQLSchema,
    document: DocumentNode,
    _context: unknown,
    variables?: Record<string, unknown>,
  ) => {
    const key = variables ? JSON.stringify(variables) : '';
    if (passed.get(document)?.has(key)) return;
    check(schema, document, variables, maxDepth, maxComplexity);
    const known = passed.get(document) ?? new Set<string>();
    // Bounded: a client sending ever-new variables with one query does not grow it for ever.
    if (known.size < 100) known.add(key);
    passed.set(document, known);
  };
}

/** Depth, then estimated cost, of the operations without their introspection. */
function check(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  maxDepth: number,
  maxComplexity: number,
) {
  const limited = withoutIntrospection(document);
  const fragments = new Map(
    limited.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  for (const operation of limited.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )) {
    const depth = depthOf(operation.selectionSet, fragments, new Set());
    if (depth > maxDepth) throw refused(`The query is too deep: ${depth} (at most ${maxDepth})`, 'query-too-deep');
  }
  const complexity = getComplexity({
    schema,
    query: limited,
    variables: variables ?? {},
    estimators: [pageEstimator],
  });
  if (complexity > maxComplexity) {
    throw refused(`The query is too complex: ${complexity} (at most ${maxComplexity})`, 'query-too-complex');
  }
}

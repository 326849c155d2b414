import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { RESOLVERS } from './gateway.module';
import { frontedOperations } from './graphql/common/fronts';

/** The file the published schema is committed in (relative to the repository root). */
export const SCHEMA_FILE = 'gateway/schema.graphql';
/** Which REST operation of which service each GraphQL field stands for (committed beside the schema). */
export const OPERATIONS_FILE = 'gateway/graphql-operations.json';

const HEADER = `# The gateway's GraphQL schema, printed from its code by \`npx nx run gateway:schema\`. Do not edit:
# change the resolvers and print it again (a test fails while this file is stale).
`;

/** The GraphQL schema the gateway serves, as SDL, sorted: what clients and code generators read. */
export async function printGatewaySchema(): Promise<string> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS);
    return `${HEADER}\n${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
  }
}

/**
 * Each GraphQL field with the service and REST operation it stands for, sorted: for
 * people moving between the two APIs, and for tools that test one product's part
 * (the bad-input sweep runs each product's fields as that product's tenant).
 */
export function printOperations(): string {
  if (RESOLVERS.length === 0) throw new Error('no resolvers loaded'); // loading them registers their @Fronts
  const rows = frontedOperations()
    .map(({ field, module, operation }) => ({ field, module, operation }))
    .sort((a, b) => a.field.localeCompare(b.field) || a.operation.localeCompare(b.operation));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

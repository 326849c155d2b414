import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { RESOLVERS } from './gateway.module';

/** The file the published schema is committed in (relative to the repository root). */
export const SCHEMA_FILE = 'gateway/schema.graphql';

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

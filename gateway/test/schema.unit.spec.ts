import fs from 'node:fs';
import path from 'node:path';
import { OPERATIONS_FILE, printGatewaySchema, printOperations, SCHEMA_FILE } from '../src/schema';

const committed = (file: string) => fs.readFileSync(path.join(__dirname, '..', '..', file), 'utf8');

// Acceptance (issue 15): the published schema is generated from the code, committed, and checked.
describe('the published GraphQL schema (run `npx nx run gateway:schema` after changing resolvers)', () => {
  it('gateway/schema.graphql is what the resolvers print', async () => {
    expect(await printGatewaySchema()).toBe(committed(SCHEMA_FILE));
  });

  it('gateway/graphql-operations.json names the REST operation of every field', () => {
    expect(printOperations()).toBe(committed(OPERATIONS_FILE));
  });
});

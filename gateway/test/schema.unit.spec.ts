import fs from 'node:fs';
import path from 'node:path';
import { printGatewaySchema, SCHEMA_FILE } from '../src/schema';

// Acceptance (issue 15): the published schema is generated from the code, committed, and checked.
describe('gateway/schema.graphql', () => {
  it('is what the resolvers print (run `npx nx run gateway:schema` after changing them)', async () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', SCHEMA_FILE), 'utf8');
    expect(await printGatewaySchema()).toBe(committed);
  });
});

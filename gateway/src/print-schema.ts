import fs from 'node:fs';
import path from 'node:path';
import { OPERATIONS_FILE, printGatewaySchema, printOperations, SCHEMA_FILE } from './schema';

/** `npx nx run gateway:schema`: writes gateway/schema.graphql and gateway/graphql-operations.json from the resolvers. */
void printGatewaySchema().then((sdl) => {
  // Nx runs it from the repository root.
  fs.writeFileSync(path.resolve(process.cwd(), SCHEMA_FILE), sdl);
  fs.writeFileSync(path.resolve(process.cwd(), OPERATIONS_FILE), printOperations());
  console.log(`wrote ${SCHEMA_FILE} (${sdl.split('\n').length} lines) and ${OPERATIONS_FILE}`);
});

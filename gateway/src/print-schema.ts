import fs from 'node:fs';
import path from 'node:path';
import { printGatewaySchema, SCHEMA_FILE } from './schema';

/** `npx nx run gateway:schema`: writes gateway/schema.graphql from the resolvers. */
void printGatewaySchema().then((sdl) => {
  // Nx runs it from the repository root.
  const file = path.resolve(process.cwd(), SCHEMA_FILE);
  fs.writeFileSync(file, sdl);
  console.log(`wrote ${SCHEMA_FILE} (${sdl.split('\n').length} lines)`);
});

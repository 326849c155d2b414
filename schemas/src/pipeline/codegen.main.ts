// `npx nx codegen schemas` (or `tsx schemas/src/pipeline/codegen.main.ts [--check]`):
// TypeScript contracts and the topic catalog from schemas/avro.
import { loadContractModules } from './contract-sources';
import { CODEGEN_COMMAND, generateContracts } from './contracts-codegen';
import { runGenerator } from './generated-files';

runGenerator(CODEGEN_COMMAND, () => generateContracts(loadContractModules())).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

// `npx nx asyncapi schemas` (or `tsx schemas/src/pipeline/asyncapi.main.ts [--check]`):
// schemas/asyncapi.yaml and schemas/asyncapi.html from schemas/avro.
import { ASYNCAPI_COMMAND, generateAsyncApi } from './asyncapi-generator';
import { loadContractModules } from './contract-sources';
import { runGenerator } from './generated-files';

runGenerator(ASYNCAPI_COMMAND, () => generateAsyncApi(loadContractModules())).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

// `npx nx compatibility schemas`: the contract gate on its own (it also runs in `npm test`).
import { compatibilityProblems, workingTreeSchemas } from './contracts-compatibility';
import { REPO_ROOT } from './paths';
import { gitHistory } from './schema-history';

const files = workingTreeSchemas();
const problems = compatibilityProblems(files, gitHistory(REPO_ROOT));
if (problems.length > 0) {
  console.error(problems.join('\n\n'));
  process.exitCode = 1;
} else {
  console.log(`${files.length} schemas are FULL_TRANSITIVE compatible with their git history`);
}

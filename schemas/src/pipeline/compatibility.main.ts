// `npx nx compatibility schemas`: the contract gate on its own (it also runs in `npm test`).
import { compatibilityProblems, workingTreeSchemas } from './contracts-compatibility';
import { REPO_ROOT } from './paths';
import { gitHistory } from './schema-history';

const files = workingTreeSchemas();
let problems: string[];
try {
  problems = compatibilityProblems(files, gitHistory(REPO_ROOT));
} catch (error) {
  // No history (a shallow clone, a tarball) fails the gate: it never passes unchecked.
  problems = [(error as Error).message];
}
if (problems.length > 0) {
  console.error(problems.join('\n\n'));
  process.exitCode = 1;
} else {
  console.log(`${files.length} schemas are FULL_TRANSITIVE compatible with their git history`);
}

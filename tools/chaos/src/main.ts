import { passed, runChaos, summaryLine } from './run';
import { SCENARIOS } from './scenarios';

const USAGE = `npm run chaos [-- options]
  --quick        the quick set only (what npm test runs): ${SCENARIOS.filter((s) => s.quick)
    .map((s) => s.id)
    .join(', ')}
  --only=a,b     these scenarios only: ${SCENARIOS.map((s) => s.id).join(', ')}`;

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) return void console.log(USAGE);
  const bad = args.filter((a) => !/^--(quick|only=[a-z,-]+)$/.test(a));
  if (bad.length) {
    console.error(`unknown option ${bad.join(' ')}\n\n${USAGE}`);
    process.exit(2);
  }
  const only = args
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const results = await runChaos({ quick: args.includes('--quick'), only });
  console.log('\nscenario             | result');
  for (const r of results)
    console.log(`${r.id.padEnd(20)} | ${r.skipped ? 'skip' : passed(r) ? 'ok  ' : 'FAIL'} ${summaryLine(r)}`);
  const lost = results.reduce((n, r) => n + r.verdict.lost, 0);
  const duplicated = results.reduce((n, r) => n + r.verdict.duplicated, 0);
  const ran = results.filter((r) => !r.skipped);
  console.log(`chaos: scenarios=${ran.length} lost=${lost} duplicated=${duplicated}`);
  process.exit(ran.every(passed) ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

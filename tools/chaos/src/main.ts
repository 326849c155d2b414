import { report, runChaos } from './run';
import { SCENARIOS } from './scenarios';
import { runSweep, summary } from './sweep';

const USAGE = `npm run chaos [-- options]
  --quick        the quick set only (what npm test runs): ${SCENARIOS.filter((s) => s.quick)
    .map((s) => s.id)
    .join(', ')}
  --only=a,b     these scenarios only: ${SCENARIOS.map((s) => s.id).join(', ')}
  --sweep        instead: Schemathesis against every service's OpenAPI document, directly and
                 through the gateway (--only=hrms,libraries limits the targets; --examples=N per
                 operation, default 25; --seed=N, default 20261205)`;

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) return void console.log(USAGE);
  const bad = args.filter((a) => !/^--(quick|sweep|only=[a-z,/-]+|examples=\d+|seed=\d+)$/.test(a));
  if (bad.length) {
    console.error(`unknown option ${bad.join(' ')}\n\n${USAGE}`);
    process.exit(2);
  }
  const only = args
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const number = (name: string, fallback: number) =>
    Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  if (args.includes('--sweep')) {
    const seed = number('seed', 20261205);
    const maxExamples = number('examples', 25);
    console.log(`sweep: Schemathesis, seed ${seed}, up to ${maxExamples} cases per operation`);
    const results = await runSweep({ seed, maxExamples, only, log: console.log });
    console.log('');
    for (const r of results) console.log(summary(r));
    const all = results.flatMap((r) => Object.entries(r.failures));
    const serverErrors = all.filter(([title]) => /server error/i.test(title)).reduce((n, [, c]) => n + c, 0);
    const violations = all.filter(([title]) => !/server error/i.test(title)).reduce((n, [, c]) => n + c, 0);
    console.log(
      `sweep: targets=${results.length} cases=${results.reduce((n, r) => n + r.cases, 0)} ` +
        `server-errors=${serverErrors} schema-violations=${violations}`,
    );
    process.exit(serverErrors + violations === 0 ? 0 : 1);
  }
  const results = await runChaos({ quick: args.includes('--quick'), only });
  const { lines, ok } = report(results);
  console.log(`\n${lines.join('\n')}`);
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

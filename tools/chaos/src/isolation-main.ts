import { isolationHolds, isolationLine, runIsolationSweep } from './isolation';

/** `npm run isolation`: the tenant-isolation sweep (tools/chaos/src/isolation.ts); exits 1 on any leak. */
async function main() {
  const started = Date.now();
  const report = await runIsolationSweep(console.log);
  console.log('');
  console.log(`statuses B received: ${JSON.stringify(report.statuses)}`);
  console.log(`GraphQL fields called: ${report.graphqlFields}; B's own records on its feed: ${report.subscribed}`);
  console.log(`writes B made in its own tenant (2xx, not leaks): ${report.accepted.length}`);
  for (const line of report.accepted) console.log(`  ${line}`);
  const unseeded = Object.entries(report.unseeded);
  console.log(`operations needing a kind A does not have: ${unseeded.reduce((n, [, ops]) => n + ops.length, 0)}`);
  for (const [key, operations] of unseeded) console.log(`  unseeded ${key}: ${operations.join(', ')}`);
  console.log(
    `canary: A reading its own things, ${report.canary.flagged} of ${report.canary.reads} reads flagged by the detector`,
  );
  for (const fault of report.serverErrors) console.log(`SERVER ERROR ${fault}`);
  for (const leak of report.leaks) console.log(`LEAK ${leak}`);
  console.log(`took ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(isolationLine(report));
  process.exitCode = isolationHolds(report) ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});

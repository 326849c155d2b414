#!/usr/bin/env node
// Writes charts/hexfleet/files/catalog.json from the repository, so the chart never drifts from it:
//   - every topic of the topic catalog (schemas/avro/*/topics.json): name, partitions, retention;
//     the chart renders them as Strimzi KafkaTopic resources;
//   - each service's Kafka consumer groups (`main.ts --consumer-groups`), which the chart's KEDA
//     ScaledObjects scale on.
// `--check` writes nothing and exits 1 when the committed file differs (npm run charts:test does this).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { root, SERVICES } from './deployables.mjs';

const run = promisify(execFile);
const target = path.join(root, 'charts/hexfleet/files/catalog.json');

function topics() {
  const dir = path.join(root, 'schemas/avro');
  return fs
    .readdirSync(dir)
    .filter((module) => fs.existsSync(path.join(dir, module, 'topics.json')))
    .sort()
    .flatMap((module) => JSON.parse(fs.readFileSync(path.join(dir, module, 'topics.json'), 'utf8')))
    .filter((topic) => topic.owner !== 'example')
    .map((topic) => ({
      name: topic.name,
      owner: topic.owner,
      partitions: topic.partitions,
      // The services create topics with retention.ms -1 (keep forever) unless the catalog says otherwise.
      retentionMs: topic.retentionMs ?? -1,
    }));
}

async function consumerGroups() {
  // Identity refuses to start without its keys: a throw-away key (never written anywhere) lets it list its groups.
  // Every optional reaction on, as the chart deploys the whole fleet (HRMS_POLICIES=on).
  const { stdout: signingKey } = await run(process.execPath, [path.join(root, 'tools/scripts/new-signing-key.mjs')]);
  const env = {
    ...process.env,
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
    SIGNING_KEY_JWK: signingKey.trim(),
    TOTP_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    HRMS_POLICIES: 'on',
    ADMIN_POLICIES: 'on',
    PROFILE_HRMS_FACTS: 'on',
    PROFILE_ADMIN_FACTS: 'on',
  };
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  const entries = [];
  const modules = Object.entries(SERVICES);
  // Two at a time: the machine running this may have two cores.
  for (let i = 0; i < modules.length; i += 2) {
    entries.push(
      ...(await Promise.all(
        modules.slice(i, i + 2).map(async ([module, project]) => {
          const { stdout } = await run(tsx, [path.join(project, 'src/main.ts'), '--consumer-groups'], {
            cwd: root,
            env,
          });
          const line = stdout.trim().split('\n').pop();
          return [module, JSON.parse(line).map((g) => ({ groupId: g.groupId, topics: [...g.topics].sort() }))];
        }),
      )),
    );
  }
  return Object.fromEntries(entries);
}

const catalog = { topics: topics(), consumerGroups: await consumerGroups() };
const text = `${JSON.stringify(catalog, null, 2)}\n`;
if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error(`${path.relative(root, target)} is stale: run node tools/k8s/chart-catalog.mjs`);
    process.exit(1);
  }
  console.log(
    `catalog up to date: ${catalog.topics.length} topics, ${Object.values(catalog.consumerGroups).flat().length} consumer groups`,
  );
} else {
  fs.writeFileSync(target, text);
  console.log(
    `wrote ${path.relative(root, target)}: ${catalog.topics.length} topics, ${Object.values(catalog.consumerGroups).flat().length} consumer groups`,
  );
}

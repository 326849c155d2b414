#!/usr/bin/env node
// `npm run charts:test`: the Helm chart proven offline, then installed on a real kube-apiserver.
//   1. tools and schemas: helm, kubeconform, kwok and Kubernetes built once into .cache/k8s-bin
//      (tools/k8s/build-tools.sh); offline JSON schemas into .cache/k8s-schemas (tools/k8s/schemas.py);
//   2. the chart's copy of the topic catalog and consumer groups is current (tools/k8s/chart-catalog.mjs);
//   3. helm lint, helm template with the default values and ci/production-values.yaml, every object
//      validated by kubeconform -strict (Kubernetes and CRD schemas), and what the chart promises
//      checked on the rendered objects (security context, probes, topics = catalog, ...);
//   4. values files that break values.schema.json are refused;
//   5. (unless --no-install) etcd + kube-apiserver + controller-manager + scheduler + kwok: CRDs,
//      `helm install --wait`, `helm upgrade` with a changed value, `helm rollback`, a refused install.
// Last line: `charts: N passed, M failed (...)`, which tools/scripts/run-tests.mjs adds to npm test's.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { DEPLOYABLES } from './deployables.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = path.join(root, '.cache');
const bin = process.env.K8S_BIN ?? path.join(cache, 'k8s-bin');
const schemas = path.join(cache, 'k8s-schemas');
const chart = path.join(root, 'charts/hexfleet');
const testdata = path.join(root, 'tools/k8s/testdata');
const KUBE_SCHEMA_VERSION = '1.37.0';
const KUBERNETES_VALIDATE = '1.37.0';
const PYYAML = '6.0.2';
const install = !process.argv.includes('--no-install');
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)}s`;

let passed = 0;
let failed = 0;
const figures = { rendered: 0, validated: 0, installed: 0 };

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, cwd: root, ...options });
  return { status: result.status ?? 1, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}
function must(cmd, args, options) {
  const result = run(cmd, args, options);
  if (result.status !== 0)
    throw new Error(
      `${path.basename(cmd)} ${args.slice(0, 3).join(' ')} failed: ${(result.stderr || result.stdout).trim().slice(-1500)}`,
    );
  return result.stdout;
}
async function check(name, work) {
  try {
    const detail = await work();
    passed++;
    console.log(`  ok    ${name}${detail ? `: ${detail}` : ''}`);
  } catch (error) {
    failed++;
    console.log(`  FAIL  ${name}: ${error.message}`);
  }
}
const assert = (condition, message) => {
  if (!condition) throw new Error(message);
};
const helm = (args, options) => must(path.join(bin, 'helm'), args, options);
const docs = (text) =>
  parseAllDocuments(text)
    .map((d) => d.toJS())
    .filter((o) => o && typeof o === 'object');

// --- 1. tools and schemas -------------------------------------------------------------------------
console.log(`charts: tools (${bin})`);
for (const tool of install ? ['all'] : ['helm', 'kubeconform']) {
  if (run(path.join(root, 'tools/k8s/build-tools.sh'), [tool], { stdio: 'inherit' }).status !== 0) {
    console.log('\ncharts: 0 passed, 1 failed (the tools did not build)');
    if (process.env.CHARTS_TEST_REPORT)
      fs.writeFileSync(process.env.CHARTS_TEST_REPORT, JSON.stringify({ passed: 0, failed: 1 }));
    process.exit(1);
  }
}
const schemaStamp = path.join(schemas, `.done-${KUBERNETES_VALIDATE}-${KUBE_SCHEMA_VERSION}`);
if (!fs.existsSync(schemaStamp)) {
  console.log('charts: offline schemas (kubernetes-validate from PyPI, CRDs from Go modules)');
  const venv = path.join(schemas, 'venv');
  fs.mkdirSync(schemas, { recursive: true });
  if (!fs.existsSync(path.join(venv, 'bin/python'))) must('python3', ['-m', 'venv', venv]);
  must(path.join(venv, 'bin/pip'), [
    'install',
    '-q',
    `kubernetes-validate==${KUBERNETES_VALIDATE}`,
    `pyyaml==${PYYAML}`,
  ]);
  const pkg = must(path.join(venv, 'bin/python'), [
    '-c',
    'import kubernetes_validate, os; print(os.path.dirname(kubernetes_validate.__file__))',
  ]).trim();
  console.log(
    must(path.join(venv, 'bin/python'), [
      path.join(root, 'tools/k8s/schemas.py'),
      pkg,
      schemas,
      KUBE_SCHEMA_VERSION,
    ]).trim(),
  );
  fs.writeFileSync(schemaStamp, new Date().toISOString());
}
console.log(`charts: tools and schemas ready (${seconds()})`);

// --- 2. the catalog copy ---------------------------------------------------------------------------
await check("files/catalog.json matches the topic catalog and the services' consumer groups", () =>
  must(process.execPath, [path.join(root, 'tools/k8s/chart-catalog.mjs'), '--check']).trim(),
);

// --- 3. lint, render, validate ---------------------------------------------------------------------
const production = path.join(chart, 'ci/production-values.yaml');
await check('helm lint --strict (default values)', () => {
  helm(['lint', '--strict', chart]);
});
await check('helm lint --strict (production-like values)', () => {
  helm(['lint', '--strict', chart, '-f', production]);
});

function kubeconform(manifest) {
  const result = run(
    path.join(bin, 'kubeconform'),
    [
      '-strict',
      '-summary',
      '-output',
      'json',
      '-kubernetes-version',
      KUBE_SCHEMA_VERSION,
      '-schema-location',
      `${schemas}/kubernetes/{{ .NormalizedKubernetesVersion }}-local{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json`,
      '-schema-location',
      `${schemas}/crds/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json`,
      '-',
    ],
    { input: manifest },
  );
  const report = JSON.parse(result.stdout || '{}');
  const problems = (report.resources ?? []).filter((r) => r.status !== 'statusValid');
  assert(
    result.status === 0 && problems.length === 0 && report.summary,
    `kubeconform: ${problems.map((p) => `${p.kind}/${p.name}: ${p.msg}`).join('; ') || result.stderr.trim()}`,
  );
  assert(report.summary.skipped === 0, `${report.summary.skipped} objects had no schema`);
  return report.summary.valid;
}

const rendered = {};
for (const [label, values] of [
  ['default values', []],
  ['production-like values', ['-f', production]],
]) {
  await check(`helm template + kubeconform -strict (${label})`, () => {
    const manifest = helm(['template', 'hexfleet', chart, '--namespace', 'hexfleet', '--include-crds', ...values]);
    // Hooks (the prepare Jobs) are rendered too: they are validated like the rest.
    const objects = docs(manifest);
    rendered[label] = objects;
    const valid = kubeconform(manifest);
    assert(valid === objects.length, `${valid} valid of ${objects.length}`);
    figures.rendered += objects.length;
    figures.validated += valid;
    const kinds = {};
    for (const o of objects) kinds[o.kind] = (kinds[o.kind] ?? 0) + 1;
    return `${objects.length} objects valid (${Object.entries(kinds)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')})`;
  });
}

const catalogTopics = fs
  .readdirSync(path.join(root, 'schemas/avro'))
  .filter((m) => m !== 'example' && fs.existsSync(path.join(root, 'schemas/avro', m, 'topics.json')))
  .flatMap((m) => JSON.parse(fs.readFileSync(path.join(root, 'schemas/avro', m, 'topics.json'), 'utf8')));
const SERVICES = Object.keys(
  JSON.parse(fs.readFileSync(path.join(chart, 'files/catalog.json'), 'utf8')).consumerGroups,
);

await check("every KafkaTopic is the catalog's topic: partitions, retention, never compacted", () => {
  const topics = rendered['production-like values'].filter((o) => o.kind === 'KafkaTopic');
  const byName = new Map(topics.map((t) => [t.spec.topicName, t]));
  for (const t of catalogTopics) {
    const k = byName.get(t.name);
    assert(k, `no KafkaTopic for ${t.name}`);
    assert(k.spec.partitions === t.partitions, `${t.name}: ${k.spec.partitions} partitions, catalog ${t.partitions}`);
    assert(
      Number(k.spec.config['retention.ms']) === (t.retentionMs ?? -1),
      `${t.name}: retention ${k.spec.config['retention.ms']}`,
    );
    assert(k.spec.config['cleanup.policy'] === 'delete', `${t.name} is compacted`);
    assert(
      k.spec.replicas === 3 && k.metadata.labels['strimzi.io/cluster'] === 'prod',
      `${t.name}: replicas or cluster label`,
    );
    assert(k.metadata.annotations['helm.sh/resource-policy'] === 'keep', `${t.name} would be deleted with the release`);
  }
  assert(
    topics.length === catalogTopics.length,
    `${topics.length} KafkaTopics for ${catalogTopics.length} catalog topics`,
  );
  return `${topics.length} topics`;
});

await check('every deployable: non-root, read-only root fs, no capabilities, three probes, resources', () => {
  for (const label of Object.keys(rendered)) {
    const deployments = rendered[label].filter((o) => o.kind === 'Deployment');
    assert(deployments.length >= 12, `${label}: ${deployments.length} Deployments`);
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      assert(pod.securityContext.runAsNonRoot === true, `${d.metadata.name}: pod runAsNonRoot`);
      for (const c of pod.containers) {
        const s = c.securityContext;
        assert(
          s.readOnlyRootFilesystem && s.runAsNonRoot && !s.allowPrivilegeEscalation,
          `${d.metadata.name}: securityContext`,
        );
        assert(JSON.stringify(s.capabilities.drop) === '["ALL"]', `${d.metadata.name}: capabilities`);
        assert(c.startupProbe?.httpGet.path === '/health/live', `${d.metadata.name}: startupProbe`);
        assert(c.livenessProbe?.httpGet.path === '/health/live', `${d.metadata.name}: livenessProbe`);
        assert(c.readinessProbe?.httpGet.path === '/health/ready', `${d.metadata.name}: readinessProbe`);
        assert(c.resources?.requests?.cpu && c.resources?.limits?.memory, `${d.metadata.name}: resources`);
        assert(
          !(c.env ?? []).some((e) => /DATABASE_URL|SIGNING_KEY|OPERATOR_KEY|TOTP/.test(e.name)),
          `${d.metadata.name}: a secret in env`,
        );
      }
      assert(pod.topologySpreadConstraints?.length === 2, `${d.metadata.name}: topology spread`);
    }
    assert(!rendered[label].some((o) => o.kind === 'Secret'), `${label}: the chart renders a Secret`);
  }
  return `${rendered['production-like values'].filter((o) => o.kind === 'Deployment').length} Deployments (production-like)`;
});

await check(
  'per deployable: Service, PDB, NetworkPolicy, ServiceMonitor; gateway-only Ingress; one prepare Job runs every service --prepare',
  () => {
    const objects = rendered['default values'];
    const names = (kind) => objects.filter((o) => o.kind === kind).map((o) => o.metadata.name);
    for (const name of [...SERVICES, 'gateway']) {
      for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget', 'NetworkPolicy', 'ServiceMonitor'])
        assert(names(kind).includes(`hexfleet-${name}`), `no ${kind} hexfleet-${name}`);
    }
    const jobs = objects.filter((o) => o.kind === 'Job');
    assert(jobs.length === 1, `${jobs.length} prepare Jobs`);
    const job = jobs[0];
    assert(job.metadata.annotations['helm.sh/hook'] === 'pre-install,pre-upgrade', `${job.metadata.name}: hook`);
    const containers = job.spec.template.spec.containers;
    assert(
      JSON.stringify(containers.map((c) => c.name).sort()) === JSON.stringify([...SERVICES].sort()),
      `prepare containers: ${containers.map((c) => c.name)}`,
    );
    for (const c of containers) {
      assert(
        c.args.includes('--prepare') && c.image.endsWith(`/${c.name}:0.1.0`),
        `${c.name}: --prepare with its image`,
      );
      assert(
        c.envFrom[0].secretRef.name === `hexfleet-${c.name}` && c.securityContext.readOnlyRootFilesystem,
        `${c.name}: secret or securityContext`,
      );
    }
    const ingresses = objects.filter((o) => o.kind === 'Ingress');
    assert(
      ingresses.length === 1 && ingresses[0].spec.rules[0].http.paths[0].backend.service.name === 'hexfleet-gateway',
      'Ingress',
    );
    const gatewayPolicy = objects.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === 'hexfleet-gateway');
    assert(
      gatewayPolicy.spec.ingress[0].from.some(
        (f) => f.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'ingress-nginx',
      ),
      'gateway policy',
    );
    const hrmsPolicy = objects.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === 'hexfleet-hrms');
    assert(
      !hrmsPolicy.spec.ingress[0].from.some(
        (f) => f.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'ingress-nginx',
      ),
      'hrms takes ingress traffic',
    );
    assert(
      hrmsPolicy.spec.ingress[0].from.some((f) => f.podSelector?.matchLabels?.['app.kubernetes.io/name'] === 'gateway'),
      'hrms refuses the gateway',
    );
    assert(names('PrometheusRule').length === 1 && names('ConfigMap').length >= 1, 'PrometheusRule or dashboards');
    return `one prepare Job, ${containers.length} containers`;
  },
);

await check(
  'autoscaling (production-like): KEDA on every consumer group, capped at partitions; HPA on CPU for the gateway',
  () => {
    const objects = rendered['production-like values'];
    const catalog = JSON.parse(fs.readFileSync(path.join(chart, 'files/catalog.json'), 'utf8'));
    const scaled = objects.filter((o) => o.kind === 'ScaledObject');
    assert(scaled.length === SERVICES.length, `${scaled.length} ScaledObjects`);
    let triggers = 0;
    for (const s of scaled) {
      const service = s.metadata.name.replace(/^hexfleet-/, '');
      const groups = s.spec.triggers.filter((t) => t.type === 'kafka').map((t) => t.metadata.consumerGroup);
      assert(
        JSON.stringify(groups.sort()) === JSON.stringify(catalog.consumerGroups[service].map((g) => g.groupId).sort()),
        `${service}: groups`,
      );
      assert(s.spec.maxReplicaCount <= 12 && s.spec.minReplicaCount === 3, `${service}: replica bounds`);
      triggers += groups.length;
    }
    const hpas = objects.filter((o) => o.kind === 'HorizontalPodAutoscaler').map((o) => o.metadata.name);
    assert(JSON.stringify(hpas) === '["hexfleet-gateway"]', `HPAs: ${hpas}`);
    assert(
      !objects.some((o) => o.kind === 'Deployment' && o.spec.replicas !== undefined),
      'an autoscaled Deployment sets replicas',
    );
    return `${scaled.length} ScaledObjects, ${triggers} lag triggers`;
  },
);

// --- 4. values that break the schema ----------------------------------------------------------------
for (const bad of fs.readdirSync(testdata).filter((f) => f.startsWith('bad-'))) {
  await check(`refused by values.schema.json: ${bad}`, () => {
    const result = run(path.join(bin, 'helm'), ['template', 'hexfleet', chart, '-f', path.join(testdata, bad)]);
    assert(result.status !== 0, 'rendered anyway');
    assert(/schema/i.test(result.stderr), `refused, but not by the schema: ${result.stderr.trim().slice(0, 300)}`);
  });
}

// --- 5. a real install ----------------------------------------------------------------------------
if (install) {
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'hexfleet-k8s-'));
  const env = {
    ...process.env,
    KUBECONFIG: path.join(state, 'kubeconfig'),
    HELM_CACHE_HOME: path.join(state, 'helm-cache'),
    HELM_CONFIG_HOME: path.join(state, 'helm-config'),
    HELM_DATA_HOME: path.join(state, 'helm-data'),
  };
  const kubectl = (args, input) => must(path.join(bin, 'kubectl'), args, { env, input });
  const h = (args) => helm(args, { env });
  const ns = ['--namespace', 'hexfleet'];
  const deployments = () =>
    JSON.parse(kubectl(['get', 'deployments', '-n', 'hexfleet', '-o', 'json'])).items.map((d) => ({
      name: d.metadata.name,
      replicas: d.spec.replicas,
      ready: d.status.readyReplicas ?? 0,
      env: d.spec.template.spec.containers[0].env,
    }));
  const allReady = (list) => list.every((d) => d.ready === d.replicas);
  try {
    let up = false;
    await check(
      'a control plane starts: etcd, kube-apiserver, controller-manager, scheduler, kwok (2 fake nodes)',
      () => {
        const t0 = Date.now();
        must(path.join(root, 'tools/k8s/cluster.sh'), ['start', state]);
        up = true;
        return `${
          kubectl(['version', '-o', 'json'])
            .match(/"gitVersion": "([^"]+)"/g)
            ?.pop()
            ?.split('"')[3]
        } in ${((Date.now() - t0) / 1000).toFixed(0)}s`;
      },
    );
    if (up) {
      await check('CRDs installed first (KEDA, Prometheus Operator, CloudNativePG, Strimzi KafkaTopic)', () => {
        kubectl(['apply', '--server-side', '-f', path.join(schemas, 'crd-manifests')]);
        kubectl(['wait', '--for', 'condition=established', '--timeout=60s', 'crd', '--all']);
        return `${JSON.parse(kubectl(['get', 'crd', '-o', 'json'])).items.length} CRDs established`;
      });
      kubectl(['create', 'namespace', 'hexfleet']);
      for (const service of SERVICES) {
        const extra =
          service === 'identity'
            ? [
                '--from-literal=SIGNING_KEY_JWK={}',
                '--from-literal=OPERATOR_KEY=x',
                '--from-literal=TOTP_ENCRYPTION_KEY=x',
              ]
            : [];
        kubectl([
          'create',
          'secret',
          'generic',
          `hexfleet-${service}`,
          ...ns,
          `--from-literal=DATABASE_URL=postgres://${service}@postgres/hexfleet_${service}`,
          ...extra,
        ]);
      }
      await check('helm install --wait: the prepare hook Job completes, every Deployment ready', () => {
        const t0 = Date.now();
        h([
          'install',
          'hexfleet',
          chart,
          ...ns,
          '-f',
          path.join(testdata, 'test-values.yaml'),
          '--wait',
          '--timeout',
          '10m',
        ]);
        const manifest = docs(h(['get', 'manifest', 'hexfleet', ...ns]));
        const hooks = docs(h(['get', 'hooks', 'hexfleet', ...ns]));
        figures.installed = manifest.length + hooks.length;
        const list = deployments();
        assert(
          list.length === DEPLOYABLES.length && allReady(list),
          `not ready: ${list.filter((d) => d.ready !== d.replicas).map((d) => d.name)}`,
        );
        const jobs = JSON.parse(kubectl(['get', 'jobs', ...ns, '-o', 'json'])).items;
        // hook-succeeded deletes a Job once it completed: none left means all completed.
        assert(jobs.length === 0, `${jobs.length} prepare Job left (failed?)`);
        const kinds = {};
        for (const o of manifest) kinds[o.kind] = (kinds[o.kind] ?? 0) + 1;
        return `${manifest.length} objects + ${hooks.length} hook Job in ${((Date.now() - t0) / 1000).toFixed(0)}s (${Object.entries(
          kinds,
        )
          .map(([k, n]) => `${n} ${k}`)
          .join(', ')})`;
      });
      await check("helm upgrade with changed values: HRMS to 3 ready replicas, admin's new setting", () => {
        h([
          'upgrade',
          'hexfleet',
          chart,
          ...ns,
          '-f',
          path.join(testdata, 'test-upgrade-values.yaml'),
          '--wait',
          '--timeout',
          '10m',
        ]);
        const list = deployments();
        const hrms = list.find((d) => d.name === 'hexfleet-hrms');
        const admin = list.find((d) => d.name === 'hexfleet-admin');
        assert(hrms.replicas === 3 && hrms.ready === 3, `hrms ${hrms.ready}/${hrms.replicas}`);
        assert(
          admin.env.some((e) => e.name === 'ADMIN_DEFAULT_PAGE_SIZE' && e.value === '50'),
          'admin setting',
        );
        assert(allReady(list), 'not all ready');
        return `revision ${JSON.parse(h(['status', 'hexfleet', ...ns, '-o', 'json'])).version}`;
      });
      await check('helm rollback: back to revision 1 (HRMS 1 replica, admin without the setting)', () => {
        h(['rollback', 'hexfleet', '1', ...ns, '--wait', '--timeout', '10m']);
        const list = deployments();
        const hrms = list.find((d) => d.name === 'hexfleet-hrms');
        const admin = list.find((d) => d.name === 'hexfleet-admin');
        assert(hrms.replicas === 1 && hrms.ready === 1, `hrms ${hrms.ready}/${hrms.replicas}`);
        assert(!admin.env.some((e) => e.name === 'ADMIN_DEFAULT_PAGE_SIZE'), 'admin setting still there');
        return `revision ${JSON.parse(h(['status', 'hexfleet', ...ns, '-o', 'json'])).version}, ${list.length} Deployments ready`;
      });
      await check('helm install with values that break the schema is refused; nothing is created', () => {
        const result = run(
          path.join(bin, 'helm'),
          [
            'install',
            'broken',
            chart,
            '--namespace',
            'broken',
            '--create-namespace',
            '-f',
            path.join(testdata, 'bad-secret-in-values.yaml'),
          ],
          { env },
        );
        assert(
          result.status !== 0 && /schema/i.test(result.stderr),
          `not refused by the schema: ${result.stderr.slice(0, 300)}`,
        );
        const releases = JSON.parse(h(['list', '--all-namespaces', '-o', 'json'])).map((r) => r.name);
        assert(!releases.includes('broken'), 'a release "broken" exists');
        return 'refused';
      });
    }
  } finally {
    run(path.join(root, 'tools/k8s/cluster.sh'), ['stop', state]);
    if (!process.env.KEEP_K8S_STATE) fs.rmSync(state, { recursive: true, force: true });
  }
}

console.log(
  `\ncharts: ${passed} passed, ${failed} failed (objects rendered ${figures.rendered}, validated ${figures.validated}, installed ${figures.installed}; ${seconds()})`,
);
if (process.env.CHARTS_TEST_REPORT)
  fs.writeFileSync(process.env.CHARTS_TEST_REPORT, JSON.stringify({ passed, failed, ...figures }));
process.exit(failed ? 1 : 0);

import fs from 'node:fs';
import type { ProfileSummary } from './report';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

/** Who owns the code at `url`: an npm package, a Hexfleet library or service, Node itself, or V8. */
export function ownerOf({ url, functionName }: CallFrame): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node (core)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + '/node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  // Built (dist/...) or run from source by tsx.
  const ours =
    /\/(?:dist\/)?(?:libs\/([^/]+)|(schemas)|services\/[^/]+\/([^/]+)|(gateway)|tools\/([^/]+))\/(?:src|preload)\//.exec(
      url,
    );
  if (ours) {
    const [, lib, schemas, service, gateway, tool] = ours;
    return lib || schemas ? `@hexfleet/${lib ?? schemas}` : tool ? `tools/${tool}` : (service ?? gateway);
  }
  return url
    .replace(/^file:\/\//, '')
    .split('/')
    .slice(-2)
    .join('/');
}

/**
 * Stages of a service's event path, most specific first: a sample counts for
 * the first stage any frame of its stack belongs to (so Avro encoding under the
 * relay is the relay's, a pg write under an append is the command's).
 */
const STAGES: ReadonlyArray<[string, RegExp]> = [
  ['auth: JWT verification', /node_modules\/jose\/|platform\/src\/auth\./],
  ['validation: class-validator, class-transformer', /node_modules\/(class-validator|class-transformer|validator)\//],
  ['logging: pino', /node_modules\/(pino|sonic-boom|pino-std-serializers)\//],
  ['tracing: OpenTelemetry', /node_modules\/@opentelemetry\/|eventing\/src\/tracing\./],
  ['relay: read, Avro encode, produce, checkpoint', /eventing\/src\/relay\//],
  ['projections: fetch, decode, apply, commit', /eventing\/src\/(projection|consumer)\//],
  [
    'command: handleCommand, decide, append',
    /eventing\/src\/event-store\/|platform\/src\/(commands|transaction)\.|\/src\/(domain|application)\//,
  ],
  [
    'HTTP: Fastify, Nest',
    /node_modules\/(fastify|@fastify\/[^/]+|@nestjs\/[^/]+|find-my-way|avvio|middie|secure-json-parse)\//,
  ],
  ['Kafka client (any caller)', /node_modules\/kafkajs\//],
  ['Postgres driver (any caller)', /node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//],
];

const location = ({ url, lineNumber }: CallFrame) =>
  url ? `${url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|dist)\//, '')}:${lineNumber + 1}` : '';

/**
 * Self time of a V8 `.cpuprofile`, by owner (package) and by function, idle
 * excluded: where the process spends its CPU, not where it waits.
 */
export function summarizeProfile(file: string, what: string, top = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const stageOf = (id: number): string => {
    const urls: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) urls.push(frames.get(at)?.url ?? '');
    const frame = frames.get(id);
    if (frame?.functionName === '(garbage collector)') return 'garbage collection';
    return (
      STAGES.find(([, pattern]) => urls.some((url) => pattern.test(url)))?.[0] ??
      'other (Node core, native, unattributed)'
    );
  };
  const byStage = new Map<string, number>();
  const selfUs = new Map<number, number>();
  // A sample's time is the gap to the next sample (Chrome DevTools counts it the same way).
  for (let i = 0; i < profile.samples.length; i++) {
    const us = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + Math.max(0, us));
  }
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, { name: string; location: string; us: number }>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const frame = frames.get(id);
    if (!frame || frame.functionName === '(idle)') continue;
    total += us;
    const stage = stageOf(id);
    byStage.set(stage, (byStage.get(stage) ?? 0) + us);
    const owner = ownerOf(frame);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + us);
    const name = frame.functionName || '(anonymous)';
    const key = `${name} ${location(frame)}`;
    const entry = byFunction.get(key) ?? { name: `${name} [${owner}]`, location: location(frame), us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
  }
  const share = (us: number) => (total ? us / total : 0);
  return {
    what,
    sampledMs: Math.round(total / 1000),
    byStage: [...byStage.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, selfMs: Math.round(us / 1000), share: share(us) })),
    byPackage: [...byOwner.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, selfMs: Math.round(us / 1000), share: share(us) })),
    topFunctions: [...byFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, location: f.location, selfMs: Math.round(f.us / 1000), share: share(f.us) })),
  };
}

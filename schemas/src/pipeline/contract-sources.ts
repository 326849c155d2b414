import fs from 'node:fs';
import path from 'node:path';
import type { Type } from 'avsc';
import type { TopicSpec } from '../catalog/topic-spec';
import { eventTypeOf } from '../contracts/event-contract';
import type { AvroRecordSchema } from '../contracts/event-contract';
import { parseAvroSchema } from '../registry/avro-schema';
import { AVRO_ROOT, repoRelative } from './paths';

/** One `.avsc` file: an event type, the topic that carries it, and its schema. */
export interface EventSource {
  /** The event type as the event store records it: the record's short name (`Deposited`). */
  type: string;
  fullName: string;
  topic: string;
  /** Repo-relative, e.g. `schemas/avro/example/Deposited.avsc`. */
  file: string;
  /** The `.avsc` as written: the reader schema services compile in. */
  schema: AvroRecordSchema;
  avro: Type;
}

/** `schemas/avro/<name>/`: the topics one module publishes and the events on them. */
export interface ContractModule {
  name: string;
  topics: TopicSpec[];
  events: EventSource[];
}

/** The events on a topic, in its topics.json order (the loader checked each has its .avsc). */
export function eventsOn(module: ContractModule, topic: TopicSpec): EventSource[] {
  return topic.eventTypes.map((fullName) => {
    const event = module.events.find((e) => e.fullName === fullName);
    if (!event) throw new Error(`${topic.name} lists ${fullName}, but module ${module.name} has no .avsc for it`);
    return event;
  });
}

const MODULE_NAME = /^[a-z][a-z0-9]*$/;
const TOPIC_KEYS = new Set([
  'name',
  'partitions',
  'owner',
  'visibility',
  'internalBecause',
  'eventTypes',
  'retentionMs',
  'description',
]);

/**
 * Reads every module under `root` and checks what the generators and the
 * relay rely on: each event type sits on exactly one topic of its own module,
 * a file is named after its record, and short names are unique per module
 * (they are the event types in the store). All problems are reported at once.
 */
export function loadContractModules(root: string = AVRO_ROOT): ContractModule[] {
  const problems: string[] = [];
  const modules = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => loadModule(path.join(root, name), name, problems));
  if (problems.length > 0) throw new Error(`invalid contracts in ${repoRelative(root)}:\n- ${problems.join('\n- ')}`);
  return modules;
}

function loadModule(dir: string, name: string, problems: string[]): ContractModule {
  if (!MODULE_NAME.test(name)) problems.push(`module folder "${name}" must match ${MODULE_NAME}`);
  const topics = readTopics(path.join(dir, 'topics.json'), name, problems);
  const topicOf = new Map<string, string>();
  for (const topic of topics) {
    for (const fullName of topic.eventTypes) {
      const other = topicOf.get(fullName);
      if (other) problems.push(`${fullName} is listed on ${other} and ${topic.name}; an event type has one topic`);
      topicOf.set(fullName, topic.name);
    }
  }
  const events: EventSource[] = [];
  for (const fileName of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.avsc'))
    .sort()) {
    const event = readEvent(path.join(dir, fileName), topicOf, problems);
    if (event) events.push(event);
  }
  const byFullName = new Set(events.map((e) => e.fullName));
  for (const [fullName, topic] of topicOf) {
    if (!byFullName.has(fullName)) problems.push(`${topic} lists ${fullName}, but module ${name} has no .avsc for it`);
  }
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.type)) problems.push(`module ${name} has two event types named ${event.type}`);
    seen.add(event.type);
  }
  return { name, topics, events };
}

function readEvent(file: string, topicOf: Map<string, string>, problems: string[]): EventSource | undefined {
  const where = repoRelative(file);
  const text = fs.readFileSync(file, 'utf8');
  let parsed: ReturnType<typeof parseAvroSchema>;
  try {
    parsed = parseAvroSchema(text);
  } catch (error) {
    problems.push(`${where}: ${(error as Error).message}`);
    return undefined;
  }
  const schema = JSON.parse(text) as AvroRecordSchema;
  const fullName = parsed.type.name;
  if (parsed.type.typeName !== 'record' || !fullName) {
    problems.push(`${where}: an event schema must be a named record`);
    return undefined;
  }
  const type = eventTypeOf(fullName);
  if (path.basename(file) !== `${type}.avsc`) problems.push(`${where}: holds record ${type}, so must be ${type}.avsc`);
  const topic = topicOf.get(fullName);
  if (!topic) {
    problems.push(`${where}: ${fullName} is on no topic; list it in the module's topics.json`);
    return undefined;
  }
  return { type, fullName, topic, file: where, schema, avro: parsed.type };
}

function readTopics(file: string, owner: string, problems: string[]): TopicSpec[] {
  const where = repoRelative(file);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${where}: ${(error as Error).message}`);
    return [];
  }
  if (!Array.isArray(json)) {
    problems.push(`${where}: must be an array of topics`);
    return [];
  }
  return json.filter((topic: unknown, i) => {
    const problem = topicProblem(topic, owner);
    if (problem) problems.push(`${where}[${i}]: ${problem}`);
    return !problem;
  }) as TopicSpec[];
}

function topicProblem(topic: unknown, owner: string): string | undefined {
  if (typeof topic !== 'object' || topic === null) return 'must be an object';
  const spec = topic as Record<string, unknown>;
  const unknown = Object.keys(spec).filter((k) => !TOPIC_KEYS.has(k));
  if (unknown.length) return `unknown keys ${unknown.join(', ')}`;
  const name = String(spec.name);
  // `<module>.<aggregate>.v<major>` (docs/adr/0008-contract-pipeline.md); the owner is the folder, so ownership cannot drift.
  if (!new RegExp(`^${owner}\\.[a-z][a-z0-9-]*\\.v[1-9][0-9]*$`).test(name))
    return `name "${name}" is not ${owner}.<aggregate>.v<major>`;
  if (spec.owner !== owner) return `owner must be "${owner}", the module folder`;
  if (!Number.isInteger(spec.partitions) || (spec.partitions as number) < 1)
    return 'partitions must be a positive integer';
  const types = spec.eventTypes;
  if (!Array.isArray(types) || types.length === 0 || types.some((t) => typeof t !== 'string')) {
    return 'eventTypes must list record full names';
  }
  if (spec.retentionMs !== undefined && (!Number.isInteger(spec.retentionMs) || (spec.retentionMs as number) < -1)) {
    return 'retentionMs must be an integer, -1 for forever';
  }
  if (spec.description !== undefined && typeof spec.description !== 'string') return 'description must be text';
  return visibilityProblem(spec);
}

/** Every topic says who may read it, and an internal one says why (docs/adr/0035-public-and-internal-topics.md). */
function visibilityProblem(spec: Record<string, unknown>): string | undefined {
  const because = spec.internalBecause;
  switch (spec.visibility) {
    case 'public':
      return because === undefined ? undefined : 'internalBecause is for internal topics only';
    case 'internal':
      return typeof because === 'string' && because.trim().length > 0
        ? undefined
        : 'an internal topic needs internalBecause: why integrators may not read it';
    default:
      return 'visibility must be "public" or "internal"';
  }
}

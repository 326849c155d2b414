import fs from 'node:fs';
import path from 'node:path';
import { eventTypeOf, isPublicTopic, TOPIC_CATALOG } from '../src';
import { AVRO_SCHEMA_FORMAT } from '../src/pipeline/asyncapi-document';
import {
  ASYNCAPI_COMMAND,
  ASYNCAPI_HTML,
  ASYNCAPI_YAML,
  generateAsyncApi,
  parseAsyncApi,
  ParsedAsyncApi,
} from '../src/pipeline/asyncapi-generator';
import { loadContractModules } from '../src/pipeline/contract-sources';
import { GeneratedFile, staleFiles } from '../src/pipeline/generated-files';
import { REPO_ROOT } from '../src/pipeline/paths';

const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
const CE_HEADERS = ['ce_specversion', 'ce_id', 'ce_type', 'ce_source', 'ce_time', 'ce_subject', 'content-type'];
const OWN_HEADERS = ['tenant', 'stream_id', 'stream_version', 'correlation_id', 'causation_id', 'traceparent'];
const PUBLIC = TOPIC_CATALOG.filter(isPublicTopic);
const INTERNAL = TOPIC_CATALOG.filter((t) => !isPublicTopic(t));

let committed: ParsedAsyncApi;
let generated: GeneratedFile[];

/** Fails the test, rather than asserting non-null, when something the document should have is missing. */
function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the AsyncAPI document has no ${what}`);
  return value;
}
const channelOf = (topic: string) => present(present(committed.document, 'document').channels().get(topic), topic);

beforeAll(async () => {
  committed = await parseAsyncApi(read(ASYNCAPI_YAML));
  generated = (await generateAsyncApi(loadContractModules())).files;
});

describe('schemas/asyncapi.yaml', () => {
  it('parses with the AsyncAPI parser (Avro payloads included) with no errors or warnings', () => {
    expect(committed.errors).toEqual([]);
    expect(committed.warnings).toEqual([]);
    expect(committed.document?.version()).toBe('3.0.0');
  });

  it('is up to date with schemas/avro, and so is asyncapi.html', () => {
    const stale = staleFiles(generated);
    if (stale.length > 0) throw new Error(`out of date: ${stale.join(', ')}; run ${ASYNCAPI_COMMAND}`);
  });

  it.each(PUBLIC.map((t) => [t.name, t] as const))('has %s as a channel with its Kafka binding', (_, topic) => {
    const channel = channelOf(topic.name);
    expect(channel.address()).toBe(topic.name);
    expect(channel.bindings().get('kafka')?.value()).toMatchObject({
      topic: topic.name,
      partitions: topic.partitions,
      replicas: 3,
      topicConfiguration: { 'retention.ms': topic.retentionMs ?? -1, 'cleanup.policy': ['delete'] },
    });
  });

  it.each(PUBLIC.flatMap((t) => t.eventTypes.map((e) => [e, t.name] as const)))(
    'carries %s on %s with its Avro payload, key binding and CloudEvents headers',
    (fullName, topic) => {
      const messages = channelOf(topic).messages().all();
      const message = present(
        messages.find((m) => m.headers()?.properties()?.['ce_type']?.const() === fullName),
        `message with ce_type ${fullName}`,
      );
      const headers = present(message.headers(), 'headers');
      expect(message.schemaFormat()).toBe(AVRO_SCHEMA_FORMAT);
      expect(message.name()).toBe(eventTypeOf(fullName));
      expect(message.bindings().get('kafka')?.value()).toMatchObject({
        key: { type: 'string' },
        schemaIdLocation: 'payload',
        schemaLookupStrategy: 'TopicRecordNameStrategy',
      });
      expect(Object.keys(headers.properties() ?? {})).toEqual([...CE_HEADERS, ...OWN_HEADERS]);
      expect(headers.required()).toEqual(
        expect.arrayContaining([...CE_HEADERS, 'tenant', 'stream_id', 'stream_version']),
      );
    },
  );

  it('leaves out every internal topic and its events', () => {
    expect(INTERNAL.map((t) => t.name)).toEqual(
      expect.arrayContaining(['identity.credential.v1', 'identity.login-id.v1', 'profile.employee-link.v1']),
    );
    const document = present(committed.document, 'document');
    expect(document.channels().all().length).toBe(PUBLIC.length);
    const yaml = read(ASYNCAPI_YAML);
    const html = read(ASYNCAPI_HTML);
    for (const topic of INTERNAL) {
      // A public event's doc may name an internal topic (PasswordChanged: "the hash stays on ..."); none is listed.
      expect(document.channels().get(topic.name)).toBeUndefined();
      expect(html).not.toContain(`id="${topic.name}"`);
      for (const text of [yaml, html]) {
        for (const fullName of topic.eventTypes) expect(text).not.toContain(fullName);
      }
    }
  });

  it('is rendered to an HTML page that names every topic, event and header', () => {
    const html = read(ASYNCAPI_HTML);
    for (const topic of PUBLIC) {
      expect(html).toContain(`id="${topic.name}"`);
      for (const fullName of topic.eventTypes) expect(html).toContain(fullName);
    }
    for (const header of [...CE_HEADERS, ...OWN_HEADERS]) expect(html).toContain(`<td>${header}</td>`);
  });

  it('would be refused if it broke the Kafka binding', async () => {
    const { errors } = await parseAsyncApi(read(ASYNCAPI_YAML).replace('partitions: 3', 'partitions: 0'));
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining('"partitions" property must be >= 1')]));
  });

  it('would be refused if it carried an invalid Avro schema', async () => {
    const { errors } = await parseAsyncApi(read(ASYNCAPI_YAML).replace('type: long', 'type: longer'));
    expect(errors).toEqual([expect.stringContaining('longer')]);
  });
});

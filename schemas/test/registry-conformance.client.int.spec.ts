import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { path, registryHttp, registryUrl, removeSubjects, runNames } from './support/conformance';

// What Hexfleet services actually do with a registry: the kafkajs client
// registers, encodes in Confluent's wire format and decodes by id.

const url = registryUrl();
const http = registryHttp(url);
const { prefix, subject, order } = runNames();
afterAll(() => removeSubjects(http, prefix));

describe('@kafkajs/confluent-schema-registry against the registry', () => {
  it('registers, encodes with magic byte 0 and the id, and decodes, also from a client with an empty cache', async () => {
    const s = subject('client');
    const schema = order({ name: 'qty', type: 'int', default: 0 });
    const { id } = await new SchemaRegistry({ host: url }).register({ type: SchemaType.AVRO, schema }, { subject: s });
    const writer = new SchemaRegistry({ host: url });
    const payload = { id: 'order-1', qty: 3 };
    const encoded = await writer.encode(id, payload);
    expect(encoded[0]).toBe(0);
    expect(encoded.readInt32BE(1)).toBe(id);
    expect(await writer.decode(encoded)).toEqual(payload);
    expect(await new SchemaRegistry({ host: url }).decode(encoded)).toEqual(payload);
    expect(await writer.getLatestSchemaId(s)).toBe(id);
    expect(await writer.getRegistryIdBySchema(s, { type: SchemaType.AVRO, schema })).toBe(id);
  });
});

describe('what only the Hexfleet dev registry refuses', () => {
  // Confluent supports JSON Schema, Protobuf and references; these checks apply
  // only to a registry that says it speaks AVRO alone.
  const avroOnly = async () => JSON.stringify((await http.get('/schemas/types')).body) === '["AVRO"]';
  const ONLY_AVRO =
    'only AVRO is supported by the Hexfleet dev registry; use Confluent Schema Registry for JSON/PROTOBUF';
  const NO_REFERENCES =
    'schema references are not supported by the Hexfleet dev registry; inline the referenced types, or use Confluent Schema Registry';

  it('refuses JSON and PROTOBUF schemas, and schema references, with a clear 422', async () => {
    if (!(await avroOnly())) return;
    const s = subject('not-avro');
    for (const schemaType of ['JSON', 'PROTOBUF']) {
      const answer = await http.post(path.versions(s), { schemaType, schema: '{"type":"object"}' });
      expect(answer).toEqual({ status: 422, body: { error_code: 42201, message: ONLY_AVRO } });
    }
    const references = [{ name: 'x.Customer', subject: subject('customer'), version: 1 }];
    const withReference = await http.post(path.versions(s), { schema: order(), references });
    expect(withReference).toEqual({ status: 422, body: { error_code: 42201, message: NO_REFERENCES } });
  });
});

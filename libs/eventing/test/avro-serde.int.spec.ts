import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { stackEnv, uniqueName } from '@hexfleet/testing';
import { AvroSerde, EventContract, subjectFor } from '../src';

describe('Avro serde with the schema registry', () => {
  const topic = uniqueName('example.evolving.v1');
  const v1: EventContract = {
    type: 'Renamed',
    topic,
    schema: {
      type: 'record',
      name: 'Renamed',
      namespace: 'hexfleet.example',
      fields: [{ name: 'name', type: 'string' }],
    },
  };
  // v2 adds a field with a default: FULL_TRANSITIVE accepts it, old and new readers both read every version.
  const v2: EventContract = {
    ...v1,
    schema: { ...v1.schema, fields: [...v1.schema.fields, { name: 'reason', type: 'string', default: 'unknown' }] },
  };

  it('registers under the TopicRecordNameStrategy subject and writes the Confluent wire format', async () => {
    const serde = AvroSerde.forUrl(stackEnv('SCHEMA_REGISTRY_URL'), [v1]);
    await serde.registerAll();
    const { value } = await serde.encode('Renamed', { name: 'Ada' });
    const registry = new SchemaRegistry({ host: stackEnv('SCHEMA_REGISTRY_URL') });
    expect(subjectFor(v1)).toBe(`${topic}-hexfleet.example.Renamed`);
    expect(value[0]).toBe(0);
    expect(value.readInt32BE(1)).toBe(await registry.getLatestSchemaId(subjectFor(v1)));
  });

  it('decodes old data with the new reader schema (default filled) and new data with the old one', async () => {
    const oldSerde = AvroSerde.forUrl(stackEnv('SCHEMA_REGISTRY_URL'), [v1]);
    const newSerde = AvroSerde.forUrl(stackEnv('SCHEMA_REGISTRY_URL'), [v2]);
    await newSerde.registerAll(); // an evolution the registry must accept
    const written = (await oldSerde.encode('Renamed', { name: 'Ada' })).value;
    expect(await newSerde.decode(written, 'hexfleet.example.Renamed')).toEqual({ name: 'Ada', reason: 'unknown' });
    const newer = (await newSerde.encode('Renamed', { name: 'Bo', reason: 'typo' })).value;
    expect(await oldSerde.decode(newer, 'hexfleet.example.Renamed')).toEqual({ name: 'Bo' });
  });

  it('refuses, at registration, a change that old readers could not read', async () => {
    const breaking: EventContract = { ...v1, schema: { ...v1.schema, fields: [{ name: 'name', type: 'int' }] } };
    await expect(AvroSerde.forUrl(stackEnv('SCHEMA_REGISTRY_URL'), [breaking]).registerAll()).rejects.toThrow();
    const registry = new SchemaRegistry({ host: stackEnv('SCHEMA_REGISTRY_URL') });
    await expect(
      registry.getRegistryIdBySchema(subjectFor(v1), {
        type: SchemaType.AVRO,
        schema: JSON.stringify(breaking.schema),
      }),
    ).rejects.toThrow();
  });

  it('pins each subject to FULL_TRANSITIVE, so a change only BACKWARD allows is refused', async () => {
    const withExtra: EventContract = {
      type: 'Tagged',
      topic,
      schema: {
        type: 'record',
        name: 'Tagged',
        namespace: 'hexfleet.example',
        fields: [
          { name: 'name', type: 'string' },
          { name: 'tag', type: 'string' },
        ],
      },
    };
    await AvroSerde.forUrl(stackEnv('SCHEMA_REGISTRY_URL'), [withExtra]).registerAll();
    const config = await fetch(`${stackEnv('SCHEMA_REGISTRY_URL')}/config/${subjectFor(withExtra)}`);
    expect(await config.json()).toEqual({ compatibilityLevel: 'FULL_TRANSITIVE' });
    // Dropping a field without a default: new readers are fine (BACKWARD), old readers are not.
    const dropped: EventContract = {
      ...withExtra,
      schema: { ...withExtra.schema, fields: [{ name: 'name', type: 'string' }] },
    };
    await expect(AvroSerde.forUrl(stackEnv('SCHEMA_REGISTRY_URL'), [dropped]).registerAll()).rejects.toThrow();
  });
});

import { optionsFromEnv } from '../src/registry/env-options';
import { flag, NO_REFERENCES, ONLY_AVRO, parseSchemaRequest, parseVersion } from '../src/registry/request-parsing';
import { LATEST } from '../src/registry/state';

describe('parseVersion', () => {
  it('accepts latest, -1 and 1..2^31-1', () => {
    expect(parseVersion('latest')).toBe(LATEST);
    expect(parseVersion('-1')).toBe(LATEST);
    expect(parseVersion('7')).toBe(7);
    expect(parseVersion(String(2 ** 31 - 1))).toBe(2 ** 31 - 1);
  });

  it.each(['0', '-2', 'abc', '1.5', String(2 ** 31), ''])('refuses %j with 42202', (raw) => {
    expect(() => parseVersion(raw)).toThrow(expect.objectContaining({ httpStatus: 422, errorCode: 42202 }));
  });
});

describe('parseSchemaRequest', () => {
  it('refuses JSON and PROTOBUF schemas and references with a clear 422', () => {
    expect(() => parseSchemaRequest({ schemaType: 'PROTOBUF', schema: 'syntax = "proto3";' })).toThrow(ONLY_AVRO);
    expect(() => parseSchemaRequest({ schemaType: 'JSON', schema: '{}' })).toThrow(
      expect.objectContaining({ errorCode: 42201 }),
    );
    const references = [{ name: 'x.Y', subject: 'y', version: 1 }];
    expect(() => parseSchemaRequest({ schema: '"string"', references })).toThrow(NO_REFERENCES);
  });

  it('accepts AVRO said or unsaid, with an empty reference list', () => {
    expect(parseSchemaRequest({ schema: '"string"', schemaType: 'AVRO', references: [] }).canonical).toBe('"string"');
    expect(() => parseSchemaRequest({})).toThrow(expect.objectContaining({ errorCode: 42201 }));
  });
});

describe('flag', () => {
  it('is true only for "true", as JAX-RS reads booleans', () => {
    expect(flag({ deleted: 'TRUE' }, 'deleted')).toBe(true);
    expect(flag({ deleted: '1' }, 'deleted')).toBe(false);
    expect(flag(undefined, 'deleted')).toBe(false);
  });
});

describe('optionsFromEnv', () => {
  it('reads every setting, with Confluent’s defaults', () => {
    expect(optionsFromEnv({ KAFKA_BROKERS: 'a:1, b:2' })).toEqual({
      brokers: ['a:1', 'b:2'],
      port: 8081,
      host: '127.0.0.1',
      topic: '_schemas',
      replicationFactor: 1,
      defaultCompatibility: undefined,
    });
    expect(
      optionsFromEnv({
        KAFKA_BROKERS: 'a:1',
        REGISTRY_PORT: '0',
        REGISTRY_HOST: '0.0.0.0',
        REGISTRY_TOPIC: '_dev_schemas',
        REGISTRY_DEFAULT_COMPATIBILITY: 'full_transitive',
        REGISTRY_REPLICATION_FACTOR: '3',
      }),
    ).toEqual({
      brokers: ['a:1'],
      port: 0,
      host: '0.0.0.0',
      topic: '_dev_schemas',
      replicationFactor: 3,
      defaultCompatibility: 'FULL_TRANSITIVE',
    });
  });

  it('fails loudly on missing brokers or bad values', () => {
    expect(() => optionsFromEnv({})).toThrow(/KAFKA_BROKERS/);
    expect(() => optionsFromEnv({ KAFKA_BROKERS: 'a:1', REGISTRY_PORT: 'http' })).toThrow(/REGISTRY_PORT/);
    expect(() => optionsFromEnv({ KAFKA_BROKERS: 'a:1', REGISTRY_DEFAULT_COMPATIBILITY: 'LOOSE' })).toThrow(
      /compatibility level/,
    );
  });
});

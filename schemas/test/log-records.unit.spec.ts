import { decodeRecord, encodeRecord, LogRecord } from '../src/registry/log-records';

describe('the _schemas record format (Confluent’s)', () => {
  it('writes keys with a fixed field order, since compaction compares their bytes', () => {
    expect(encodeRecord({ kind: 'schema', subject: 'orders-value', version: 2, value: null })).toEqual({
      key: '{"keytype":"SCHEMA","subject":"orders-value","version":2,"magic":1}',
      value: null,
    });
    expect(encodeRecord({ kind: 'config', subject: null, level: 'FULL' })).toEqual({
      key: '{"keytype":"CONFIG","subject":null,"magic":0}',
      value: '{"compatibilityLevel":"FULL"}',
    });
    expect(encodeRecord({ kind: 'delete-subject', subject: 's', version: 3 })).toEqual({
      key: '{"keytype":"DELETE_SUBJECT","subject":"s","magic":0}',
      value: '{"subject":"s","version":3}',
    });
    expect(encodeRecord({ kind: 'noop' })).toEqual({ key: '{"keytype":"NOOP","magic":0}', value: null });
  });

  it('writes schema values without a schemaType for AVRO', () => {
    const value = { subject: 's', version: 1, id: 4, schema: '"string"', deleted: true };
    expect(JSON.parse(encodeRecord({ kind: 'schema', subject: 's', version: 1, value }).value ?? 'null')).toEqual(
      value,
    );
  });

  it.each<LogRecord>([
    {
      kind: 'schema',
      subject: 's',
      version: 1,
      value: { subject: 's', version: 1, id: 4, schema: '"int"', deleted: false },
    },
    { kind: 'schema', subject: 's', version: 1, value: null },
    { kind: 'config', subject: 's', level: 'NONE' },
    { kind: 'config', subject: 's', level: null },
    { kind: 'config', subject: null, level: 'BACKWARD_TRANSITIVE' },
    { kind: 'delete-subject', subject: 's', version: 5 },
    { kind: 'noop' },
  ])('reads back what it writes: %j', (record) => {
    const { key, value } = encodeRecord(record);
    expect(decodeRecord(key, value)).toEqual(
      record.kind === 'schema' && record.value
        ? { ...record, value: { ...record.value, schemaType: undefined } }
        : record,
    );
  });

  it('reads a global config key written without its null subject, and skips what it does not know', () => {
    expect(decodeRecord('{"keytype":"CONFIG","magic":0}', '{"compatibilityLevel":"FULL"}')).toEqual({
      kind: 'config',
      subject: null,
      level: 'FULL',
    });
    expect(decodeRecord('{"keytype":"MODE","subject":null,"magic":0}', '{"mode":"READWRITE"}')).toBeUndefined();
    expect(decodeRecord('not json', null)).toBeUndefined();
    expect(decodeRecord('{"keytype":"SCHEMA","subject":"s","version":1,"magic":1}', '{"broken":true}')).toBeUndefined();
  });
});

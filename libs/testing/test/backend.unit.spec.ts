import { chooseBackend } from '../src/stack/backend';

const urls = { KAFKA_BROKERS: 'k:9092', DATABASE_URL: 'postgres://x', SCHEMA_REGISTRY_URL: 'http://r' };
const docker = (answers: boolean) => async () => answers;

describe('choosing the test stack backend', () => {
  it('uses a stack that is already running when every URL is set', async () => {
    expect((await chooseBackend(urls, docker(true))).backend).toBe('external');
  });

  it('uses Testcontainers (with Confluent Schema Registry) when Docker answers', async () => {
    expect(await chooseBackend({}, docker(true))).toEqual({
      backend: 'testcontainers',
      reason: 'a Docker engine answers',
    });
  });

  it('starts local processes when no Docker engine answers', async () => {
    expect(await chooseBackend({ KAFKA_BROKERS: 'k:9092' }, docker(false))).toEqual({
      backend: 'local',
      reason: 'no Docker engine answers',
    });
  });

  it('obeys HEXFLEET_TEST_STACK, and says what is missing', async () => {
    expect((await chooseBackend({ ...urls, HEXFLEET_TEST_STACK: 'local' }, docker(true))).backend).toBe('local');
    await expect(chooseBackend({ HEXFLEET_TEST_STACK: 'testcontainers' }, docker(false))).rejects.toThrow(
      'no Docker engine answers',
    );
    await expect(chooseBackend({ HEXFLEET_TEST_STACK: 'external' }, docker(false))).rejects.toThrow(
      'KAFKA_BROKERS, DATABASE_URL, SCHEMA_REGISTRY_URL',
    );
    await expect(chooseBackend({ HEXFLEET_TEST_STACK: 'kubernetes' }, docker(false))).rejects.toThrow('must be auto');
  });
});

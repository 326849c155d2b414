import { z } from 'zod';
import { ConfigError, loadConfig, serviceEnv } from '../src/config';

const valid = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/hrms',
  KAFKA_BROKERS: 'localhost:9092,localhost:9093',
  SCHEMA_REGISTRY_URL: 'http://localhost:8081',
  JWKS_URL: 'http://identity:3000/.well-known/jwks.json',
};

const problemsOf = (env: NodeJS.ProcessEnv, schema = serviceEnv()) => {
  try {
    loadConfig(schema, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration is validated at start and names what is wrong', () => {
  it('reads a valid environment, with defaults', () => {
    const config = loadConfig(serviceEnv(), valid);
    expect(config).toMatchObject({
      PORT: 3000,
      LOG_LEVEL: 'info',
      KAFKA_BROKERS: ['localhost:9092', 'localhost:9093'],
    });
  });

  it('names a missing variable', () => {
    expect(problemsOf({ ...valid, DATABASE_URL: undefined })).toEqual(['DATABASE_URL is required']);
  });

  it('names every bad variable at once, with what it must be', () => {
    const problems = problemsOf({ ...valid, PORT: 'eighty', KAFKA_BROKERS: 'localhost', DATABASE_URL: 'mysql://x' });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/PORT .*number/);
    expect(problems.join('\n')).toMatch(/KAFKA_BROKERS must be a comma-separated list of host:port/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL must be a postgres: or postgresql: URL/);
  });

  it('refuses to start without a way to verify tokens', () => {
    expect(problemsOf({ ...valid, JWKS_URL: undefined })).toEqual([expect.stringMatching(/^JWKS_URL is required/)]);
  });

  it("checks a service's own variables too", () => {
    const schema = serviceEnv({ OVERDUE_SCAN_MINUTES: z.coerce.number().int().positive() });
    expect(problemsOf({ ...valid, OVERDUE_SCAN_MINUTES: '-1' }, schema)).toEqual([
      expect.stringMatching(/^OVERDUE_SCAN_MINUTES /),
    ]);
    expect(loadConfig(schema, { ...valid, OVERDUE_SCAN_MINUTES: '15' }).OVERDUE_SCAN_MINUTES).toBe(15);
  });
});

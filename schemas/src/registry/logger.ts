import { logCreator, logLevel } from 'kafkajs';

export type LogFields = Record<string, unknown>;

/** What the registry logs through; small enough to adapt pino or a test spy to. */
export interface RegistryLogger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

export const silentLogger: RegistryLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** One JSON object per line, pino-style field names, so log shippers need no parser of their own. */
export function jsonLinesLogger(
  minLevel: Level = 'info',
  write: (line: string) => void = (line) => process.stdout.write(line),
): RegistryLogger {
  const threshold = LEVELS.indexOf(minLevel);
  const log = (level: Level) => (msg: string, fields?: LogFields) => {
    if (LEVELS.indexOf(level) < threshold) return;
    write(`${JSON.stringify({ time: new Date().toISOString(), level, name: 'schema-registry', msg, ...fields })}\n`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/**
 * Routes kafkajs's own logging into ours. Its errors become warnings: kafkajs
 * reports every retried request as an error (a coordinator still starting, say),
 * and the registry logs the failures that matter itself.
 */
export function kafkajsLogCreator(logger: RegistryLogger): logCreator {
  return () =>
    ({ level, log }) => {
      const { message, ...fields } = log;
      const text = `kafkajs: ${String(message)}`;
      if (level === logLevel.ERROR || level === logLevel.WARN) logger.warn(text, fields);
      else logger.debug(text, fields);
    };
}

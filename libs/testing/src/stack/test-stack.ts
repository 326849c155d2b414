import os from 'node:os';
import path from 'node:path';
import { freePortRange, startMailpit } from '@hexfleet/devstack';
import type { MailEnv, StackEnv } from '@hexfleet/devstack';
import { BackendChoice, chooseBackend, dockerEngineAnswers } from './backend';
import { startContainerStack } from './container-stack';
import { startLocalStack } from './local-stack';

export interface TestStack {
  env: StackEnv & MailEnv;
  choice: BackendChoice;
  stop(): Promise<void>;
}

/**
 * Starts (or finds) the infrastructure for one test run: real Kafka, Postgres and
 * a schema registry. Prints which backend it used, so a run's log says what it tested against.
 */
export async function startTestStack(env: NodeJS.ProcessEnv = process.env): Promise<TestStack> {
  const choice = await chooseBackend(env, dockerEngineAnswers);
  const started = Date.now();
  let stack: { env: StackEnv; stop(): Promise<void> };
  if (choice.backend === 'external') {
    const { KAFKA_BROKERS = '', DATABASE_URL = '', SCHEMA_REGISTRY_URL = '' } = env; // chooseBackend checked all three
    stack = { env: { KAFKA_BROKERS, DATABASE_URL, SCHEMA_REGISTRY_URL }, stop: async () => undefined };
  } else if (choice.backend === 'testcontainers') {
    stack = await startContainerStack();
  } else {
    stack = await startLocalStack();
  }
  const mail = await startTestMail({ ...env, ...stack.env }).catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `\n[hexfleet] test stack: ${choice.backend} (${choice.reason}), ready in ${seconds}s\n` +
      `[hexfleet]   KAFKA_BROKERS=${stack.env.KAFKA_BROKERS} SCHEMA_REGISTRY_URL=${stack.env.SCHEMA_REGISTRY_URL}\n` +
      `[hexfleet]   SMTP_URL=${mail.env.SMTP_URL} MAILPIT_URL=${mail.env.MAILPIT_URL}\n`,
  );
  const stop = async () => {
    await mail.stop().catch(() => undefined);
    await stack.stop();
  };
  return { env: { ...stack.env, ...mail.env }, stop, choice };
}

/**
 * The run's SMTP server: the one SMTP_URL and MAILPIT_URL name (a sourced `.devstack/env`: the
 * devstack's Mailpit, where tests write to addresses of their own), or the ephemeral devstack's,
 * or else a Mailpit of its own on free ports (built from its pinned Go module once per machine).
 */
async function startTestMail(env: NodeJS.ProcessEnv): Promise<{ env: MailEnv; stop(): Promise<void> }> {
  if (env.SMTP_URL && env.MAILPIT_URL) {
    return { env: { SMTP_URL: env.SMTP_URL, MAILPIT_URL: env.MAILPIT_URL }, stop: async () => undefined };
  }
  const base = await freePortRange(2);
  const logDir = path.join(os.tmpdir(), `hexfleet-mailpit-${base}`);
  return startMailpit({ smtpPort: base, uiPort: base + 1, logDir });
}

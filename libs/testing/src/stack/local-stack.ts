import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { StackEnv, StackState } from '@hexfleet/devstack';

const devstackCli = path.resolve(__dirname, '..', '..', '..', '..', 'tools', 'devstack', 'src', 'cli.ts');

/**
 * Runs the devstack supervisor in ephemeral mode: free ports, a temp folder, and
 * a pipe on its standard input. If this process dies, even by SIGKILL, the pipe
 * closes and the supervisor stops every server and deletes its folder.
 */
export async function startLocalStack(): Promise<{ env: StackEnv; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', devstackCli, 'ephemeral'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString()));

  const state = await new Promise<StackState>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve(JSON.parse(line.slice('READY '.length)) as StackState);
    });
    child.once('exit', (code) =>
      reject(new Error(`the ephemeral stack exited (${code}) before it was ready:\n${log.join('')}`)),
    );
  });

  return {
    env: state.env,
    stop: async () => {
      child.stdin.end();
      await exited;
    },
  };
}

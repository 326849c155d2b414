import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '@hexfleet/devstack';
import { sleep, waitFor } from './clock';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** Pinned like every piece of infrastructure; built from the Go module proxy on first use. */
const TOXIPROXY = 'github.com/Shopify/toxiproxy/v2/cmd/server@v2.12.0';
const BIN_DIR = path.join(ROOT, 'tools', 'chaos', '.toxiproxy');

/**
 * Shopify's Toxiproxy: a TCP proxy whose faults (latency, jitter, bandwidth, cut
 * connections) are set over its HTTP API. It stands in for `tc netem`, which needs a
 * kernel module this machine's kernel lacks. The broker advertises the proxy's port,
 * so every client's traffic, metadata included, goes through it.
 */
export class Toxiproxy {
  private constructor(
    private readonly child: ChildProcess,
    private readonly api: string,
  ) {}

  /** Builds the server once (`go install`), or says why it cannot. */
  static binary(): { path?: string; why?: string } {
    const binary = path.join(BIN_DIR, 'server');
    if (fs.existsSync(binary)) return { path: binary };
    try {
      execFileSync('go', ['install', TOXIPROXY], {
        env: { ...process.env, GOBIN: BIN_DIR },
        stdio: 'pipe',
        timeout: 600_000,
      });
      return { path: binary };
    } catch (error) {
      return { why: `go install ${TOXIPROXY} failed: ${(error as Error).message.split('\n')[0]}` };
    }
  }

  static async start(binary: string, logFile: string): Promise<Toxiproxy> {
    const port = await freePort();
    const log = fs.openSync(logFile, 'a');
    const child = spawn(binary, ['-host', '127.0.0.1', '-port', String(port)], { stdio: ['ignore', log, log] });
    fs.closeSync(log);
    const proxy = new Toxiproxy(child, `http://127.0.0.1:${port}`);
    await waitFor('toxiproxy', async () => (await fetch(`${proxy.api}/version`)).ok, 30_000);
    return proxy;
  }

  async proxy(name: string, listenPort: number, upstreamPort: number): Promise<void> {
    await this.call('POST', '/proxies', {
      name,
      listen: `127.0.0.1:${listenPort}`,
      upstream: `127.0.0.1:${upstreamPort}`,
      enabled: true,
    });
  }

  /** Delay (and jitter) on every byte, both ways. */
  async addLatency(name: string, latencyMs: number, jitterMs: number): Promise<void> {
    for (const stream of ['upstream', 'downstream']) {
      await this.call('POST', `/proxies/${name}/toxics`, {
        name: `latency-${stream}`,
        type: 'latency',
        stream,
        attributes: { latency: latencyMs, jitter: jitterMs },
      });
    }
  }

  /** Cuts a share (`toxicity`, 0..1) of new connections with a TCP reset after `afterMs`. */
  async addResets(name: string, toxicity: number, afterMs: number): Promise<void> {
    await this.call('POST', `/proxies/${name}/toxics`, {
      name: 'resets',
      type: 'reset_peer',
      stream: 'downstream',
      toxicity,
      attributes: { timeout: afterMs },
    });
  }

  async clear(name: string): Promise<void> {
    const toxics = (await (await fetch(`${this.api}/proxies/${name}/toxics`)).json()) as Array<{ name: string }>;
    for (const toxic of toxics) await this.call('DELETE', `/proxies/${name}/toxics/${toxic.name}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await Promise.race([exited, sleep(5_000)]);
  }

  private async call(method: string, route: string, body?: unknown) {
    const response = await fetch(`${this.api}${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`toxiproxy ${method} ${route}: ${response.status} ${await response.text()}`);
  }
}

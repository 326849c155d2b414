import http from 'node:http';
import { sleep } from '../measure';

/**
 * Open loop: the i-th request is due at start + i / rate whatever happened to
 * the ones before (a stalled server does not slow the generator down), and
 * `fire` gets that intended time, so latency measured from it includes any
 * wait a closed-loop client would have hidden (coordinated omission).
 */
export async function openLoop(ratePerSecond: number, durationMs: number, fire: (intendedAt: number) => void) {
  const total = Math.max(1, Math.round((ratePerSecond * durationMs) / 1000));
  const interval = 1000 / ratePerSecond;
  const start = performance.now();
  for (let sent = 0; sent < total;) {
    const now = performance.now();
    for (; sent < total && start + sent * interval <= now; sent++) fire(start + sent * interval);
    if (sent < total) await sleep(Math.max(0, start + sent * interval - performance.now()));
  }
  return total;
}

/** Keep-alive connections, as a client of a busy service would have; requests beyond them queue (and it shows). */
export const keepAliveAgent = () => new http.Agent({ keepAlive: true, maxSockets: 512 });

export function postJson(
  agent: http.Agent,
  url: URL,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

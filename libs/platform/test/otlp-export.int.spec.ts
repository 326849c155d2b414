import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

describe('traces are exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set', () => {
  it('posts finished spans, with the service name, to <endpoint>/v1/traces', async () => {
    const received: Array<{ path: string; contentType: string; body: string }> = [];
    const collector = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({
          path: request.url ?? '',
          contentType: request.headers['content-type'] ?? '',
          body: Buffer.concat(chunks).toString('utf8'),
        });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const { port } = collector.address() as AddressInfo;
    try {
      // A real node process, as a service runs: it starts tracing, ends one span and shuts down.
      // (Not spawnSync: this process's collector must keep answering meanwhile.)
      const probe = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', path.join(__dirname, 'support', 'otlp-probe.ts'), `http://127.0.0.1:${port}`],
        { encoding: 'utf8', timeout: 60_000 },
      );
      expect(probe.stderr).toBe('');
      expect(received).toHaveLength(1);
      expect(received[0].path).toBe('/v1/traces');
      expect(received[0].body).toContain('otlp-probe');
      expect(received[0].body).toContain('checkout lent a copy');
    } finally {
      collector.close();
    }
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What a Kubernetes Service does in front of a service's replicas, in a few lines: each request
 * goes to the next backend in turn; one that refuses the connection (a killed replica) is skipped,
 * as an unready endpoint would be. A request cut off mid-way (the replica died while handling it)
 * is answered 502: the caller cannot know whether it happened, and retries with its Idempotency-Key.
 */
export class RoundRobin {
  private next = 0;

  private constructor(
    private readonly server: http.Server,
    private readonly backends: () => string[],
  ) {}

  static async start(backends: () => string[]): Promise<RoundRobin> {
    const server = http.createServer();
    const balancer = new RoundRobin(server, backends);
    server.on(
      'request',
      (request: http.IncomingMessage, response: http.ServerResponse) => void balancer.handle(request, response),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return balancer;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const backends = this.backends();
    for (let tried = 0; tried < backends.length; tried++) {
      const target = new URL(request.url ?? '/', backends[this.next++ % backends.length]);
      const outcome = await forward(target, request, body, response);
      if (outcome !== 'refused') return;
    }
    if (!response.headersSent) response.writeHead(503, { 'content-type': 'application/json' });
    response.end('{"title":"no backend"}');
  }
}

function forward(
  target: URL,
  request: http.IncomingMessage,
  body: Buffer,
  response: http.ServerResponse,
): Promise<'done' | 'refused'> {
  return new Promise((resolve) => {
    const upstream = http.request(
      target,
      { method: request.method, headers: { ...request.headers, host: target.host } },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
        answer.on('end', () => resolve('done'));
        answer.on('error', () => {
          response.destroy();
          resolve('done');
        });
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') return resolve('refused');
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'application/json' });
      response.end('{"title":"backend cut off"}');
      resolve('done');
    });
    upstream.end(body);
  });
}

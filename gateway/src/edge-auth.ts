import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { TokenVerifier } from '@hexfleet/platform';
import type { CallerContext } from './upstreams';

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The token is checked here before anything reaches a service, and each service checks it again. */
export class EdgeAuth {
  constructor(private readonly verifier: TokenVerifier) {}

  /** The caller from `authorization: Bearer ...` (or the same in a WebSocket's connection_init payload). */
  async callerFrom(headers: Record<string, string | string[] | undefined>): Promise<CallerContext> {
    const authorization = header(headers.authorization ?? headers.Authorization) ?? '';
    const match = /^Bearer ([^\s]+)$/i.exec(authorization);
    if (!match) throw new EdgeUnauthorized('A bearer token is required');
    const principal = await this.verifier.verify(match[1]).catch(() => {
      throw new EdgeUnauthorized('The bearer token is missing, expired or not ours');
    });
    return {
      token: principal.token,
      tenant: principal.tenant,
      userId: principal.userId,
      roles: [...principal.roles],
      correlationId: header(headers['x-correlation-id']) ?? randomUUID(),
      consistencyToken: header(headers['x-consistency-token']),
      idempotencyKey: header(headers['idempotency-key']),
    };
  }

  callerOf(request: FastifyRequest) {
    return this.callerFrom(request.headers);
  }
}

export class EdgeUnauthorized extends Error {
  readonly statusCode = 401;
  readonly code = 'unauthorized';
}

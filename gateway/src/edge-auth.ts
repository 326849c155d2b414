import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { TokenVerifier } from '@hexfleet/platform';
import type { CallerContext, RequestMeta } from './upstreams';

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The token is checked here before anything reaches a service, and each service checks it again. */
export class EdgeAuth {
  constructor(private readonly verifier: TokenVerifier) {}

  /** The caller from `authorization: Bearer ...` (or the same in a WebSocket's connection_init payload). */
  async callerFrom(headers: Record<string, string | string[] | undefined>, clientIp?: string): Promise<CallerContext> {
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
      ...metaFrom(headers, clientIp),
    };
  }

  callerOf(request: FastifyRequest) {
    return this.callerFrom(request.headers, request.ip);
  }
}

/** What every call carries on, with or without a token. */
export function metaFrom(headers: Record<string, string | string[] | undefined>, clientIp?: string): RequestMeta {
  return {
    correlationId: header(headers['x-correlation-id']) ?? randomUUID(),
    consistencyToken: header(headers['x-consistency-token']),
    idempotencyKey: header(headers['idempotency-key']),
    clientIp,
  };
}

/** Whether the request carries credentials at all (GraphQL lets a request without them reach its public fields). */
export const hasCredentials = (headers: Record<string, string | string[] | undefined>) =>
  Boolean(header(headers.authorization ?? headers.Authorization));

export class EdgeUnauthorized extends Error {
  readonly statusCode = 401;
  readonly code = 'unauthorized';
}

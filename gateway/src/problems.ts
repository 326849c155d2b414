import type { FastifyReply } from 'fastify';

const PROBLEM_BASE = 'https://hexfleet.dev/problems/';

/** RFC 9457 problem+json from the gateway itself (the services send their own). */
export function sendProblem(reply: FastifyReply, status: number, code: string, title: string, detail?: string) {
  return reply
    .status(status)
    .header('content-type', 'application/problem+json')
    .send({
      type: `${PROBLEM_BASE}${code}`,
      title,
      status,
      code,
      ...(detail ? { detail } : {}),
      instance: reply.request.url,
    });
}

/** Errors raised around a proxied call (rate limit, unreachable service, bad framing) as problems. */
export function sendErrorAsProblem(
  reply: FastifyReply,
  error: { statusCode?: number; status?: number; message: string },
) {
  const status = error.statusCode ?? error.status ?? 500;
  if (status >= 500 && status !== 502 && status !== 503 && status !== 504) {
    return sendProblem(reply, 500, 'internal-error', 'Internal error', 'Something went wrong on our side.');
  }
  const code = CODES[status] ?? (status >= 500 ? 'upstream-unavailable' : 'bad-request');
  const title = code.charAt(0).toUpperCase() + code.slice(1).replace(/-/g, ' ');
  return sendProblem(reply, status, code, title, error.message);
}

const CODES: Record<number, string> = {
  401: 'unauthorized',
  404: 'not-found',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
  502: 'upstream-unavailable',
  503: 'upstream-unavailable',
  504: 'upstream-timeout',
};

/**
 * The proxy could not get an answer from a service: 504 when it timed out, 502 otherwise (refused,
 * reset, closed mid-answer). The same codes the GraphQL path gives (upstreams.ts).
 */
export function sendUpstreamFailure(
  reply: FastifyReply,
  module: string,
  error: Error & { statusCode?: number; code?: string },
) {
  const timedOut = error.statusCode === 504; // the proxy's gateway and connect timeouts
  reply.request.log.warn({ module, error: error.code }, 'upstream did not answer');
  return timedOut
    ? sendProblem(reply, 504, 'upstream-timeout', 'Upstream timeout', `${module} did not answer in time`)
    : sendProblem(reply, 502, 'upstream-unavailable', 'Upstream unavailable', `${module} did not answer`);
}

import type { OpenAPIObject } from '@nestjs/swagger';

/** The problem+json body every error answer has (problem.ts's `Problem`). */
const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'Stable and kebab-case: what clients switch on' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
    traceId: { type: 'string' },
  },
};

const ANSWERS: Record<string, { description: string; when: (method: string) => boolean }> = {
  '400': { description: 'Malformed or invalid request (`validation-failed` names each field)', when: () => true },
  '401': { description: 'No valid bearer token', when: () => true },
  '403': { description: "The caller's roles do not allow this", when: () => true },
  '404': { description: "Not found in the caller's tenant", when: () => true },
  '409': { description: 'Refused by the current state (the code says which rule)', when: (m) => m !== 'get' },
  '413': { description: 'Payload too large', when: (m) => m !== 'get' },
  '422': { description: 'Invalid in itself, such as a date that does not exist (the code says why)', when: () => true },
  '429': { description: 'Too many requests; see Retry-After', when: () => true },
};

/**
 * Documents the error answers every operation can give (the platform's, whatever the
 * controller), as problem+json, so that clients and contract testers (Schemathesis's
 * status-code and schema checks) find every answer in the document.
 */
export function documentProblems(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, Problem: PROBLEM_SCHEMA };
  const content = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  for (const operations of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (typeof operation !== 'object' || !operation || !('responses' in operation)) continue;
      for (const [status, { description, when }] of Object.entries(ANSWERS)) {
        if (when(method) && !operation.responses[status]) operation.responses[status] = { description, content };
      }
    }
  }
  return document;
}

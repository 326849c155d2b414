import { badInputCases, problemNames } from '../src';
import type { OpenApiDocument } from '../src';

// A two-operation document in the shape @nestjs/swagger writes.
const document: OpenApiDocument = {
  paths: {
    '/things/{thingId}/parts': {
      post: {
        parameters: [{ name: 'thingId', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/PartBody' } } } },
      },
      get: {
        parameters: [
          { name: 'thingId', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 10 } },
        ],
      },
    },
    '/kinds': { get: {} },
  },
  components: {
    schemas: {
      PartBody: {
        type: 'object',
        required: ['name', 'size'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 5, example: 'bolt' },
          size: { allOf: [{ $ref: '#/components/schemas/Size' }] },
        },
      },
      Size: {
        type: 'object',
        required: ['mm'],
        properties: { mm: { type: 'integer', minimum: 1, example: 8 } },
      },
    },
  },
};

describe('badInputCases: one broken thing per request, from the OpenAPI document', () => {
  const { cases, operations, inputless } = badInputCases(document, { thingId: 'a-real-id' });
  const of = (operation: string) => cases.filter((c) => c.operation === operation).map((c) => `${c.field}: ${c.why}`);

  it('given every operation, then each is walked or listed as taking no input', () => {
    expect(operations).toEqual(['GET /things/{thingId}/parts', 'POST /things/{thingId}/parts', 'GET /kinds']);
    expect(inputless).toEqual(['GET /kinds']);
  });

  it('given a path id, query bounds and a nested body, then each is broken alone inside a valid request', () => {
    expect(of('GET /things/{thingId}/parts')).toEqual([
      'thingId: not a UUID',
      'limit: not a number',
      'limit: not an integer',
      'limit: below the minimum',
      'limit: above the maximum',
    ]);
    expect(of('POST /things/{thingId}/parts')).toEqual([
      'thingId: not a UUID',
      ': malformed JSON',
      ': an array, not an object',
      'unexpectedField: unknown field',
      'name: missing',
      'name: not a string',
      'name: too short',
      'name: too long',
      'size: missing',
      'size: not an object',
      'size.mm: missing',
      'size.mm: not a number',
      'size.mm: not an integer',
      'size.mm: below the minimum',
    ]);
    const nested = cases.find((c) => c.field === 'size.mm' && c.why === 'below the minimum');
    expect(nested).toMatchObject({ path: '/things/a-real-id/parts', body: { name: 'bolt', size: { mm: 0 } } });
    expect(cases.find((c) => c.why === 'above the maximum')?.path).toBe('/things/a-real-id/parts?limit=11');
  });

  it('given a problem body, then it names a field by its path or, for a domain detail, its last segment', () => {
    expect(problemNames({ errors: [{ field: 'size.mm', message: 'too small' }] }, 'size.mm')).toBe(true);
    expect(problemNames({ code: 'invalid-date', field: 'mm' }, 'size.mm')).toBe(true);
    expect(problemNames({ errors: [{ field: 'name', message: 'too long' }] }, 'size.mm')).toBe(false);
  });
});

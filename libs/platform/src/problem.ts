import {
  ArgumentMetadata,
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  ValidationError,
  ValidationPipe,
  Param,
  ParseUUIDPipe,
} from '@nestjs/common';
import { ConcurrencyError } from '@hexfleet/eventing';
import { isDomainError } from '@hexfleet/kernel';
import { trace } from '@opentelemetry/api';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** RFC 9457 problem details, the body of every error response. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Stable, kebab-case: what clients switch on (a DomainError's code, or `validation-failed`, ...). */
  code: string;
  instance?: string;
  /** For `validation-failed`: each offending field, by its path in the request. */
  errors?: Array<{ field: string; message: string }>;
  traceId?: string;
}

const PROBLEM_BASE = 'https://hexfleet.dev/problems/';

/** Request validation failed: 400 naming each field. Thrown by the platform's validation pipe. */
export class ValidationProblem extends BadRequestException {
  constructor(readonly fields: Array<{ field: string; message: string }>) {
    super(`invalid ${fields.map((f) => f.field).join(', ')}`);
  }
}

/** class-validator's errors as the 400's `errors`: each offending field by its path in the request. */
export const validationFields = (errors: ValidationError[], prefix = ''): Array<{ field: string; message: string }> =>
  errors.flatMap((error) => {
    // No property: the whole value was refused (a DELETE or PUT sent without its body).
    const field = prefix ? `${prefix}.${error.property}` : error.property || 'body';
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...validationFields(error.children ?? [], field)];
  });

const SCALARS: unknown[] = [Object, Array, String, Number, Boolean];

/**
 * class-validator on every body, query and parameter object: unknown fields are
 * refused, and the 400 names each bad field. A body that is JSON but no object
 * (a list, a string, null) is refused as a whole: class-validator would pass
 * it (a list of bodies, or an empty one where every field is optional) on to
 * the handler. No body at all stays allowed where every field is optional.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    const declared = typeof metadata.metatype === 'function' && !SCALARS.includes(metadata.metatype);
    const notAnObject = value === null || typeof value !== 'object' || Array.isArray(value);
    if (metadata.type === 'body' && declared && value !== undefined && notAnObject)
      throw new ValidationProblem([{ field: 'body', message: 'the body must be a JSON object' }]);
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof HttpException) throw error;
      // class-transformer itself fails on some shapes it does not expect, such as a list of nulls
      // where a nested object is declared ("newValue.push is not a function"): bad input all the
      // same, though it cannot say which field (found by the Schemathesis sweep).
      throw new ValidationProblem([
        { field: metadata.data ?? metadata.type, message: 'has a shape this API does not accept' },
      ]);
    }
  }
}

export const validationPipe = () =>
  new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new ValidationProblem(validationFields(errors)),
  });

/**
 * A UUID path parameter: anything else is the same 400 `validation-failed` as a
 * bad body field, naming the parameter (Nest's ParseUUIDPipe alone names none).
 */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new ValidationProblem([{ field: name, message: `${name} must be a UUID` }]),
    }),
  );

export interface ProblemOptions {
  /** DomainError codes answered 422 (the command is invalid in itself); every other code is a 409 conflict with state. */
  unprocessable?: readonly string[];
  /**
   * DomainError codes (or patterns) answered 404 `not-found`: the thing does not
   * exist in the caller's tenant, and another tenant's looks the same as a made-up id.
   */
  notFound?: ReadonlyArray<string | RegExp>;
}

/**
 * Maps whatever a handler throws to problem+json. A broken rule is a 409 (or
 * 422) with its code; a lost race is a 409; anything unknown is a 500 whose body
 * says nothing about internals (the log and the trace have the details).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');
  private readonly unprocessable: ReadonlySet<string>;
  private readonly notFound: ReadonlyArray<string | RegExp>;

  constructor(options: ProblemOptions = {}) {
    this.unprocessable = new Set(options.unprocessable ?? []);
    this.notFound = options.notFound ?? [];
  }

  catch(exception: unknown, host: ArgumentsHost) {
    // Not an HTTP exchange (a GraphQL resolver, say): its own layer renders the error.
    if (host.getType() !== 'http') return exception;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const problem = { ...this.toProblem(exception), instance: request.url };
    const traceId = trace.getActiveSpan()?.spanContext().traceId;
    if (traceId) problem.traceId = traceId;
    if (problem.status >= 500) this.logger.error((exception as Error)?.stack ?? String(exception));
    void reply.status(problem.status).header('content-type', 'application/problem+json').send(problem);
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof ValidationProblem) {
      return problem(400, 'validation-failed', 'The request is invalid', exception.message, exception.fields);
    }
    if (isDomainError(exception)) {
      const { code } = exception;
      if (this.notFound.some((match) => (typeof match === 'string' ? match === code : match.test(code)))) {
        return problem(404, 'not-found', 'Not found', code);
      }
      const status = this.unprocessable.has(exception.code) ? 422 : 409;
      // Details are extension members; the standard members win over a detail of the same name.
      return { ...exception.details, ...problem(status, exception.code, titleOf(exception.code), exception.message) };
    }
    if (exception instanceof ConcurrencyError) {
      return problem(409, 'concurrent-modification', 'Someone else changed this first', 'Read it again and retry.');
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const detail = typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? '');
      return problem(status, codeOf(status), HttpStatus[status] ? titleOf(HttpStatus[status]) : 'Error', detail);
    }
    return problem(500, 'internal-error', 'Internal error', 'Something went wrong on our side.');
  }
}

function problem(status: number, code: string, title: string, detail?: string, errors?: Problem['errors']): Problem {
  return {
    type: `${PROBLEM_BASE}${code}`,
    title,
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
  };
}

const titleOf = (code: string) => {
  const words = code.toLowerCase().replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const codeOf = (status: number) => (HttpStatus[status] ?? 'error').toLowerCase().replace(/_/g, '-');

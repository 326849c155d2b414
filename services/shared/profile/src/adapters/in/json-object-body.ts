import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { ValidationProblem } from '@hexfleet/platform';

/**
 * Commands take a JSON object. A list, a string, `null` or no body at all is
 * refused here as a 400 naming `body`: interceptors run before the validation
 * pipe, which would otherwise name a list's `0` or let a string through.
 */
@Injectable()
export class JsonObjectBody implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    const { body } = context.switchToHttp().getRequest<{ body?: unknown }>();
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new ValidationProblem([{ field: 'body', message: 'the body must be a JSON object' }]);
    return next.handle();
  }
}

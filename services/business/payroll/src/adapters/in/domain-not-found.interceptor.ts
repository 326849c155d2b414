import { CallHandler, ExecutionContext, Injectable, NestInterceptor, NotFoundException } from '@nestjs/common';
import { isDomainError } from '@hexfleet/kernel';
import { catchError, Observable, throwError } from 'rxjs';

/**
 * A stream that does not exist in the caller's tenant is a 404, not a 409:
 * streams are keyed by the token's tenant, so another tenant's record is
 * simply not found, and the answer must not differ from a made-up id.
 */
@Injectable()
export class DomainNotFoundInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() =>
            isDomainError(error) && (error.code.endsWith('-not-found') || error.code === 'employee-not-enrolled')
              ? new NotFoundException(error.code)
              : error,
          ),
        ),
      );
  }
}

import { Injectable, Param, type PipeTransform } from '@nestjs/common';
import { isUuid } from '@hexfleet/kernel';
import { ValidationProblem } from '@hexfleet/platform';
import { ValidateBy } from 'class-validator';

/** Users are identity's UUIDs: the same check as the domain's, so a 400 here is never a 422 there. */
export const IsUserId = () =>
  ValidateBy({
    name: 'isUserId',
    validator: { validate: isUuid, defaultMessage: (args) => `${args?.property ?? 'value'} must be a UUID` },
  });

@Injectable()
class UserIdPipe implements PipeTransform<string, string> {
  constructor(private readonly field: string) {}

  transform(value: string): string {
    if (!isUuid(value)) throw new ValidationProblem([{ field: this.field, message: `${this.field} must be a UUID` }]);
    return value;
  }
}

/** A user id in the path, refused as a 400 naming the parameter (Nest's ParseUUIDPipe names none). */
export const UserIdParam = (name: string) => Param(name, new UserIdPipe(name));

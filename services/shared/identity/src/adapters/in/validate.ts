import { ValidationProblem, validationFields } from '@hexfleet/platform';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

/** The platform pipe's rules (unknown fields refused, 400 naming each), for input a route picks itself. */
export async function validated<T extends object>(type: new () => T, plain: unknown): Promise<T> {
  const instance = plainToInstance(type, plain ?? {});
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw new ValidationProblem(validationFields(errors));
  return instance;
}

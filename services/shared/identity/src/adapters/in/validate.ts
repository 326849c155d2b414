import { ValidationProblem } from '@hexfleet/platform';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';

const fieldsOf = (errors: ValidationError[], prefix = ''): Array<{ field: string; message: string }> =>
  errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    return [
      ...Object.values(e.constraints ?? {}).map((message) => ({ field, message })),
      ...fieldsOf(e.children ?? [], field),
    ];
  });

/** The platform pipe's rules (unknown fields refused, 400 naming each), for input a route picks itself. */
export async function validated<T extends object>(type: new () => T, plain: unknown): Promise<T> {
  const instance = plainToInstance(type, plain ?? {});
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw new ValidationProblem(fieldsOf(errors));
  return instance;
}

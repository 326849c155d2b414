import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength, ValidateBy } from 'class-validator';
import { TENANT_SLUG_RULE, TenantId } from '@hexfleet/kernel';
import { normalizeLoginId } from '../../domain';

/**
 * A tenant slug, checked by TenantId itself (pattern and reserved names), so a 400 here is the
 * same rule as the domain's: what every public route names its tenant by. `field` names it in
 * the message (`tenant`, or `slug` when provisioning).
 */
export const TenantSlug = (field = 'tenant') =>
  applyDecorators(
    ApiProperty({ example: 'acme', pattern: '^[a-z][a-z0-9]{2,30}$', description: TENANT_SLUG_RULE }),
    IsString(),
    ValidateBy({
      name: 'isTenantSlug',
      validator: {
        validate: (value: unknown) => TenantId.isValid(value),
        defaultMessage: () => TENANT_SLUG_RULE.replace(/^tenant/, field),
      },
    }),
  );

/** An email the domain accepts as a login id (same rule, so a 400 here never becomes a 409 later). */
export const LoginEmail = () =>
  applyDecorators(
    ApiProperty({ example: 'ana@example.org' }),
    IsString(),
    MaxLength(254),
    ValidateBy({
      name: 'isLoginId',
      validator: {
        validate: (value: unknown) => {
          try {
            return typeof value === 'string' && normalizeLoginId(value).length > 0;
          } catch {
            return false;
          }
        },
        defaultMessage: () => 'email must be an email address',
      },
    }),
  );

/** A new password: NIST SP 800-63B's floor of 8, and a ceiling that keeps the KDF's input sane. */
export const NewPassword = () =>
  applyDecorators(ApiProperty({ minLength: 8, maxLength: 256 }), IsString(), MinLength(8), MaxLength(256));

export const DisplayName = () =>
  applyDecorators(
    ApiProperty({ example: 'Ana Lima' }),
    IsString(),
    Matches(/\S/, { message: 'displayName must not be blank' }),
    MaxLength(200),
  );

/** A one-time token from a mail or a refresh token: opaque, bounded. */
export const OpaqueToken = () => applyDecorators(ApiProperty(), IsString(), MinLength(1), MaxLength(512));

export const TotpCode = () =>
  applyDecorators(ApiProperty({ example: '123456' }), IsString(), Matches(/^\d{6}$/, { message: 'must be 6 digits' }));

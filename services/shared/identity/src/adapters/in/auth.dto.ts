import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DisplayName, LoginEmail, NewPassword, OpaqueToken, TenantSlug } from './fields';

export class LoginBody {
  @TenantSlug() tenant!: string;
  @LoginEmail() email!: string;
  // Any length a user might once have chosen: a wrong one is a 401, not a 400.
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1024) password!: string;
  @ApiPropertyOptional({ description: 'The current TOTP code, when the account has a second factor' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}$/, { message: 'totp must be 6 digits' })
  totp?: string;
}

export class RefreshBody {
  @TenantSlug() tenant!: string;
  @OpaqueToken() refreshToken!: string;
}

export class RegisterBody {
  @TenantSlug() tenant!: string;
  @LoginEmail() email!: string;
  @DisplayName() displayName!: string;
  @NewPassword() password!: string;
}

/** Accepting an invitation or confirming a reset: the mail's token and the new password. */
export class LinkPasswordBody {
  @TenantSlug() tenant!: string;
  @OpaqueToken() token!: string;
  @NewPassword() password!: string;
}

export class LinkBody {
  @TenantSlug() tenant!: string;
  @OpaqueToken() token!: string;
}

export class TenantEmailBody {
  @TenantSlug() tenant!: string;
  @LoginEmail() email!: string;
}

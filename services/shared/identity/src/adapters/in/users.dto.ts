import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DisplayName, LoginEmail, TotpCode } from './fields';

/** A role over one scope: no id is the whole tenant, else a school or a group (exactly one). */
export class GrantBody {
  @ApiProperty({ example: 'teacher' }) @IsString() @MinLength(1) @MaxLength(40) role!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID()
  schoolId?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID()
  groupId?: string | null;
}

export class InviteBody {
  @LoginEmail() email!: string;
  @DisplayName() displayName!: string;
  @ApiProperty({ type: [GrantBody] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => GrantBody)
  grants!: GrantBody[];
}

export class UserIdParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
}

export class DeactivateBody {
  @ApiPropertyOptional({ nullable: true, maxLength: 500 })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

export class PageQuery {
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

export class UsersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the email or name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ enum: ['active', 'deactivated'] })
  @IsOptional()
  @IsIn(['active', 'deactivated'])
  status?: string;
}

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() userId?: string;
}

export class TotpCodeBody {
  @TotpCode() code!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { BatchIds, LimitField, OffsetField } from './query.dto';

export class CheckoutBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() copyId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() patronId!: string;
}

export class PaymentBody {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100_000_000, example: 500 })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  amountMinor!: number;
  @ApiProperty({ example: 'INR', description: 'ISO 4217' }) @IsISO4217CurrencyCode() currency!: string;
}

/** A borrowed copy reported lost: what replacing it costs, on top of the fine for the days late so far. */
export class LostBody {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100_000_000, example: 45000 })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  replacementFeeMinor!: number;
  @ApiProperty({ example: 'INR', description: "ISO 4217; the loan's fine currency" })
  @IsISO4217CurrencyCode()
  currency!: string;
}

export class RegisterPatronBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() schoolId!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 128,
    description: 'The identity user, when the patron can sign in',
    example: 'user-asha',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(128)
  userId?: string | null;
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Asha Rao' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
  @ApiProperty({ minLength: 1, maxLength: 40, example: 'student' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  category!: string;
}

export class CategoryBody {
  @ApiProperty({ minLength: 1, maxLength: 40, example: 'teacher' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  category!: string;
}

export class LoansQuery {
  @ApiPropertyOptional({ enum: ['active', 'returned', 'lost'] })
  @IsOptional()
  @IsIn(['active', 'returned', 'lost'])
  status?: string;
  @LimitField() limit?: number;
  @OffsetField() offset?: number;
}

export class PatronsQuery {
  @BatchIds('patron') ids!: string[];
}

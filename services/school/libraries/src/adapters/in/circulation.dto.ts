import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsOptional,
  IsString,
  IsUUID,
  Min,
  MinLength,
  MaxLength,
  ValidateIf,
} from 'class-validator';

export class CheckoutBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() copyId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() patronId!: string;
}

export class PaymentBody {
  @ApiProperty({ example: 500 }) @IsInt() @Min(1) amountMinor!: number;
  @ApiProperty({ example: 'INR' }) @IsISO4217CurrencyCode() currency!: string;
}

export class RegisterPatronBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() schoolId!: string;
  @ApiPropertyOptional({ nullable: true, description: 'The identity user, when the patron can sign in' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(128)
  userId?: string | null;
  @ApiProperty({ example: 'Asha Rao' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ example: 'student' }) @IsString() @MinLength(1) @MaxLength(40) category!: string;
}

export class LoansQuery {
  @ApiPropertyOptional({ enum: ['active', 'returned', 'lost'] })
  @IsOptional()
  @IsIn(['active', 'returned', 'lost'])
  status?: string;
}

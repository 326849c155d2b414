import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class DefineComponentBody {
  @ApiProperty({ example: 'BASIC', description: 'What formulas name: A-Z, 0-9, _' })
  @IsString()
  @MaxLength(20)
  code!: string;
  @ApiProperty({ example: 'Basic salary' }) @IsString() @MaxLength(100) name!: string;
  @ApiProperty({ enum: ['earning', 'deduction'] }) @IsIn(['earning', 'deduction']) kind!: 'earning' | 'deduction';
}

export class SalaryLineBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() componentId!: string;
  @ApiProperty({ enum: ['fixed', 'percent_of_base', 'percent_of_component'] })
  @IsIn(['fixed', 'percent_of_base', 'percent_of_component'])
  method!: 'fixed' | 'percent_of_base' | 'percent_of_component';
  @ApiPropertyOptional({ description: 'fixed: amount in minor units' }) @IsOptional() @IsInt() amountMinor?: number;
  @ApiPropertyOptional({ description: 'percent methods: basis points (10000 = 100%)' })
  @IsOptional()
  @IsInt()
  basisPoints?: number;
  @ApiPropertyOptional({ description: 'percent_of_component: code of a line above' })
  @IsOptional()
  @IsString()
  ofComponent?: string;
  @ApiPropertyOptional({ default: true, description: 'Scaled by payment days' })
  @IsOptional()
  @IsBoolean()
  prorated?: boolean;
}

export class DefineStructureBody {
  @ApiProperty({ example: 'Engineering 2026' }) @IsString() @MaxLength(100) name!: string;
  @ApiProperty({ example: 'EUR' }) @IsString() @Length(3, 3) currency!: string;
  @ApiProperty({ type: [SalaryLineBody] })
  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Type(() => SalaryLineBody)
  lines!: SalaryLineBody[];
}

export class AssignStructureBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() structureId!: string;
  @ApiProperty({ example: '2026-03-02' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  fromDate!: string;
  @ApiProperty({ example: 310000, description: 'Monthly base, minor units' }) @IsInt() @Min(0) baseMinor!: number;
}

export class CreateRunBody {
  @ApiProperty({ example: '2026-04' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be YYYY-MM' })
  period!: string;
  @ApiProperty({ example: 'EUR' }) @IsString() @Length(3, 3) currency!: string;
}

export class ReasonBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ISO_DATE } from './employee.dto';

const DATE = { message: 'must be a date YYYY-MM-DD' };

export class DefineLeaveTypeBody {
  @ApiProperty({ example: 'Casual leave' }) @IsString() @MaxLength(100) name!: string;
  @ApiProperty({ description: 'Unpaid leave reduces payment days in payroll' }) @IsBoolean() unpaid!: boolean;
}

export class HolidayBody {
  @ApiProperty({ example: '2026-12-25' }) @Matches(ISO_DATE, DATE) date!: string;
  @ApiPropertyOptional({ example: 'Christmas' }) @IsOptional() @IsString() @MaxLength(100) description?: string;
}

export class PublishHolidayListBody {
  @ApiProperty({ example: 'Holidays 2026' }) @IsString() @MaxLength(100) name!: string;
  @ApiProperty({ example: '2026-01-01' }) @Matches(ISO_DATE, DATE) fromDate!: string;
  @ApiProperty({ example: '2026-12-31' }) @Matches(ISO_DATE, DATE) toDate!: string;
  @ApiProperty({ type: [HolidayBody] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(400)
  @Type(() => HolidayBody)
  holidays!: HolidayBody[];
}

export class ReviseHolidaysBody {
  @ApiProperty({ type: [HolidayBody] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(400)
  @Type(() => HolidayBody)
  holidays!: HolidayBody[];
}

export class AllocateLeaveBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() employeeId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() leaveTypeId!: string;
  @ApiProperty({ example: 2026 }) @IsInt() @Min(1900) @Max(9999) year!: number;
  @ApiProperty({ example: 12, description: 'Days, in halves; negative corrects an earlier allocation' })
  @IsNumber()
  days!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class BalancesQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() employeeId?: string;
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() year?: number;
}

export class ApplyForLeaveBody {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the caller; HR or a manager may name another' })
  @IsOptional()
  @IsUUID()
  employeeId?: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() leaveTypeId!: string;
  @ApiProperty({ example: '2026-04-06' }) @Matches(ISO_DATE, DATE) fromDate!: string;
  @ApiProperty({ example: '2026-04-07' }) @Matches(ISO_DATE, DATE) toDate!: string;
  @ApiPropertyOptional({ description: 'One day of the leave taken as a half day' })
  @IsOptional()
  @Matches(ISO_DATE, DATE)
  halfDayDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class DecisionBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class LeaveRequestsQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() employeeId?: string;
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected', 'cancelled'] })
  @IsOptional()
  @IsIn(['pending', 'approved', 'rejected', 'cancelled'])
  status?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class CalendarQuery {
  @ApiProperty({ example: '2026-04-01' }) @Matches(ISO_DATE, DATE) fromDate!: string;
  @ApiProperty({ example: '2026-04-30' }) @Matches(ISO_DATE, DATE) toDate!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) department?: string;
}

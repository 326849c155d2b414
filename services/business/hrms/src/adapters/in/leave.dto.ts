import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNumber, Max, Min, ValidateBy, ValidateNested } from 'class-validator';
import { PageQuery } from './employee.dto';
import { BooleanField, DateField, EnumField, IntField, TextField, UuidField } from './fields';

export class DefineLeaveTypeBody {
  @TextField(100, { example: 'Casual leave' }) name!: string;
  @BooleanField({ description: 'Unpaid leave reduces payment days in payroll', example: false }) unpaid!: boolean;
}

export class HolidayBody {
  @DateField({ example: '2026-12-25' }) date!: string;
  @TextField(100, { example: 'Christmas', optional: true }) description?: string;
}

const Holidays = () =>
  applyDecorators(
    ApiProperty({ type: [HolidayBody], maxItems: 400 }),
    IsArray(),
    ArrayMaxSize(400),
    ValidateNested({ each: true }),
    Type(() => HolidayBody),
  );

export class PublishHolidayListBody {
  @TextField(100, { example: 'Holidays 2026' }) name!: string;
  @DateField({ example: '2026-01-01' }) fromDate!: string;
  @DateField({ example: '2026-12-31' }) toDate!: string;
  @Holidays() holidays!: HolidayBody[];
}

export class ReviseHolidaysBody {
  @Holidays() holidays!: HolidayBody[];
}

/** class-validator's IsDivisibleBy truncates its divisor to an integer, so halves need their own rule. */
const InHalves = () =>
  ValidateBy({
    name: 'inHalves',
    validator: {
      validate: (value) => typeof value === 'number' && Number.isInteger(value * 2),
      defaultMessage: (args) => `${args?.property} must be a whole or half number of days`,
    },
  });

export class AllocateLeaveBody {
  @UuidField() employeeId!: string;
  @UuidField() leaveTypeId!: string;
  @IntField(1900, 9999, { example: 2026 }) year!: number;
  @ApiProperty({
    example: 12,
    minimum: -366,
    maximum: 366,
    multipleOf: 0.5,
    description: 'Days, in halves; negative corrects an earlier allocation',
  })
  @IsNumber()
  @InHalves()
  @Min(-366)
  @Max(366)
  days!: number;
  @TextField(500, { optional: true }) note?: string;
}

export class BalancesQuery {
  @UuidField({ optional: true }) employeeId?: string;
  @IntField(1900, 9999, { optional: true, query: true, example: 2026 }) year?: number;
}

export class ApplyForLeaveBody {
  @UuidField({ optional: true, description: 'Defaults to the caller; HR or a manager may name another' })
  employeeId?: string;
  @UuidField() leaveTypeId!: string;
  @DateField({ example: '2026-04-06' }) fromDate!: string;
  @DateField({ example: '2026-04-07' }) toDate!: string;
  @DateField({ optional: true, description: 'One day of the leave taken as a half day' }) halfDayDate?: string;
  @TextField(500, { optional: true }) reason?: string;
}

export class DecisionBody {
  @TextField(500, { optional: true }) reason?: string;
}

export class LeaveRequestsQuery extends PageQuery {
  @UuidField({ optional: true }) employeeId?: string;
  @EnumField(['pending', 'approved', 'rejected', 'cancelled'], { optional: true })
  status?: 'pending' | 'approved' | 'rejected' | 'cancelled';
}

export class CalendarQuery {
  @DateField({ example: '2026-04-01' }) fromDate!: string;
  @DateField({ example: '2026-04-30' }) toDate!: string;
  @TextField(100, { optional: true }) department?: string;
}

import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { BooleanField, DateField, PatternField, TextField, UuidField } from '@hexfleet/platform';

// Each field is documented (OpenAPI) and validated (400 naming it) by one decorator.

const CODE = /^[A-Z0-9]{1,4}$/;
const CodeField = () => PatternField(CODE, '1 to 4 upper-case letters or digits', { example: 'A' });

/** The most students one marking names: a group is far smaller. */
export const MAX_MARKS = 500;

export class RegisterParams {
  @UuidField({ description: 'The Admin class session' }) sessionId!: string;
  @DateField({ example: '2026-11-30', description: 'The day of the lesson; not in the future' }) date!: string;
}

export class MarkLine {
  @UuidField() studentId!: string;
  @CodeField() code!: string;
}

export class MarkRegisterBody {
  @BooleanField({
    description: 'Every student of the group that day not named in marks (nor marked before) is marked present',
  })
  allPresent!: boolean;
  @applyDecorators(
    ApiProperty({ type: [MarkLine], maxItems: MAX_MARKS, description: 'The exceptions, one per student' }),
    IsArray(),
    ArrayMaxSize(MAX_MARKS),
    ValidateNested({ each: true }),
    Type(() => MarkLine),
  )
  marks!: MarkLine[];
}

export class CorrectionBody {
  @UuidField() studentId!: string;
  @CodeField() code!: string;
  @TextField(500, {
    optional: true,
    example: "Doctor's note",
    description: 'Why; required once the register is locked',
  })
  reason?: string | null;
}

export class DayQuery {
  @DateField({ example: '2026-11-30' }) date!: string;
  @UuidField({ optional: true, description: "Another teacher's lessons (the school's admins); left out: the caller's" })
  teacherUserId?: string;
}

export class RangeQuery {
  @DateField({ example: '2026-11-01' }) from!: string;
  @DateField({ example: '2026-11-30', description: 'Not before from, at most 366 days after it' }) to!: string;
}

export class StudentParams {
  @UuidField({ description: 'The Admin student' }) studentId!: string;
}

export class SchoolParams {
  @UuidField({ description: 'The school (HQ)' }) schoolId!: string;
}

export class GroupParams {
  @UuidField({ description: 'The Admin group' }) groupId!: string;
}

export class LeaveBody {
  @UuidField({ description: 'A student of the group on fromDate' }) studentId!: string;
  @DateField({ example: '2026-12-14' }) fromDate!: string;
  @DateField({ example: '2026-12-16', description: 'Inclusive; not before fromDate, under 60 days after it' })
  toDate!: string;
  @TextField(500, { example: 'Family wedding (asked by the mother)' }) reason!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn } from 'class-validator';
import { DateField, TextField, UuidField } from '@hexfleet/platform';
import { MAX_TRANSFER_REASON, STAFF_ROLES } from '../../domain';

export class TransferBody {
  @UuidField({ description: 'The school the person is in now' }) fromSchoolId!: string;
  @UuidField({ description: 'An open school of the group' }) toSchoolId!: string;
  @DateField({ description: 'First day at the new school; not before the last move' }) effectiveDate!: string;
  @TextField(MAX_TRANSFER_REASON, { optional: true, example: 'Family moved' }) reason?: string;
}

export class StaffTransferBody extends TransferBody {
  @ApiProperty({
    type: [String],
    enum: STAFF_ROLES,
    minItems: 1,
    maxItems: STAFF_ROLES.length,
    example: ['teacher'],
    description: 'The school roles that move with them, each once',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(STAFF_ROLES.length)
  @IsIn(STAFF_ROLES, { each: true })
  roles!: string[];
}

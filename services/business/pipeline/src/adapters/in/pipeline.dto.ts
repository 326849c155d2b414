import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { DateField, EmailField, EnumField, IntField, PatternField, TextField, UuidField } from '@hexfleet/platform';
import { ACTIVITY_KINDS, MAX_STAGE_NAME, MAX_STAGES, MAX_TEXT, TEMPLATES } from '../../domain';

// Each field is documented (OpenAPI) and validated (400 naming it) by one decorator.

const MAX_MINOR = 1_000_000_000_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export class StageBody {
  @PatternField(/^[a-z][a-z0-9-]{0,39}$/, 'kebab-case, 1 to 40 characters', { example: 'screening' }) stageId!: string;
  @TextField(MAX_STAGE_NAME, { example: 'Screening' }) name!: string;
  @IntField(0, 100, { description: "A deal's probability in this stage" }) probability!: number;
  @EnumField(['open', 'won', 'lost'], {
    description: 'What entering the stage does: nothing, or closes the card as won (hired) or lost (rejected)',
  })
  closes!: 'open' | 'won' | 'lost';
}

const Stages = (optional: boolean) =>
  applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({
      type: [StageBody],
      minItems: 3,
      maxItems: MAX_STAGES,
      description: 'In board order',
      example: TEMPLATES.sales,
    }),
    ...(optional ? [IsOptional()] : []),
    IsArray(),
    ArrayMinSize(3),
    ArrayMaxSize(MAX_STAGES),
    ValidateNested({ each: true }),
    Type(() => StageBody),
  );

export class CreatePipelineBody {
  @TextField(120, { example: 'Enterprise sales' }) name!: string;
  @Stages(true) stages?: StageBody[];
}

export class StagesBody {
  @Stages(false) stages!: StageBody[];
}

export class ApplyBody {
  @TextField(MAX_TEXT.name, { example: 'Ada' }) firstName!: string;
  @TextField(MAX_TEXT.name, { optional: true, example: 'Lovelace' }) lastName?: string;
  @EmailField() email!: string;
  @UuidField({ optional: true, description: 'The recruiter (a user of the tenant)' }) ownerId?: string;
}

export class DealBody {
  @TextField(MAX_TEXT.title, { example: 'Fleet licences for Acme' }) title!: string;
  @IntField(0, MAX_MINOR, { description: 'Value in minor units' }) amountMinor!: number;
  @PatternField(/^[A-Z]{3}$/, 'an ISO-4217 code', { example: 'EUR' }) currency!: string;
  @IntField(0, 100, { optional: true, description: "0..100; the stage's when left out" }) probability?: number;
  @PatternField(/^[a-z][a-z0-9-]{0,39}$/, 'a stage id', { optional: true, example: 'new' }) stageId?: string;
  @UuidField({ optional: true, description: 'The salesperson (a user of the tenant)' }) ownerId?: string;
  @DateField({ optional: true }) expectedCloseDate?: string;
}

export class MoveBody {
  @PatternField(/^[a-z][a-z0-9-]{0,39}$/, 'a stage id', { example: 'screening' }) stageId!: string;
  @UuidField({ optional: true, description: 'Put the card after this card of the target column' }) afterCardId?: string;
  @UuidField({ optional: true, description: 'Put the card before this card of the target column' })
  beforeCardId?: string;
}

export class CloseBody {
  @EnumField(['won', 'lost'], {
    description: 'lost rejects a candidate or loses a deal; won wins a deal (a candidate is hired instead)',
  })
  outcome!: 'won' | 'lost';
  @TextField(MAX_TEXT.reason, { optional: true, description: 'Why: required when lost' }) reason?: string;
}

export class ReopenBody {
  @PatternField(/^[a-z][a-z0-9-]{0,39}$/, 'a stage id', {
    optional: true,
    description: 'An open stage; the first when left out',
  })
  stageId?: string;
}

export class ProbabilityBody {
  @IntField(0, 100) probability!: number;
}

export class OwnerBody {
  @UuidField({ optional: true, description: 'A user of the tenant; null or left out unassigns' }) ownerId?:
    string | null;
}

export class NoteBody {
  @TextField(MAX_TEXT.note, { example: 'Strong on ledgers' }) text!: string;
}

export class ActivityBody {
  @EnumField(ACTIVITY_KINDS) activityKind!: string;
  @TextField(MAX_TEXT.subject, { example: 'Second interview' }) subject!: string;
  @PatternField(INSTANT, 'an ISO-8601 instant', { example: '2026-03-05T10:00:00Z' }) dueAt!: string;
}

export class HireBody {
  @DateField({ description: 'First working day' }) joiningDate!: string;
  @EnumField(['full-time', 'part-time', 'contract', 'intern'], { optional: true }) employmentType?: string;
}

export class FunnelQuery {
  @DateField({ description: 'Cards created from this day (inclusive)' }) from!: string;
  @DateField({ description: 'To this day (exclusive)' }) to!: string;
}

export class ActivityParam {
  @UuidField() id!: string;
  @UuidField() activityId!: string;
}

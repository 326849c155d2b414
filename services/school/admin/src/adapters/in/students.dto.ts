import { BooleanField, DateField, EmailField, EnumField, PatternField, TextField, UuidField } from '@hexfleet/platform';
import { ADMISSION_NUMBER, GENDERS, MAX_GUARDIANS } from '../../domain';
import { ListOf, PageQuery, RollNumberField } from './fields';

export class GuardianBody {
  @TextField(100, { example: 'Asha Rao' }) name!: string;
  @TextField(40, { example: 'mother' }) relationship!: string;
  @EmailField({ optional: true, description: 'Email or phone (or both)' }) email?: string | null;
  @PatternField(/^\+?[0-9][0-9 ()-]{5,24}$/, 'a phone number (digits, spaces, +, -, brackets)', {
    optional: true,
    example: '+91 98450 12345',
  })
  phone?: string | null;
  @BooleanField({ description: 'Exactly one guardian is primary' }) primary!: boolean;
}

export class AdmitStudentBody {
  @PatternField(ADMISSION_NUMBER, '1 to 32 letters, digits, - / .', {
    example: 'ADM-2026/001',
    description: 'Unique in the school',
  })
  admissionNumber!: string;
  @TextField(100, { example: 'Meera' }) firstName!: string;
  @TextField(100, { optional: true, example: 'Rao' }) lastName?: string;
  @DateField({ example: '2015-06-14' }) birthDate!: string;
  @EnumField(GENDERS, { optional: true }) gender?: string | null;
  @EmailField({ optional: true }) email?: string | null;
  @ListOf(GuardianBody, 1, MAX_GUARDIANS, {
    description: 'Exactly one primary; each with an email or a phone',
    example: [{ name: 'Asha Rao', relationship: 'mother', email: 'asha@example.com', phone: null, primary: true }],
  })
  guardians!: GuardianBody[];
  @DateField({ example: '2026-03-01', description: 'After the birth date' }) admittedOn!: string;
}

export class EnrolBody {
  @UuidField({ description: "An academic year of the student's school" }) yearId!: string;
  @DateField({ example: '2026-04-01', description: 'Inside the year, not before admission' }) enrolledOn!: string;
  @UuidField({ optional: true, description: 'A group of that year to join now' }) groupId?: string | null;
  @RollNumberField() rollNumber?: number | null;
}

export class WithdrawBody {
  @TextField(500, { example: 'moved to another city' }) reason!: string;
  @DateField({ example: '2026-06-30' }) withdrawnOn!: string;
}

export class PromoteBody {
  @UuidField({ description: 'A later academic year of the school' }) toYearId!: string;
  @UuidField({ description: 'A group of that year' }) toGroupId!: string;
  @RollNumberField() rollNumber?: number | null;
}

export class StudentsQuery extends PageQuery {
  @TextField(100, { optional: true, description: 'Part of a name or admission number' }) q?: string;
  @EnumField(['admitted', 'enrolled', 'withdrawn'], { optional: true }) status?: 'admitted' | 'enrolled' | 'withdrawn';
  @UuidField({ optional: true }) yearId?: string;
}

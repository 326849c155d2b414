import { EmailField, IntField, TextField, UuidField } from '@hexfleet/platform';
import { RollNumberField } from './fields';

export class CreateGroupBody {
  @UuidField({ description: 'The academic year (of this school) the group belongs to' }) yearId!: string;
  @TextField(20, { example: '5', description: 'Grade and section are unique in the year' }) grade!: string;
  @TextField(20, { example: 'B' }) section!: string;
  @TextField(100, { optional: true, example: 'Grade 5 B', description: 'Left out: "Grade <grade> <section>"' })
  name?: string | null;
  @IntField(1, 200, { example: 40 }) capacity!: number;
}

export class CapacityBody {
  @IntField(1, 200, { example: 45, description: 'Never below the students the group holds' }) capacity!: number;
}

export class AssignTeacherBody {
  @UuidField({ optional: true, description: "A subject of the group's school; null or left out: the class teacher" })
  subjectId?: string | null;
  @UuidField({ description: "The teacher's platform user" }) teacherUserId!: string;
  @TextField(100, { example: 'Kiran Shah' }) teacherName!: string;
  @EmailField({ optional: true }) teacherEmail?: string | null;
}

export class AddStudentBody {
  @UuidField({ description: 'An enrolled, active student of the group’s year' }) studentId!: string;
  @RollNumberField() rollNumber?: number | null;
}

import { DateField, TextField, UuidField } from '@hexfleet/platform';
import { TimeField, WeekdaysField } from './fields';

export class ScheduleSessionBody {
  @UuidField({ description: "A group of the term's year" }) groupId!: string;
  @UuidField({ description: 'A subject of the school the teacher is assigned to teach the group' }) subjectId!: string;
  @UuidField() teacherUserId!: string;
  @TextField(40, { example: 'R-101', description: 'As the school names it; case and spaces aside, one room' })
  room!: string;
  @DateField({ example: '2026-04-06', description: 'Inside the term' }) firstDate!: string;
  @DateField({ optional: true, example: '2026-09-30', description: 'Left out: a single lesson on firstDate' })
  lastDate?: string | null;
  @WeekdaysField({ description: 'ISO weekdays, 1 = Monday; left out: the weekday of firstDate' })
  weekdays?: number[] | null;
  @TimeField() startTime!: string;
  @TimeField({ example: '09:45', description: 'After startTime' }) endTime!: string;
}

export class CancelSessionBody {
  @DateField({ optional: true, description: 'The day whose lesson is cancelled; left out: the whole session' })
  date?: string | null;
  @TextField(500, { example: 'teacher ill' }) reason!: string;
}

export class DaysQuery {
  @DateField({ example: '2026-04-06' }) from!: string;
  @DateField({ example: '2026-04-12', description: 'At most 42 days after from' }) to!: string;
}

export class RoomDaysQuery extends DaysQuery {
  @TextField(40, { example: 'R-101', description: 'As the school names it; case and spaces aside' }) room!: string;
}

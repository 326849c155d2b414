import { Injectable } from '@nestjs/common';
import type { ConsumedEvent } from '@hexfleet/eventing';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import { studentDecider } from '../domain';
import type { StudentEnrolled } from './enrolments.policy';

/**
 * A student's home school as Admin's enrolments tell it, on the stream transfers decide on
 * (`<tenant>/student/<id>`), so a transfer and an enrolment arriving at once are ordered by its
 * version. The command id derives from the event: a redelivery appends nothing.
 */
@Injectable()
export class StudentHomesCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async enrolled(policy: { name: string }, event: ConsumedEvent<StudentEnrolled>): Promise<void> {
    const { studentId, schoolId, yearId, enrolledOn } = event.data;
    const metadata = { now: this.time.now() };
    await this.commands.react(
      policy,
      event,
      async (tx) => {
        const student = await tx.load(studentDecider, 'student', studentId);
        const data = { studentId, schoolId, yearId, enrolledOn };
        const recorded = studentDecider.decide({ type: 'RecordHomeSchool', data, metadata }, student.state);
        if (recorded.length > 0) tx.append(student, recorded);
      },
      { retries: 2 },
    );
  }
}

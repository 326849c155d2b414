import { Injectable } from '@nestjs/common';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { academicYearDecider, schoolDecider } from '../domain';
import type { SchoolFact } from '../domain';

export interface PublishYearInput {
  name: string;
  startDate: string;
  endDate: string;
  terms: Array<{ name: string; startDate: string; endDate: string }>;
  /** Empty: every school of the group. */
  schoolIds: string[];
}

/** Academic-year templates HQ publishes to schools: one stream per year, `<tenant>/academic-year/<yearId>`. */
@Injectable()
export class AcademicYearsCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async publish(caller: Principal, input: PublishYearInput) {
    const yearId = this.time.newId(caller, 'academic-year');
    const terms = input.terms.map((term, i) => ({ termId: this.time.newId(caller, `term-${i}`), ...term }));
    const outcome = await this.commands.transact(caller, async (tx) => {
      // The schools as their streams say now, not as a read model may lag.
      const schools: SchoolFact[] = [];
      for (const schoolId of input.schoolIds) {
        const { state } = await tx.load(schoolDecider, 'school', schoolId);
        schools.push({ schoolId, status: state.status });
      }
      const year = await tx.load(academicYearDecider, 'academic-year', yearId);
      const data = { yearId, ...input, terms, schools, publishedBy: caller.userId };
      tx.append(
        year,
        academicYearDecider.decide(
          { type: 'PublishAcademicYear', data, metadata: { now: this.time.now() } },
          year.state,
        ),
      );
    });
    return { yearId, outcome: outcome.status };
  }
}

import { ForbiddenException, Injectable } from '@nestjs/common';
import { DomainError } from '@hexfleet/kernel';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { schoolDecider } from '../domain';
import type { AttendanceMode } from '../domain';
import { reaches, STAFF } from './access';

/** How a school takes attendance (ADR 0054): its admin (or HQ) sets it on the school's stream. */
@Injectable()
export class SchoolSettingsCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async setMode(
    caller: Principal,
    schoolId: string,
    mode: AttendanceMode,
  ): Promise<{ schoolId: string; mode: string }> {
    await this.commands.transact(
      caller,
      async (tx) => {
        const school = await tx.load(schoolDecider, 'school', schoolId);
        // A school attendance has not heard of from HQ, or beyond the caller's, does not exist for them.
        if (!school.state.timeZone || !reaches(caller, STAFF, schoolId)) {
          throw new DomainError('school-not-found', { schoolId });
        }
        if (!reaches(caller, ['school-admin', 'hq-admin'], schoolId)) {
          throw new ForbiddenException(`Only the school's admin or HQ sets how school ${schoolId} takes attendance`);
        }
        const data = { schoolId, mode, setBy: caller.userId, setAt: this.time.now() };
        tx.append(
          school,
          schoolDecider.decide({ type: 'SetAttendanceMode', data, metadata: { now: data.setAt } }, school.state),
        );
      },
      { retries: 3 },
    );
    return { schoolId, mode };
  }
}

import { Injectable, NotFoundException } from '@nestjs/common';
import { Streams } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import { staffDecider, studentDecider } from '../domain';
import { maySee } from './school-access';

const transferOf = ({
  transferId,
  fromSchoolId,
  toSchoolId,
  effectiveDate,
  reason,
  transferredAt,
}: views.hq.TransferView) => ({
  transferId,
  fromSchoolId,
  toSchoolId,
  effectiveDate,
  reason,
  transferredAt,
});

/**
 * Where a student or member of staff is, read from their stream (a few events each: no
 * read model to wait for). Seen by HQ and by the people of the school they are in now.
 */
@Injectable()
export class TransfersQueryHandler {
  constructor(private readonly streams: Streams) {}

  async studentHome(caller: Principal, studentId: string): Promise<views.hq.StudentHomeView> {
    const { state, history } = await this.streams.load(studentDecider, caller.tenant, 'student', studentId);
    if (state.status === 'none' || !maySee(caller, state.schoolId))
      throw new NotFoundException(`no student ${studentId}`);
    return {
      studentId,
      homeSchoolId: state.schoolId,
      since: state.since,
      transfers: history.flatMap((e) => (e.type === 'StudentTransferred' ? [transferOf(e.data)] : [])),
    };
  }

  async staffPlacement(caller: Principal, userId: string): Promise<views.hq.StaffPlacementView> {
    const { state, history } = await this.streams.load(staffDecider, caller.tenant, 'staff', userId);
    if (state.status === 'none' || !maySee(caller, state.schoolId)) throw new NotFoundException(`no staff ${userId}`);
    const { schoolId, roles, since } = state;
    return { userId, schoolId, roles, since, transfers: history.map((e) => transferOf(e.data)) };
  }
}

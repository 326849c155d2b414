import { Inject, Injectable } from '@nestjs/common';
import type { ConsumedEvent, ConsumedEventMeta } from '@hexfleet/eventing';
import { fold } from '@hexfleet/kernel';
import { Commands } from '@hexfleet/platform';
import type { StreamTransaction } from '@hexfleet/platform';
import type { attendance } from '@hexfleet/schemas';
import {
  effectivePolicy,
  groupPolicyDecider,
  registerDecider,
  schoolDecider,
  studentDecider,
  tallyDecider,
} from '../domain';
import { ATTENDANCE_SETTINGS } from './attendance-settings';
import type { AttendanceSettings } from './attendance-settings';
import { GROUP_POLICY_ID } from './register-facts';

type Policy = { name: string };
/** Two registers of one student may be tallied at once (two teachers, two lessons). */
const RETRIES = 5;

interface Mark {
  studentId: string;
  code: string;
  meaning: string;
}
interface Where {
  registerId: string;
  sessionId: string;
  date: string;
  schoolId: string;
  groupId: string;
}

/**
 * A register's records -> each student's tally and alerts (ADR 0051): StudentAbsent per
 * absence, AbsenceThresholdExceeded once per crossing of the school's minimum over the
 * rolling window. One transaction per register event, so a redelivery appends nothing.
 */
@Injectable()
export class AlertsCommandHandler {
  constructor(
    private readonly commands: Commands,
    @Inject(ATTENDANCE_SETTINGS) private readonly settings: AttendanceSettings,
  ) {}

  async marked(policy: Policy, event: ConsumedEvent<attendance.AttendanceMarked>): Promise<void> {
    const { marks, markedAt, ...where } = event.data;
    await this.tally(policy, event, where, marks, markedAt);
  }

  async corrected(policy: Policy, event: ConsumedEvent<attendance.AttendanceCorrected>): Promise<void> {
    const { studentId, code, meaning, correctedAt, ...where } = event.data;
    await this.tally(policy, event, where, [{ studentId, code, meaning }], correctedAt);
  }

  /** A withdrawn register no longer counts: each of its records is tallied as withdrawn. */
  async withdrawn(policy: Policy, event: ConsumedEvent<attendance.RegisterWithdrawn>): Promise<void> {
    const { withdrawnAt, ...where } = event.data;
    await this.commands.react(
      policy,
      event,
      async (tx) => {
        // The register's history up to this event: what it recorded before it was withdrawn.
        const register = await tx.load(registerDecider, 'register', where.registerId);
        const state = fold(
          registerDecider,
          register.history.filter((e) => e.type !== 'RegisterWithdrawn'),
        );
        const records = state.status === 'none' ? {} : state.records;
        const withdrawn = Object.keys(records).map((studentId) => ({ studentId, code: '', meaning: 'withdrawn' }));
        await this.apply(tx, where, withdrawn, withdrawnAt);
      },
      { retries: RETRIES },
    );
  }

  private tally(policy: Policy, event: ConsumedEventMeta, where: Where, records: Mark[], now: string) {
    return this.commands.react(policy, event, (tx) => this.apply(tx, where, records, now), { retries: RETRIES });
  }

  private async apply(tx: StreamTransaction, where: Where, records: Mark[], now: string): Promise<void> {
    const { registerId, sessionId, date, schoolId, groupId } = where;
    // Every stream read at once: one round trip's wait instead of two per student.
    const [school, group, tallies, students] = await Promise.all([
      tx.load(schoolDecider, 'school', schoolId),
      tx.load(groupPolicyDecider, 'group-policy', GROUP_POLICY_ID),
      Promise.all(records.map((r) => tx.load(tallyDecider, 'student-tally', r.studentId))),
      Promise.all(records.map((r) => tx.load(studentDecider, 'student', r.studentId))),
    ]);
    const { thresholds } = effectivePolicy(group.state, school.state);
    const metadata = { now };
    for (const [i, { studentId, code, meaning }] of records.entries()) {
      const tally = tallies[i];
      const previousMeaning = tally.state.records[registerId]?.meaning ?? null;
      const data = { studentId, schoolId, groupId, registerId, date, meaning };
      const tallied = tallyDecider.decide({ type: 'TallyRecord', data, metadata }, tally.state);
      if (tallied.length === 0) continue;
      tx.append(tally, tallied);
      const student = students[i];
      const evaluate = {
        type: 'EvaluateAttendance' as const,
        data: {
          ...data,
          sessionId,
          code,
          previousMeaning,
          tally: tallied.reduce(tallyDecider.evolve, tally.state),
          windowDays: this.settings.alertWindowDays,
          minimumRecords: this.settings.alertMinimumRecords,
          minimumPercent: thresholds.minimumAttendancePercent,
          consecutiveAbsentDays: thresholds.consecutiveAbsentDays,
        },
        metadata,
      };
      tx.append(student, studentDecider.decide(evaluate, student.state));
    }
  }
}

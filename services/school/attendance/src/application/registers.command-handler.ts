import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@hexfleet/kernel';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal, StreamTransaction } from '@hexfleet/platform';
import { registerDecider } from '../domain';
import type { MarkInput, RegisterCommand, RegisterFacts } from '../domain';
import { MARKERS, reaches } from './access';
import { ATTENDANCE_SETTINGS } from './attendance-settings';
import type { AttendanceSettings } from './attendance-settings';
import { loadRegisterFacts, registerIdOf } from './register-facts';
import { REGISTER_BOOK } from './registers.port';
import type { RegisterBook } from './registers.port';

/** A lost race (two teachers on one register) is decided again on the winner's records. */
const RETRIES = 3;

/**
 * Taking and correcting registers: one stream per session and day, decided on the facts
 * attendance holds in its own streams, read in the same transaction (no read-model lag).
 */
@Injectable()
export class RegistersCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
    @Inject(ATTENDANCE_SETTINGS) private readonly settings: AttendanceSettings,
    @Inject(REGISTER_BOOK) private readonly book: RegisterBook,
  ) {}

  mark(caller: Principal, sessionId: string, date: string, input: { allPresent: boolean; marks: MarkInput[] }) {
    return this.run(caller, sessionId, date, (facts) => ({
      type: 'MarkRegister',
      data: { facts, allPresent: input.allPresent, marks: input.marks, markedBy: caller.userId },
      metadata: { now: this.time.now() },
    }));
  }

  correct(
    caller: Principal,
    sessionId: string,
    date: string,
    input: { studentId: string; code: string; reason?: string | null },
  ) {
    return this.run(caller, sessionId, date, (facts) => ({
      type: 'CorrectAttendance',
      data: {
        facts,
        studentId: input.studentId,
        code: input.code,
        reason: input.reason ?? null,
        correctedBy: caller.userId,
      },
      metadata: { now: this.time.now() },
    }));
  }

  private async run(
    caller: Principal,
    sessionId: string,
    date: string,
    command: (facts: RegisterFacts) => RegisterCommand,
  ): Promise<{ registerId: string; recorded: number }> {
    const outcome = await this.commands.transact(
      caller,
      async (tx: StreamTransaction) => {
        const [facts, register] = await Promise.all([
          loadRegisterFacts(tx, caller.tenant, sessionId, date, this.time, this.settings.lockDays, (groupId, day) =>
            this.book.firstLesson(caller.tenant, groupId, day),
          ),
          tx.load(registerDecider, 'register', registerIdOf(caller.tenant, sessionId, date)),
        ]);
        const session = facts.session.session;
        // A session beyond the caller's school is one that does not exist for them.
        if (!session || !reaches(caller, MARKERS, session.schoolId, session.groupId)) {
          throw new DomainError('session-not-found', { sessionId });
        }
        const events = registerDecider.decide(command(facts), register.state);
        tx.append(register, events);
        const recorded = events.reduce(
          (n, e) =>
            n + (e.type === 'AttendanceMarked' ? e.data.marks.length : e.type === 'AttendanceCorrected' ? 1 : 0),
          0,
        );
        return { registerId: facts.registerId, recorded };
      },
      { retries: RETRIES },
    );
    return outcome.result;
  }
}

import { Injectable, Logger } from '@nestjs/common';
import type { ConsumedEvent } from '@hexfleet/eventing';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { LoadedStream, StreamTransaction } from '@hexfleet/platform';
import type { admin, identity } from '@hexfleet/schemas';
import { v5 as uuidv5 } from 'uuid';
import { patronDecider, userPatronsDecider } from '../domain';
import type { PatronCommand, PatronEvent, PatronState, RegisterPatron } from '../domain';

const PATRON_NAMESPACE = '5c1f2e8a-7b3d-4a6e-9f0c-2d4b6a8e1c37';

/**
 * The patron a user has in a school (ADR 0044): derived from the tenant, the school and the
 * user, so an enrolment, a teacher's every assignment and a withdrawal all name it without a
 * lookup, and a redelivered or repeated event finds it already there.
 */
export const schoolPatronId = (tenant: string, schoolId: string, userId: string) =>
  uuidv5(`${tenant}/${schoolId}/${userId}`, PATRON_NAMESPACE);

/** Why identity's deactivation blocks a patron: the block a reactivation would lift. */
export const USER_DEACTIVATED = 'user-deactivated';

type Policy = { name: string };
type Newcomer = { schoolId: string; userId: string; name: string; category: string };

/**
 * Patrons as the school's structure changes them (school-structure.policy.ts): StudentEnrolled
 * registers a `student` patron (userId = the Admin student id, ADR 0043), TeacherAssigned a
 * `staff` patron, once per teacher and school; StudentWithdrawn withdraws the student's patron;
 * identity's UserDeactivated blocks every patron of the user, UserReactivated lifts those
 * blocks. Each reaction's command id derives from the event (`Commands.react`), so a
 * redelivered event appends nothing, and what it appends carries the event's id as its
 * causation id.
 */
@Injectable()
export class SchoolPatronsCommandHandler {
  private readonly logger = new Logger('SchoolPatrons');

  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async studentEnrolled(policy: Policy, event: ConsumedEvent<admin.StudentEnrolled>): Promise<void> {
    const { studentId, schoolId, firstName, lastName } = event.data;
    const name = `${firstName} ${lastName}`.trim();
    await this.register(policy, event, { schoolId, userId: studentId, name, category: 'student' });
  }

  async teacherAssigned(policy: Policy, event: ConsumedEvent<admin.TeacherAssigned>): Promise<void> {
    const { teacherUserId, schoolId, teacherName } = event.data;
    await this.register(policy, event, { schoolId, userId: teacherUserId, name: teacherName, category: 'staff' });
  }

  async studentWithdrawn(policy: Policy, event: ConsumedEvent<admin.StudentWithdrawn>): Promise<void> {
    const { studentId, schoolId, reason } = event.data;
    const patronId = schoolPatronId(event.tenant, schoolId, studentId);
    await this.commands.react(
      policy,
      event,
      async (tx) => {
        const patron = await tx.load(patronDecider, 'patron', patronId);
        // Never a patron (admitted, never enrolled), or withdrawn already: nothing to do.
        if (patron.state.status === 'none' || patron.state.status === 'withdrawn') return;
        const command: PatronCommand = { type: 'WithdrawPatron', data: { reason }, metadata: this.metadata() };
        tx.append(patron, patronDecider.decide(command, patron.state));
      },
      { retries: 3 },
    );
  }

  async userDeactivated(policy: Policy, event: ConsumedEvent<identity.UserDeactivated>): Promise<void> {
    await this.standing(policy, event, 'NoteUserDeactivated', (patron) =>
      // Blocked already (by the desk) or withdrawn: the stronger standing stays.
      patron.status === 'active' ? { type: 'BlockPatron', data: { reason: USER_DEACTIVATED } } : null,
    );
  }

  /** Lifts only the blocks a deactivation put on: the desk's own blocks (unpaid fines) stay. */
  async userReactivated(policy: Policy, event: ConsumedEvent<identity.UserReactivated>): Promise<void> {
    await this.standing(policy, event, 'NoteUserReactivated', (patron) =>
      patron.status === 'blocked' && patron.reason === USER_DEACTIVATED ? { type: 'UnblockPatron', data: {} } : null,
    );
  }

  /** Notes identity's word on the user's index, and changes each of the user's patrons as `change` says. */
  private async standing(
    policy: Policy,
    event: ConsumedEvent<identity.UserDeactivated | identity.UserReactivated>,
    note: 'NoteUserDeactivated' | 'NoteUserReactivated',
    change: (patron: PatronState) => Omit<PatronCommand, 'metadata'> | null,
  ): Promise<void> {
    const { userId } = event.data;
    await this.commands.react(
      policy,
      event,
      async (tx) => {
        const metadata = this.metadata();
        const index = await tx.load(userPatronsDecider, 'user-patrons', userId);
        const noted = userPatronsDecider.decide({ type: note, data: { userId }, metadata }, index.state);
        // Noted already: a redelivery, or identity said it twice.
        if (noted.length === 0) return;
        tx.append(index, noted);
        for (const { patronId } of index.state.patrons) {
          const patron = await tx.load(patronDecider, 'patron', patronId);
          const command = change(patron.state);
          if (command) tx.append(patron, patronDecider.decide({ ...command, metadata } as PatronCommand, patron.state));
        }
      },
      { retries: 3 },
    );
  }

  /**
   * A patron of the school for the user, unless they have one there already, whatever its
   * standing: a second enrolment, a teacher's next assignment and a re-enrolment after a
   * withdrawal register nothing (a withdrawn patron stays withdrawn, ADR 0044).
   */
  private async register(policy: Policy, event: ConsumedEvent, newcomer: Newcomer): Promise<void> {
    const patronId = schoolPatronId(event.tenant, newcomer.schoolId, newcomer.userId);
    const outcome = await this.commands.react(
      policy,
      event,
      async (tx) => {
        const patron = await tx.load(patronDecider, 'patron', patronId);
        if (patron.state.status !== 'none') return patron.state.status;
        await registerPatron(tx, patron, { patronId, ...newcomer }, this.metadata());
        return 'registered';
      },
      { retries: 3 },
    );
    if (outcome.status === 'appended' && outcome.result === 'withdrawn')
      this.logger.log(`patron ${patronId} stays withdrawn on ${event.type} (${event.eventId})`);
  }

  private metadata() {
    return { now: this.time.now() };
  }
}

/**
 * Registers a patron (loaded, not yet registered) and, when it has a user, notes it on the
 * user's index in the same transaction; a patron of a user identity has deactivated is
 * blocked at once (ADR 0044). The desk's registrations and the policies' share it.
 */
export async function registerPatron(
  tx: StreamTransaction,
  patron: LoadedStream<PatronEvent, PatronState>,
  data: RegisterPatron['data'],
  metadata: { now: string },
): Promise<void> {
  const events = patronDecider.decide({ type: 'RegisterPatron', data, metadata }, patron.state);
  const { userId, patronId, schoolId } = data;
  if (userId) {
    const index = await tx.load(userPatronsDecider, 'user-patrons', userId);
    const link = { type: 'LinkUserPatron' as const, data: { userId, patronId, schoolId }, metadata };
    tx.append(index, userPatronsDecider.decide(link, index.state));
    if (index.state.deactivated) {
      const registered = events.reduce(patronDecider.evolve, patron.state);
      const block = { type: 'BlockPatron' as const, data: { reason: USER_DEACTIVATED }, metadata };
      events.push(...patronDecider.decide(block, registered));
    }
  }
  tx.append(patron, events);
}

import { Injectable, Logger } from '@nestjs/common';
import type { ConsumedEvent } from '@hexfleet/eventing';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { StreamTransaction } from '@hexfleet/platform';
import type { admin, identity } from '@hexfleet/schemas';
import { v5 as uuidv5 } from 'uuid';
import { patronDecider, userPatronsDecider } from '../domain';
import type { PatronCommand } from '../domain';

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
 * identity's UserDeactivated blocks every patron of the user. Each reaction's command id
 * derives from the event (`Commands.react`), so a redelivered event appends nothing, and what
 * it appends carries the event's id as its causation id.
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
    const { userId } = event.data;
    await this.commands.react(
      policy,
      event,
      async (tx) => {
        const index = await tx.load(userPatronsDecider, 'user-patrons', userId);
        for (const { patronId } of index.state.patrons) {
          const patron = await tx.load(patronDecider, 'patron', patronId);
          // Blocked already (by the desk) or withdrawn: the stronger standing stays.
          if (patron.state.status !== 'active') continue;
          const command: PatronCommand = {
            type: 'BlockPatron',
            data: { reason: USER_DEACTIVATED },
            metadata: this.metadata(),
          };
          tx.append(patron, patronDecider.decide(command, patron.state));
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
        const metadata = this.metadata();
        const data = { patronId, ...newcomer };
        tx.append(patron, patronDecider.decide({ type: 'RegisterPatron', data, metadata }, patron.state));
        await linkUser(tx, data, metadata);
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

/** Notes the patron on the user's index (user-patrons.decider.ts), in the registration's transaction. */
export async function linkUser(
  tx: StreamTransaction,
  patron: { patronId: string; schoolId: string; userId: string },
  metadata: { now: string },
): Promise<void> {
  const index = await tx.load(userPatronsDecider, 'user-patrons', patron.userId);
  tx.append(index, userPatronsDecider.decide({ type: 'LinkUserPatron', data: patron, metadata }, index.state));
}

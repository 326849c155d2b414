import { Injectable } from '@nestjs/common';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { normalizeSchoolCode, schoolCodeDecider, schoolDecider } from '../domain';
import type { SchoolCommand } from '../domain';

export interface OpenSchoolInput {
  code: string;
  name: string;
  timeZone: string;
  principalUserId: string | null;
}

/** Opening, closing and principals of schools: one stream per school, `<tenant>/school/<schoolId>`; HQ only. */
@Injectable()
export class SchoolsCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  /** The code's claim and SchoolOpened in one transaction: the code stream's version keeps codes unique (ADR 0037). */
  async open(caller: Principal, input: OpenSchoolInput) {
    // With an Idempotency-Key, a retried request lands on the same id (and is applied once).
    const schoolId = this.time.newId(caller, 'school');
    const metadata = { now: this.time.now() };
    const outcome = await this.commands.transact(
      caller,
      async (tx) => {
        const code = normalizeSchoolCode(input.code);
        const claim = await tx.load(schoolCodeDecider, 'school-code', code);
        const school = await tx.load(schoolDecider, 'school', schoolId);
        tx.append(
          claim,
          schoolCodeDecider.decide({ type: 'ClaimSchoolCode', data: { code, schoolId }, metadata }, claim.state),
        );
        const open = { schoolId, ...input, code, openedBy: caller.userId };
        tx.append(school, schoolDecider.decide({ type: 'OpenSchool', data: open, metadata }, school.state));
        // A lost race on the code's stream re-reads it, and then answers school-code-taken.
      },
      { retries: 2 },
    );
    return { schoolId, outcome: outcome.status };
  }

  close(caller: Principal, schoolId: string, reason: string) {
    return this.run(caller, schoolId, {
      type: 'CloseSchool',
      data: { reason, closedBy: caller.userId },
      metadata: this.metadata(),
    });
  }

  assignPrincipal(caller: Principal, schoolId: string, principalUserId: string) {
    return this.run(caller, schoolId, {
      type: 'AssignPrincipal',
      data: { principalUserId, assignedBy: caller.userId },
      metadata: this.metadata(),
    });
  }

  async run(caller: Principal, schoolId: string, command: SchoolCommand) {
    const outcome = await this.commands.handle(schoolDecider, { caller, aggregate: 'school', id: schoolId, command });
    return { schoolId, outcome: outcome.status };
  }

  private metadata() {
    return { now: this.time.now() };
  }
}

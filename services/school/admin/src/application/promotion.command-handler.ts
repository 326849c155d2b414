import { Inject, Injectable, Logger } from '@nestjs/common';
import { commandIdFor } from '@hexfleet/eventing';
import type { ConsumedEvent, Reacting } from '@hexfleet/eventing';
import { isDomainError, TenantId } from '@hexfleet/kernel';
import { Commands, Streams, TimeAndIds } from '@hexfleet/platform';
import type { hq, views } from '@hexfleet/schemas';
import {
  calendarDecider,
  enrolled,
  groupDecider,
  highestGrade,
  nextRollNumber,
  promotionOf,
  studentDecider,
  studentFacts,
  yearOf,
} from '../domain';
import type { GroupCommand, StudentCommand, YearFacts } from '../domain';
import { found } from './found';
import { groupIdFor } from './groups.command-handler';
import { schoolYearIdFor } from './hq-years.command-handler';
import { Pending } from './pending-streams';
import type { Touched } from './pending-streams';
import { ROSTER } from './roster.port';
import type { Roster } from './roster.port';
import { SCHOOL_STRUCTURE } from './school-structure.port';
import type { SchoolStructure } from './school-structure.port';
import type { GroupEvent, GroupState } from '../domain';

/**
 * HQ's YearRolledOver -> the school's groups promoted: each group's students join the same
 * section of the next grade in the new year (the group created with the old one's capacity if
 * the school has not made it), the highest grade's students graduate (withdrawn). One
 * transaction per group, its command id from the event and the group, so a redelivered event
 * (after a crash halfway) promotes each group once and resumes where it stopped; a student no
 * longer enrolled in the old year (moved, withdrawn, already promoted) is left as they are.
 * A school of many groups outlasts the consumer's session: it heartbeats after each group.
 */
@Injectable()
export class PromotionCommandHandler {
  private readonly logger = new Logger('Promotion');

  constructor(
    private readonly commands: Commands,
    private readonly streams: Streams,
    private readonly time: TimeAndIds,
    @Inject(SCHOOL_STRUCTURE) private readonly structure: SchoolStructure,
    @Inject(ROSTER) private readonly roster: Roster,
  ) {}

  async rollOver(policy: { name: string }, event: ConsumedEvent<hq.YearRolledOver>, reacting: Reacting): Promise<void> {
    const tenant = TenantId.parse(event.tenant);
    const { schoolId } = event.data;
    const calendar = await this.streams.load(calendarDecider, tenant, 'calendar', schoolId);
    const [from, to] = [event.data.fromYearId, event.data.toYearId].map((id) => ({
      ...yearOf(calendar.state, schoolYearIdFor(tenant, schoolId, id)),
      schoolId,
    }));
    const groups = await this.groupsOf(tenant, schoolId, from.yearId);
    const highest = highestGrade(groups.map((g) => g.grade));
    for (const group of groups) {
      const plan = promotionOf(group, highest);
      if (plan.kind === 'stay') continue;
      const members = await this.roster.members(tenant, group.groupId);
      const commandId = commandIdFor({ name: `${policy.name}/${group.groupId}` }, event);
      await this.commands.issue(
        tenant,
        commandId,
        async (tx) => {
          const pending = new Pending(tx);
          const target = plan.kind === 'promote' ? await this.target(pending, tenant, group, to, plan) : undefined;
          const source = await pending.group(group.groupId);
          for (const member of members) {
            try {
              await this.move(pending, { from, to, source, target, member, rolloverId: event.eventId });
            } catch (error) {
              if (!isDomainError(error)) throw error;
              this.logger.warn(`student ${member.studentId} of ${group.name} not promoted: ${error.code}`);
            }
          }
          pending.appendAll();
        },
        { retries: 3 },
      );
      await reacting.heartbeat();
    }
  }

  /** One student: promoted into the target group, or graduated out of the school. */
  private async move(
    pending: Pending,
    step: {
      from: YearFacts;
      to: YearFacts;
      source: Touched<GroupEvent, GroupState>;
      target: Touched<GroupEvent, GroupState> | undefined;
      member: views.admin.GroupMemberView;
      rolloverId: string;
    },
  ) {
    const { from, to, source, target, member } = step;
    const now = this.time.now();
    const student = await pending.student(member.studentId);
    const { enrolment } = enrolled(student.state);
    if (enrolment.yearId !== from.yearId) return; // moved on already (a resumed rollover)
    if (!target) {
      const withdraw: StudentCommand = {
        type: 'WithdrawStudent',
        data: { reason: 'graduated', withdrawnOn: from.endDate },
        metadata: { now },
      };
      const withdrawn = studentDecider.decide(withdraw, student.state);
      const leave: GroupCommand = {
        type: 'RemoveStudent',
        data: { studentId: member.studentId, reason: 'withdrawn' },
        metadata: { now },
      };
      const left = groupDecider.decide(leave, source.state);
      pending.add(student, withdrawn, withdrawn.reduce(studentDecider.evolve, student.state));
      pending.add(source, left, left.reduce(groupDecider.evolve, source.state));
      return;
    }
    const { groupId, schoolId, yearId, members } = found(target.state, 'group');
    // The roll number the student had, unless someone in the new group has it already.
    const taken = members.some((m) => m.rollNumber === member.rollNumber);
    const rollNumber = taken ? nextRollNumber(target.state) : member.rollNumber;
    const promote: StudentCommand = {
      type: 'PromoteStudent',
      data: {
        fromYear: from,
        toYear: to,
        placement: { groupId, schoolId, yearId, rollNumber },
        rolloverId: step.rolloverId,
      },
      metadata: { now },
    };
    const promoted = studentDecider.decide(promote, student.state);
    const after = promoted.reduce(studentDecider.evolve, student.state);
    const join: GroupCommand = {
      type: 'AddStudent',
      data: { student: studentFacts(after), rollNumber },
      metadata: { now },
    };
    const joined = groupDecider.decide(join, target.state);
    pending.add(student, promoted, after);
    pending.add(target, joined, joined.reduce(groupDecider.evolve, target.state));
  }

  /** The next year's group of the next grade and the same section, created like the old one when missing. */
  private async target(
    pending: Pending,
    tenant: TenantId,
    group: views.admin.GroupView,
    to: YearFacts,
    plan: { grade: string; section: string },
  ) {
    const target = await pending.group(groupIdFor(tenant, to.yearId, plan.grade, plan.section));
    if (target.state.status === 'none') {
      const create: GroupCommand = {
        type: 'CreateGroup',
        data: {
          groupId: groupIdFor(tenant, to.yearId, plan.grade, plan.section),
          year: { yearId: to.yearId, schoolId: to.schoolId },
          ...plan,
          capacity: group.capacity,
        },
        metadata: { now: this.time.now() },
      };
      const created = groupDecider.decide(create, target.state);
      pending.add(target, created, created.reduce(groupDecider.evolve, target.state));
    }
    return target;
  }

  private async groupsOf(tenant: TenantId, schoolId: string, yearId: string) {
    const groups: views.admin.GroupView[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = await this.structure.groups(tenant, { schoolId, yearId, limit: 200, offset });
      groups.push(...page.items);
      if (groups.length >= page.total || page.items.length === 0) return groups;
    }
  }
}

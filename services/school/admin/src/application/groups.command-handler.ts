import { Injectable } from '@nestjs/common';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { v5 as uuidv5 } from 'uuid';
import { calendarDecider, groupDecider, subjectOf, subjectsDecider, yearOf } from '../domain';
import type { GroupCommand } from '../domain';
import { found } from './found';
import { mustWrite } from './school-access';

const GROUP_NAMESPACE = '3f6e2a4c-8b1d-4e7a-9c5f-2d8b6a1e0c73';

/**
 * A group's id is its grade and section in its year: two requests creating "5 B" of
 * 2026-27 land on one stream, so the second is refused (`group-already-exists`).
 */
export const groupIdFor = (tenant: string, yearId: string, grade: string, section: string) =>
  uuidv5(`${tenant}/${yearId}/${grade.trim().toUpperCase()}/${section.trim().toUpperCase()}`, GROUP_NAMESPACE);

export interface NewGroup {
  yearId: string;
  grade: string;
  section: string;
  name?: string | null;
  capacity: number;
}

export interface Assignment {
  subjectId: string | null;
  teacherUserId: string;
  teacherName: string;
  teacherEmail?: string | null;
}

/** Groups of a year, their capacity and who teaches them. The group's stream is the school fence's source. */
@Injectable()
export class GroupsCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async create(caller: Principal, schoolId: string, input: NewGroup): Promise<{ groupId: string }> {
    mustWrite(caller, schoolId);
    const groupId = groupIdFor(caller.tenant, input.yearId, input.grade, input.section);
    const { yearId, grade, section, name, capacity } = input;
    const now = this.time.now();
    await this.commands.transact(caller, async (tx) => {
      const calendar = await tx.load(calendarDecider, 'calendar', schoolId);
      yearOf(calendar.state, yearId);
      const group = await tx.load(groupDecider, 'group', groupId);
      const command: GroupCommand = {
        type: 'CreateGroup',
        data: { groupId, year: { yearId, schoolId }, grade, section, name, capacity },
        metadata: { now },
      };
      tx.append(group, groupDecider.decide(command, group.state));
    });
    return { groupId };
  }

  async changeCapacity(caller: Principal, groupId: string, capacity: number): Promise<void> {
    const now = this.time.now();
    await this.commands.transact(
      caller,
      async (tx) => {
        const group = await tx.load(groupDecider, 'group', groupId);
        mustWrite(caller, found(group.state, 'group').schoolId, `group ${groupId}`);
        tx.append(
          group,
          groupDecider.decide({ type: 'ChangeCapacity', data: { capacity }, metadata: { now } }, group.state),
        );
      },
      { retries: 3 },
    );
  }

  /** The subject comes from the school's own list, so its name and school are the school's, not the request's. */
  async assignTeacher(caller: Principal, groupId: string, input: Assignment): Promise<void> {
    const now = this.time.now();
    await this.commands.transact(
      caller,
      async (tx) => {
        const group = await tx.load(groupDecider, 'group', groupId);
        const { schoolId } = found(group.state, 'group');
        mustWrite(caller, schoolId, `group ${groupId}`);
        let subject = null;
        if (input.subjectId !== null) {
          const subjects = await tx.load(subjectsDecider, 'subjects', schoolId);
          const { subjectId, name } = subjectOf(subjects.state, input.subjectId);
          subject = { subjectId, name, schoolId };
        }
        const { teacherUserId, teacherName, teacherEmail } = input;
        const command: GroupCommand = {
          type: 'AssignTeacher',
          data: { subject, teacherUserId, teacherName, teacherEmail },
          metadata: { now },
        };
        tx.append(group, groupDecider.decide(command, group.state));
      },
      { retries: 3 },
    );
  }
}

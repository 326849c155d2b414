import { Injectable } from '@nestjs/common';
import type { ConsumedEventMeta } from '@hexfleet/eventing';
import { Commands, type StreamTransaction, TimeAndIds } from '@hexfleet/platform';
import { profileDecider, schoolGroupDecider, type StudentLinkCommand, studentLinkDecider } from '../domain';
import { after } from './placement';
import { newFacts, studentFactsOnProfile } from './student-facts';

/** A student-link command without its time: the handler stamps it. */
export type StudentFact =
  | Omit<Extract<StudentLinkCommand, { type: 'NoteRecord' }>, 'metadata'>
  | Omit<Extract<StudentLinkCommand, { type: 'NoteGuardian' }>, 'metadata'>;

/**
 * Notes Admin's school record (admin-facts.policy.ts) or a guardian account identity reported
 * (identity-facts.policy.ts) on the student's link stream and, once the student's profile
 * exists, writes it there in the same transaction (ADR 0047).
 */
@Injectable()
export class StudentFactsCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async note(policy: { name: string }, event: ConsumedEventMeta, fact: StudentFact): Promise<void> {
    const metadata = { now: this.time.now() };
    await this.commands.react(
      policy,
      event,
      async (tx) => {
        let command: StudentLinkCommand = { ...fact, metadata } as StudentLinkCommand;
        const groupId = command.type === 'NoteRecord' ? command.data.groupId : null;
        if (command.type === 'NoteRecord' && groupId) {
          // Placed in a group: the group learns its member, the record the group's name if known.
          const group = await tx.load(schoolGroupDecider, 'school-group', groupId);
          const member = { groupId, studentId: command.data.studentId };
          tx.append(group, schoolGroupDecider.decide({ type: 'NoteMember', data: member, metadata }, group.state));
          const className = group.state.status === 'known' ? group.state.name : null;
          command = { ...command, data: { ...command.data, className } };
        }
        await this.noteOnLink(tx, command, metadata);
      },
      { retries: 3 },
    );
  }

  /** Admin named a group: its name becomes the class of every student profile saw placed in it. */
  async nameGroup(policy: { name: string }, event: ConsumedEventMeta, data: { groupId: string; name: string }) {
    const metadata = { now: this.time.now() };
    await this.commands.react(
      policy,
      event,
      async (tx) => {
        const group = await tx.load(schoolGroupDecider, 'school-group', data.groupId);
        const named = schoolGroupDecider.decide({ type: 'NoteGroupName', data, metadata }, group.state);
        tx.append(group, named);
        const state = after(schoolGroupDecider.evolve, group.state, named);
        if (named.length === 0 || state.status !== 'known') return;
        for (const studentId of state.members) {
          const className = { studentId, groupId: data.groupId, className: data.name };
          await this.noteOnLink(tx, { type: 'NoteClassName', data: className, metadata }, metadata);
        }
      },
      { retries: 3 },
    );
  }

  /** Notes on the student's link stream and, once the profile exists, writes what is new on it. */
  private async noteOnLink(tx: StreamTransaction, command: StudentLinkCommand, metadata: { now: string }) {
    const { studentId } = command.data;
    const link = await tx.load(studentLinkDecider, 'student-link', studentId);
    const noted = studentLinkDecider.decide(command, link.state);
    tx.append(link, noted);
    const state = after(studentLinkDecider.evolve, link.state, noted);
    if (noted.length === 0 || state.status !== 'known' || !state.hasProfile) return;
    const profile = await tx.load(profileDecider, 'profile', studentId);
    tx.append(profile, studentFactsOnProfile(profile.state, newFacts(state, noted), metadata));
  }
}

import { Injectable } from '@nestjs/common';
import type { ConsumedEventMeta } from '@hexfleet/eventing';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import { profileDecider, type StudentLinkCommand, studentLinkDecider } from '../domain';
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
    const { studentId } = fact.data;
    await this.commands.react(
      policy,
      event,
      async (tx) => {
        const link = await tx.load(studentLinkDecider, 'student-link', studentId);
        const noted = studentLinkDecider.decide({ ...fact, metadata } as StudentLinkCommand, link.state);
        tx.append(link, noted);
        const state = after(studentLinkDecider.evolve, link.state, noted);
        if (noted.length === 0 || state.status !== 'known' || !state.hasProfile) return;
        const profile = await tx.load(profileDecider, 'profile', studentId);
        tx.append(profile, studentFactsOnProfile(profile.state, newFacts(state, noted), metadata));
      },
      { retries: 3 },
    );
  }
}

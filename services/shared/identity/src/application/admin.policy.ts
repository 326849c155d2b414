import { policy } from '@hexfleet/eventing';
import type { Policy } from '@hexfleet/eventing';
import type { admin } from '@hexfleet/schemas';
import type { Later } from '@hexfleet/platform';
import type { StudentAccountsCommandHandler } from './student-accounts.command-handler';

/** The Admin events identity reacts to; the rest of admin.student.v1 passes by. */
export type AdminFacts = Extract<admin.AdminStudentV1Event, { type: 'StudentEnrolled' | 'StudentWithdrawn' }>;

/**
 * Admin -> identity (ADR 0043): StudentEnrolled invites the student (with an email of their
 * own) and the guardians, StudentWithdrawn deactivates the student's account. `accounts` is
 * handed over once Nest has built it (see hrms.policy.ts).
 */
export function adminPolicy(accounts: Later<StudentAccountsCommandHandler>, suffix = ''): Policy {
  const name = `identity-admin${suffix}`;
  return policy<AdminFacts>({
    name,
    topics: ['admin.student.v1'],
    on: {
      StudentEnrolled: (event) => accounts.get().enrol({ name }, event),
      StudentWithdrawn: (event) => accounts.get().withdraw({ name }, event),
    },
  });
}

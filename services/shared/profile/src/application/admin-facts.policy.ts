import { policy } from '@hexfleet/eventing';
import type { Policy } from '@hexfleet/eventing';
import type { Later } from '@hexfleet/platform';
import type { admin } from '@hexfleet/schemas';
import type { StudentFactsCommandHandler } from './student-facts.command-handler';

/** The Admin events that say a student's admission number, group or class name; guardians come from identity. */
export type AdminFacts =
  | Extract<
      admin.AdminStudentV1Event,
      { type: 'StudentAdmitted' | 'StudentEnrolled' | 'StudentGroupChanged' | 'StudentPromoted' }
    >
  | Extract<admin.AdminGroupV1Event, { type: 'GroupCreated' }>;

/**
 * admin.student.v1 and admin.group.v1 -> the per-app fields Admin owns (admission number,
 * class: the group's name) on the student's profile, through the student's link stream and
 * the group's (ADR 0047). `students` is handed over once Nest
 * has built it (see identity-facts.policy.ts).
 */
export function adminFactsPolicy(students: Later<StudentFactsCommandHandler>, suffix = ''): Policy {
  const name = `profile-admin-facts${suffix}`;
  const note = (event: Parameters<StudentFactsCommandHandler['note']>[1], data: NoteRecord) =>
    students.get().note({ name }, event, { type: 'NoteRecord', data });
  return policy<AdminFacts>({
    name,
    topics: ['admin.student.v1', 'admin.group.v1'],
    on: {
      GroupCreated: (event) => {
        const { groupId, name: groupName } = event.data;
        return students.get().nameGroup({ name }, event, { groupId, name: groupName });
      },
      StudentAdmitted: (event) => {
        const { studentId, schoolId, admissionNumber } = event.data;
        return note(event, { studentId, schoolId, admissionNumber });
      },
      StudentEnrolled: (event) => {
        const { studentId, schoolId, admissionNumber, groupId } = event.data;
        return note(event, { studentId, schoolId, admissionNumber, groupId });
      },
      StudentGroupChanged: (event) => {
        const { studentId, schoolId, toGroupId } = event.data;
        return note(event, { studentId, schoolId, groupId: toGroupId });
      },
      StudentPromoted: (event) => {
        const { studentId, schoolId, toGroupId } = event.data;
        return note(event, { studentId, schoolId, groupId: toGroupId });
      },
    },
  });
}

type NoteRecord = Extract<Parameters<StudentFactsCommandHandler['note']>[2], { type: 'NoteRecord' }>['data'];

import { profile } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { schoolGroupDecider, type SchoolGroupCommand } from '../../src/domain';
import { meta, NOW, STUDENT, USER } from './fixtures';

const GROUP = '018f3a2e-7b1c-7d00-8a00-0000000000b1';
const given = deciderSpec(schoolGroupDecider);
const name = (value: string): SchoolGroupCommand => ({
  type: 'NoteGroupName',
  data: { groupId: GROUP, name: value },
  ...meta(),
});
const member = (studentId: string): SchoolGroupCommand => ({
  type: 'NoteMember',
  data: { groupId: GROUP, studentId },
  ...meta(),
});
const named = (value: string) => profile.groupNameNoted({ groupId: GROUP, name: value, notedAt: NOW });
const joined = (studentId: string) => profile.groupMemberNoted({ groupId: GROUP, studentId, notedAt: NOW });

describe("feature: a group's name reaches its students whether GroupCreated or the placement comes first (ADR 0047)", () => {
  it('notes the name before or after the members, each member once, the same name once', () => {
    given([])
      .when(name(' Grade 5 B '))
      .then([named('Grade 5 B')]);
    given([joined(STUDENT)])
      .when(name('Grade 5 B'))
      .then([named('Grade 5 B')]);
    given([named('Grade 5 B')])
      .when(name('Grade 5 B'))
      .then([]);
    given([named('Grade 5 B')])
      .when(member(STUDENT))
      .then([joined(STUDENT)]);
    given([joined(STUDENT)])
      .when(member(USER))
      .then([joined(USER)]);
    given([joined(STUDENT)])
      .when(member(STUDENT))
      .then([]);
  });

  it('refuses bad ids and an empty name', () => {
    given([])
      .when({ type: 'NoteGroupName', data: { groupId: 'g', name: 'x' }, ...meta() })
      .thenThrows('invalid-group-id');
    given([]).when(member('s')).thenThrows('invalid-student-id');
    given([]).when(name('  ')).thenThrows('group-name-required');
  });
});

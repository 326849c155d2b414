import { profile } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { employeeLinkDecider, type EmployeeLinkCommand } from '../../src/domain';
import { EMPLOYEE, meta, NOW, STRANGER, USER } from './fixtures';

const given = deciderSpec(employeeLinkDecider);
const place = (data: { department?: string; designation?: string }): EmployeeLinkCommand => ({
  type: 'NotePlacement',
  data: { employeeId: EMPLOYEE, ...data },
  ...meta(),
});
const account = (userId: string): EmployeeLinkCommand => ({
  type: 'NoteAccount',
  data: { employeeId: EMPLOYEE, userId },
  ...meta(),
});
const placed = (department: string | null, designation: string | null) =>
  profile.employeePlacementNoted({ employeeId: EMPLOYEE, department, designation, notedAt: NOW });
const linked = (userId: string) => profile.employeeAccountNoted({ employeeId: EMPLOYEE, userId, notedAt: NOW });

describe('feature: HR fields reach the profile whichever of EmployeeHired and UserRegistered comes first', () => {
  it('notes the placement of a hire, then only what a promotion or transfer changes', () => {
    given([])
      .when(place({ department: 'Engineering', designation: 'Engineer' }))
      .then([placed('Engineering', 'Engineer')]);
    given([placed('Engineering', 'Engineer')])
      .when(place({ designation: 'Lead' }))
      .then([placed('Engineering', 'Lead')]);
    given([placed('Engineering', 'Engineer')])
      .when(place({ department: 'Sales' }))
      .then([placed('Sales', 'Engineer')]);
  });

  it('notes nothing when the placement is what it already knows', () => {
    given([placed('Engineering', 'Engineer')])
      .when(place({ department: 'Engineering' }))
      .then([]);
  });

  it('notes the account of the employee before or after the placement, once', () => {
    given([])
      .when(account(USER))
      .then([linked(USER)]);
    given([placed('Engineering', 'Engineer')])
      .when(account(USER))
      .then([linked(USER)]);
    given([linked(USER)])
      .when(account(USER))
      .then([]);
  });

  it('refuses a second account for the same employee', () => {
    given([linked(USER)])
      .when(account(STRANGER))
      .thenThrows('employee-has-another-account', { userId: USER });
  });

  it('refuses ids that are not UUIDs', () => {
    given([]).when(account('nobody')).thenThrows('invalid-user-id');
    given([])
      .when({ type: 'NotePlacement', data: { employeeId: 'e-1', department: 'Sales' }, ...meta() })
      .thenThrows('invalid-employee-id');
  });
});

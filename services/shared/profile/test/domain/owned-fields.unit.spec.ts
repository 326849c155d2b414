import { deciderSpec } from '@hexfleet/testing';
import { type Actor, type ProfileChanges, profileDecider, type ProfileCommand } from '../../src/domain';
import {
  ADMIN_ID,
  employeeProfile,
  hr,
  initialFields,
  meta,
  person,
  schoolAdmin,
  self,
  studentProfile,
  system,
  updated,
  USER,
} from './fixtures';

const given = deciderSpec(profileDecider);
const update = (changes: ProfileChanges, actor: Actor): ProfileCommand => ({
  type: 'UpdateProfile',
  data: { actor, changes },
  ...meta(),
});
const business = initialFields('Ana Silva', 'ana@acme.test');
const school = initialFields('Kid Silva', 'kid@school.test');

describe('rule: fields owned by HR or Admin are read-only to the person', () => {
  it.each(['department', 'designation'])('refuses the person changing their %s (owned by HR)', (field) => {
    given([employeeProfile])
      .when(update({ [field]: 'Sales' }, self))
      .thenThrows('field-read-only', { field, ownedBy: 'hr' });
  });

  it('refuses the person even when they are a manager: only HR or a tenant admin set them', () => {
    given([employeeProfile])
      .when(update({ department: 'Sales' }, person(USER, 'employee', 'manager')))
      .thenThrows('field-read-only');
  });

  it('lets HR, a tenant admin or a policy (EmployeeHired) set them', () => {
    given([employeeProfile])
      .when(update({ department: 'Sales', designation: 'Rep' }, hr))
      .then([
        updated({ ...business, department: 'Sales', designation: 'Rep' }, ['department', 'designation'], ADMIN_ID),
      ]);
    given([employeeProfile])
      .when(update({ department: 'Sales' }, person(ADMIN_ID, 'tenant-admin')))
      .then([updated({ ...business, department: 'Sales' }, ['department'], ADMIN_ID)]);
    given([employeeProfile])
      .when(update({ department: 'Sales' }, system))
      .then([updated({ ...business, department: 'Sales' }, ['department'], null)]);
  });

  it.each(['admissionNumber', 'className'])(
    "refuses the student changing their %s (owned by the school's admin)",
    (field) => {
      const adult = updated({ ...school, birthDate: '2000-01-01' }, ['birthDate'], ADMIN_ID);
      given([studentProfile, adult])
        .when(update({ [field]: '7B' }, person(USER, 'student')))
        .thenThrows('field-read-only', { field, ownedBy: 'admin' });
    },
  );

  it("lets the school's admin set the admission number and class", () => {
    given([studentProfile])
      .when(update({ admissionNumber: 'A-042', className: '7B' }, schoolAdmin))
      .then([
        updated({ ...school, admissionNumber: 'A-042', className: '7B' }, ['admissionNumber', 'className'], ADMIN_ID),
      ]);
  });

  it('accepts the person sending an owned field back unchanged with their own edits', () => {
    const withDepartment = updated({ ...business, department: 'Sales' }, ['department'], null);
    given([employeeProfile, withDepartment])
      .when(update({ department: 'Sales', preferredName: 'A' }, self))
      .then([updated({ ...business, department: 'Sales', preferredName: 'A' }, ['preferredName'], USER)]);
  });

  it('keeps per-app fields to their product', () => {
    given([employeeProfile])
      .when(update({ className: '7B' }, system))
      .thenThrows('field-not-in-product', { field: 'className' });
    given([studentProfile])
      .when(update({ department: 'Sales' }, system))
      .thenThrows('field-not-in-product', { field: 'department' });
  });
});

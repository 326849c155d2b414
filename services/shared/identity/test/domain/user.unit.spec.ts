import { identity } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { type ScopeInput, userDecider, type UserCommand } from '../../src/domain';
import { ADMIN, EMPLOYEE, GROUP, meta, NOW, SCHOOL, STUDENT, USER, userRegistered } from './fixtures';

const given = deciderSpec(userDecider);
const tenant = (product: identity.Product = 'business', status: 'active' | 'suspended' = 'active') => ({
  product,
  status,
});
const grant = (role: string, scope: ScopeInput): UserCommand => ({
  type: 'GrantRole',
  data: { role, scope, grantedBy: ADMIN },
  ...meta(),
});
const revoke = (role: string, scope: ScopeInput): UserCommand => ({
  type: 'RevokeRole',
  data: { role, scope, revokedBy: ADMIN },
  ...meta(),
});
const granted = (role: string, scopeType: identity.ScopeType = 'tenant', scopeId: string | null = null) =>
  identity.roleGranted({ userId: USER, role, scopeType, scopeId, grantedBy: ADMIN, grantedAt: NOW });
const deactivated = identity.userDeactivated({
  userId: USER,
  reason: 'employee separated',
  deactivatedBy: null,
  deactivatedAt: NOW,
});
const deactivate: UserCommand = {
  type: 'DeactivateUser',
  data: { reason: 'employee separated', deactivatedBy: null },
  ...meta(),
};

describe('feature: invite or self-register a user', () => {
  it('self-registers with the email lower-cased and the tenant product', () => {
    given([])
      .when({
        type: 'RegisterUser',
        data: { userId: USER, email: 'Ana@Acme.test', displayName: ' Ana Silva ', tenant: tenant() },
        ...meta(),
      })
      .then([userRegistered()]);
  });

  it('invites an employee, naming the HRMS employee it came from', () => {
    const data = {
      userId: USER,
      email: 'ana@acme.test',
      displayName: 'Ana Silva',
      tenant: tenant(),
      invitedBy: null,
      employeeId: EMPLOYEE,
    };
    given([])
      .when({ type: 'InviteUser', data, ...meta() })
      .then([
        identity.userRegistered({
          userId: USER,
          product: 'business',
          email: 'ana@acme.test',
          displayName: 'Ana Silva',
          registeredVia: 'invitation',
          invitedBy: null,
          employeeId: EMPLOYEE,
          studentId: null,
          registeredAt: NOW,
        }),
      ]);
  });

  it('invites a student into a school tenant', () => {
    const data = {
      userId: USER,
      email: 'kid@school.test',
      displayName: 'Kid',
      tenant: tenant('school'),
      invitedBy: ADMIN,
      studentId: STUDENT,
    };
    const [event] = userDecider.decide({ type: 'InviteUser', data, ...meta() }, userDecider.initialState);
    expect(event.data).toMatchObject({ product: 'school', studentId: STUDENT, employeeId: null, invitedBy: ADMIN });
  });

  it('refuses an origin from the other product, or two origins', () => {
    const base = { userId: USER, email: 'a@b.test', displayName: 'A', invitedBy: null };
    given([])
      .when({ type: 'InviteUser', data: { ...base, tenant: tenant('school'), employeeId: EMPLOYEE }, ...meta() })
      .thenThrows('origin-not-in-product');
    given([])
      .when({ type: 'InviteUser', data: { ...base, tenant: tenant('business'), studentId: STUDENT }, ...meta() })
      .thenThrows('origin-not-in-product');
    given([])
      .when({
        type: 'InviteUser',
        data: { ...base, tenant: tenant(), employeeId: EMPLOYEE, studentId: STUDENT },
        ...meta(),
      })
      .thenThrows('one-origin-at-most');
  });

  it('refuses a registration in a suspended tenant, a second registration, a bad id, email or name', () => {
    const data = { userId: USER, email: 'ana@acme.test', displayName: 'Ana', tenant: tenant() };
    given([])
      .when({ type: 'RegisterUser', data: { ...data, tenant: tenant('business', 'suspended') }, ...meta() })
      .thenThrows('tenant-suspended');
    given([userRegistered()])
      .when({ type: 'RegisterUser', data, ...meta() })
      .thenThrows('user-already-registered');
    given([])
      .when({ type: 'RegisterUser', data: { ...data, userId: 'u1' }, ...meta() })
      .thenThrows('invalid-user-id');
    given([])
      .when({ type: 'RegisterUser', data: { ...data, email: 'nope' }, ...meta() })
      .thenThrows('invalid-email');
    given([])
      .when({ type: 'RegisterUser', data: { ...data, displayName: '' }, ...meta() })
      .thenThrows('display-name-required');
  });
});

describe('feature: verify email and publish password changes without secrets', () => {
  const verify = (email: string): UserCommand => ({ type: 'VerifyEmail', data: { email }, ...meta() });
  const verified = identity.emailVerified({ userId: USER, email: 'ana@acme.test', verifiedAt: NOW });

  it('verifies the current email once; a second click records nothing', () => {
    given([userRegistered()]).when(verify('ANA@acme.test')).then([verified]);
    given([userRegistered(), verified]).when(verify('ana@acme.test')).then([]);
  });

  it('refuses a link sent to another address, or for an unknown user', () => {
    given([userRegistered()]).when(verify('old@acme.test')).thenThrows('email-mismatch');
    given([]).when(verify('ana@acme.test')).thenThrows('user-not-found');
  });

  it('records PasswordChanged with its reason and nothing secret', () => {
    given([userRegistered()])
      .when({ type: 'RecordPasswordChange', data: { reason: 'reset' }, ...meta() })
      .then([identity.passwordChanged({ userId: USER, reason: 'reset', changedAt: NOW })]);
  });
});

describe('rule: each grant names exactly one scope', () => {
  it('grants a tenant-wide role', () => {
    given([userRegistered()])
      .when(grant('manager', { tenant: true }))
      .then([granted('manager')]);
  });

  it('grants a school role over one school or one group', () => {
    given([userRegistered('school')])
      .when(grant('teacher', { schoolId: SCHOOL }))
      .then([granted('teacher', 'school', SCHOOL)]);
    given([userRegistered('school')])
      .when(grant('teacher', { groupId: GROUP }))
      .then([granted('teacher', 'group', GROUP)]);
  });

  it.each<[string, ScopeInput]>([
    ['no scope', {}],
    ['tenant and school', { tenant: true, schoolId: SCHOOL }],
    ['school and group', { schoolId: SCHOOL, groupId: GROUP }],
    ['all three', { tenant: true, schoolId: SCHOOL, groupId: GROUP }],
  ])('refuses a grant naming %s', (_, scope) => {
    given([userRegistered('school')])
      .when(grant('teacher', scope))
      .thenThrows('grant-needs-exactly-one-scope');
  });

  it('refuses a scope id that is not an id', () => {
    given([userRegistered('school')])
      .when(grant('teacher', { schoolId: 'north' }))
      .thenThrows('invalid-scope-id');
  });
});

describe('rule: roles belong to the tenant product and fit their scope', () => {
  it('refuses a school role in a business tenant and the reverse', () => {
    given([userRegistered('business')])
      .when(grant('teacher', { tenant: true }))
      .thenThrows('role-not-in-product');
    given([userRegistered('school')])
      .when(grant('payroll-admin', { tenant: true }))
      .thenThrows('role-not-in-product');
  });

  it('refuses a role over a scope it cannot cover', () => {
    given([userRegistered('school')])
      .when(grant('school-admin', { tenant: true }))
      .thenThrows('role-scope-not-allowed');
    given([userRegistered('school')])
      .when(grant('hq-admin', { schoolId: SCHOOL }))
      .thenThrows('role-scope-not-allowed');
  });

  it('refuses a duplicate grant and revokes only what was granted', () => {
    given([userRegistered(), granted('hr')])
      .when(grant('hr', { tenant: true }))
      .thenThrows('role-already-granted');
    given([userRegistered(), granted('hr')])
      .when(revoke('hr', { tenant: true }))
      .then([
        identity.roleRevoked({
          userId: USER,
          role: 'hr',
          scopeType: 'tenant',
          scopeId: null,
          revokedBy: ADMIN,
          revokedAt: NOW,
        }),
      ]);
    given([userRegistered()])
      .when(revoke('hr', { tenant: true }))
      .thenThrows('role-not-granted');
  });

  it('keeps grants over different scopes apart', () => {
    given([userRegistered('school'), granted('teacher', 'school', SCHOOL)])
      .when(grant('teacher', { groupId: GROUP }))
      .then([granted('teacher', 'group', GROUP)]);
  });
});

describe('rule: deactivation revokes all sessions and blocks login and new roles (user stream)', () => {
  it('deactivates and reactivates', () => {
    given([userRegistered()]).when(deactivate).then([deactivated]);
    given([userRegistered(), deactivated])
      .when({ type: 'ReactivateUser', data: { reactivatedBy: ADMIN }, ...meta() })
      .then([identity.userReactivated({ userId: USER, reactivatedBy: ADMIN, reactivatedAt: NOW })]);
  });

  it('refuses a new role for a deactivated user but lets one be revoked', () => {
    given([userRegistered(), deactivated])
      .when(grant('hr', { tenant: true }))
      .thenThrows('user-deactivated');
    given([userRegistered(), granted('hr'), deactivated])
      .when(revoke('hr', { tenant: true }))
      .then([
        identity.roleRevoked({
          userId: USER,
          role: 'hr',
          scopeType: 'tenant',
          scopeId: null,
          revokedBy: ADMIN,
          revokedAt: NOW,
        }),
      ]);
  });

  it('refuses email verification and password changes while deactivated', () => {
    given([userRegistered(), deactivated])
      .when({ type: 'VerifyEmail', data: { email: 'ana@acme.test' }, ...meta() })
      .thenThrows('user-deactivated');
    given([userRegistered(), deactivated])
      .when({ type: 'RecordPasswordChange', data: { reason: 'change' }, ...meta() })
      .thenThrows('user-deactivated');
  });

  it('refuses to deactivate twice or to reactivate an active user', () => {
    given([userRegistered(), deactivated]).when(deactivate).thenThrows('user-already-deactivated');
    given([userRegistered()])
      .when({ type: 'ReactivateUser', data: { reactivatedBy: ADMIN }, ...meta() })
      .thenThrows('user-not-deactivated');
    given([]).when(deactivate).thenThrows('user-not-found');
  });
});

describe('rule: a guardian account records each student it is a guardian of, once (ADR 0043, 0046)', () => {
  const record = (studentId = STUDENT, relationship = ' mother '): UserCommand => ({
    type: 'RecordGuardianship',
    data: { studentId, schoolId: SCHOOL, relationship, primary: true },
    ...meta(),
  });
  const recorded = (studentId = STUDENT) =>
    identity.guardianshipRecorded({
      userId: USER,
      studentId,
      schoolId: SCHOOL,
      relationship: 'mother',
      primary: true,
      recordedAt: NOW,
    });
  const SIBLING = '018f3a2e-7b1c-7d00-8a00-0000000000d2';

  it('records the guardianship with the relationship trimmed', () => {
    given([userRegistered('school')])
      .when(record())
      .then([recorded()]);
  });

  it('records a second child on the same account, and the same child only once', () => {
    given([userRegistered('school'), recorded()])
      .when(record(SIBLING))
      .then([recorded(SIBLING)]);
    given([userRegistered('school'), recorded()])
      .when(record())
      .then([]);
  });

  it('records it on a deactivated account too: a fact about the family, not a right', () => {
    given([userRegistered('school'), deactivated])
      .when(record())
      .then([recorded()]);
  });

  it('refuses an unknown account, the student as their own guardian, bad ids and an empty relationship', () => {
    given([]).when(record()).thenThrows('user-not-found');
    given([userRegistered('school')])
      .when(record(USER))
      .thenThrows('guardian-is-the-student');
    given([userRegistered('school')])
      .when(record('s1'))
      .thenThrows('invalid-student-id');
    given([userRegistered('school')])
      .when({ ...record(), data: { ...(record().data as object), schoolId: 'x' } } as UserCommand)
      .thenThrows('invalid-school-id');
    given([userRegistered('school')])
      .when(record(STUDENT, '  '))
      .thenThrows('relationship-required');
  });
});

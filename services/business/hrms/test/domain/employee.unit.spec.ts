import { hrms } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { fold } from '@hexfleet/kernel';
import { employeeDecider, employeeFacts, type HireEmployee } from '../../src/domain';
import { ALICE, BOB, metadata, NOW } from './builders';

const given = deciderSpec(employeeDecider);
const hire = (data: Partial<HireEmployee['data']> = {}): HireEmployee => ({
  type: 'HireEmployee',
  data: {
    employeeId: ALICE,
    firstName: 'Alice',
    lastName: 'Martin',
    workEmail: 'alice@acme.test',
    joiningDate: '2025-01-06',
    department: 'Engineering',
    designation: 'Software Engineer',
    employmentType: 'full-time',
    managerId: BOB,
    ...data,
  },
  metadata,
});
const hired = hrms.employeeHired({
  employeeId: ALICE,
  firstName: 'Alice',
  lastName: 'Martin',
  workEmail: 'alice@acme.test',
  joiningDate: '2025-01-06',
  department: 'Engineering',
  designation: 'Software Engineer',
  employmentType: 'full-time',
  managerId: BOB,
  hiredAt: NOW,
});
const separated = hrms.employeeSeparated({
  employeeId: ALICE,
  relievingDate: '2026-03-31',
  reason: 'resignation',
  separatedAt: NOW,
});
const promote = (toDesignation: string, effectiveDate = '2026-04-01') =>
  ({ type: 'PromoteEmployee', data: { toDesignation, effectiveDate }, metadata }) as const;
const transfer = (toDepartment: string, toManagerId: string | null = BOB, effectiveDate = '2026-04-01') =>
  ({
    type: 'TransferEmployee',
    data: { toDepartment, toManagerId, holidayListId: null, effectiveDate },
    metadata,
  }) as const;
const separate = (relievingDate = '2026-03-31') =>
  ({ type: 'SeparateEmployee', data: { relievingDate, reason: 'resignation' }, metadata }) as const;

describe('hiring', () => {
  it('hires with what payroll and identity need', () => {
    given([]).when(hire()).then([hired]);
  });

  it('carries the candidate and opening of a hire from Pipeline', () => {
    given([])
      .when(hire({ candidateId: 'cand-7', jobOpeningId: 'job-1', userId: 'user-alice' }))
      .then([
        { ...hired, data: { ...hired.data, candidateId: 'cand-7', jobOpeningId: 'job-1', userId: 'user-alice' } },
      ]);
  });

  it('a second hire of the same employee is a conflict', () => {
    given([hired]).when(hire()).thenThrows('employee-already-hired');
  });

  it('refuses a bad email, a bad date, a missing field or managing oneself', () => {
    given([])
      .when(hire({ workEmail: 'alice' }))
      .thenThrows('invalid-work-email');
    given([])
      .when(hire({ joiningDate: '2025-13-01' }))
      .thenThrows('invalid-date', { field: 'joiningDate' });
    given([])
      .when(hire({ department: ' ' }))
      .thenThrows('field-required', { field: 'department' });
    given([])
      .when(hire({ managerId: ALICE }))
      .thenThrows('employee-cannot-manage-self', { field: 'managerId' });
  });
});

describe('promotions and transfers', () => {
  it('promotes to a new designation', () => {
    given([hired])
      .when(promote('Senior Software Engineer'))
      .then([
        hrms.employeePromoted({
          employeeId: ALICE,
          fromDesignation: 'Software Engineer',
          toDesignation: 'Senior Software Engineer',
          effectiveDate: '2026-04-01',
          promotedAt: NOW,
        }),
      ]);
  });

  it('a promotion to the same designation changes nothing and is refused', () => {
    given([hired]).when(promote('Software Engineer')).thenThrows('promotion-changes-nothing');
  });

  it('transfers to another department and manager', () => {
    given([hired])
      .when(transfer('Platform', 'emp-carol'))
      .then([
        hrms.employeeTransferred({
          employeeId: ALICE,
          fromDepartment: 'Engineering',
          toDepartment: 'Platform',
          fromManagerId: BOB,
          toManagerId: 'emp-carol',
          holidayListId: null,
          effectiveDate: '2026-04-01',
          transferredAt: NOW,
        }),
      ]);
  });

  it('a transfer must change something, and not make one their own manager', () => {
    given([hired]).when(transfer('Engineering')).thenThrows('transfer-changes-nothing');
    given([hired])
      .when(transfer('Platform', ALICE))
      .thenThrows('employee-cannot-manage-self', { field: 'toManagerId' });
  });

  it('takes effect on or after joining', () => {
    given([hired]).when(promote('Lead', '2024-12-31')).thenThrows('effective-before-joining');
  });

  it('only an active employee is promoted or transferred', () => {
    given([hired, separated]).when(promote('Lead')).thenThrows('employee-not-active');
    given([]).when(transfer('Platform')).thenThrows('employee-not-found');
  });
});

describe('separation', () => {
  it('separates with a relieving date', () => {
    given([hired]).when(separate()).then([separated]);
  });

  it('not before joining, and only once', () => {
    given([hired]).when(separate('2025-01-05')).thenThrows('relieving-before-joining');
    given([hired, separated]).when(separate()).thenThrows('employee-already-separated');
  });

  it('carries the user id identity deactivates', () => {
    const withUser = { ...hired, data: { ...hired.data, userId: 'user-alice' } };
    given([withUser])
      .when(separate())
      .then([{ ...separated, data: { ...separated.data, userId: 'user-alice' } }]);
  });

  it('employeeFacts tell leave and attendance who is active', () => {
    const facts = { employeeId: ALICE, joiningDate: '2025-01-06' };
    expect(employeeFacts(fold(employeeDecider, [hired]))).toEqual({ ...facts, active: true, relievingDate: null });
    expect(employeeFacts(fold(employeeDecider, [hired, separated]))).toEqual({
      ...facts,
      active: false,
      relievingDate: '2026-03-31',
    });
  });
});

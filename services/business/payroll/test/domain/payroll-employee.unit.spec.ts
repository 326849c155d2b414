import { fold } from '@hexfleet/kernel';
import { payroll } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { type EnrollEmployee, payrollEmployee, payrollEmployeeDecider, type RecordAttendance } from '../../src/domain';
import { asha, metadata, NOW } from './builders';

const given = deciderSpec(payrollEmployeeDecider);
const EMPLOYEE = 'emp-asha';
const enrol = (joiningDate = '2024-01-15'): EnrollEmployee => ({
  type: 'EnrollEmployee',
  data: {
    employeeId: EMPLOYEE,
    firstName: 'Asha',
    lastName: 'Rao',
    joiningDate,
    department: 'Finance',
    designation: 'Accountant',
  },
  metadata,
});
const enrolled = payroll.employeeEnrolled({ ...enrol().data, enrolledAt: NOW });
const assign = (fromDate = '2024-01-15', structure: { currency: string } | null = { currency: 'INR' }) =>
  ({
    type: 'AssignSalaryStructure',
    data: { structureId: 'struct-g3', fromDate, baseMinor: 5_000_000, assignedBy: 'user-payroll', structure },
    metadata,
  }) as const;
const assigned = payroll.salaryStructureAssigned({
  employeeId: EMPLOYEE,
  structureId: 'struct-g3',
  fromDate: '2024-01-15',
  baseMinor: 5_000_000,
  currency: 'INR',
  assignedBy: 'user-payroll',
  assignedAt: NOW,
});
const separate = (relievingDate: string) => ({ type: 'RecordSeparation', data: { relievingDate }, metadata }) as const;
const separated = payroll.employeeSeparationRecorded({
  employeeId: EMPLOYEE,
  relievingDate: '2026-04-17',
  recordedAt: NOW,
});
const leaveDays = [
  { date: '2026-04-06', halfDay: false },
  { date: '2026-04-07', halfDay: true },
];
const recordLeave = { type: 'RecordUnpaidLeave', data: { leaveRequestId: 'leave-1', leaveDays }, metadata } as const;
const leaveRecorded = payroll.unpaidLeaveRecorded({
  employeeId: EMPLOYEE,
  leaveRequestId: 'leave-1',
  leaveDays,
  recordedAt: NOW,
});
const reverseLeave = { type: 'ReverseUnpaidLeave', data: { leaveRequestId: 'leave-1' }, metadata } as const;
const leaveReversed = payroll.unpaidLeaveReversed({ employeeId: EMPLOYEE, leaveRequestId: 'leave-1', recordedAt: NOW });
const attendance = (
  status: RecordAttendance['data']['status'],
  leaveRequestId: string | null = null,
): RecordAttendance => ({
  type: 'RecordAttendance',
  data: { date: '2026-04-20', status, leaveRequestId },
  metadata,
});
const absent = (absentDays: number) =>
  payroll.absenceRecorded({ employeeId: EMPLOYEE, date: '2026-04-20', absentDays, recordedAt: NOW });
const absenceCleared = payroll.absenceCleared({ employeeId: EMPLOYEE, date: '2026-04-20', recordedAt: NOW });

describe('enrolment', () => {
  it('enrols an employee hired in HRMS', () => {
    given([]).when(enrol()).then([enrolled]);
  });

  it('the same enrolment again changes nothing: HRMS events arrive at least once', () => {
    given([enrolled]).when(enrol()).then([]);
  });

  it('a different enrolment of the same employee is a conflict', () => {
    given([enrolled]).when(enrol('2024-02-01')).thenThrows('employee-already-enrolled');
  });

  it('nothing else happens before enrolment', () => {
    given([]).when(assign()).thenThrows('employee-not-enrolled');
    given([]).when(recordLeave).thenThrows('employee-not-enrolled');
  });
});

describe('salary structure assignment', () => {
  it('assigns a structure from a date with a monthly base in its currency', () => {
    given([enrolled]).when(assign()).then([assigned]);
  });

  it('not before joining, not after relieving, not twice on one date', () => {
    given([enrolled]).when(assign('2024-01-14')).thenThrows('assignment-before-joining');
    given([enrolled, separated]).when(assign('2026-04-18')).thenThrows('assignment-after-relieving');
    given([enrolled, assigned]).when(assign()).thenThrows('assignment-exists-for-date');
  });

  it('the structure must exist', () => {
    given([enrolled]).when(assign('2024-01-15', null)).thenThrows('salary-structure-not-found');
  });

  it('later assignments supersede from their date; the state keeps them in date order', () => {
    const raise = { ...assigned, data: { ...assigned.data, fromDate: '2025-04-01', baseMinor: 6_000_000 } };
    const employee = payrollEmployee(fold(payrollEmployeeDecider, [enrolled, raise, assigned]));
    expect(employee.assignments.map((a) => a.fromDate)).toEqual(['2024-01-15', '2025-04-01']);
  });
});

describe('separation', () => {
  it('records the relieving date, once', () => {
    given([enrolled]).when(separate('2026-04-17')).then([separated]);
    given([enrolled, separated]).when(separate('2026-04-17')).then([]);
    given([enrolled, separated]).when(separate('2026-04-30')).thenThrows('separation-already-recorded');
    given([enrolled]).when(separate('2024-01-14')).thenThrows('relieving-before-joining');
  });
});

describe('unpaid leave and absences', () => {
  it('records an approved unpaid leave and its reversal, each once', () => {
    given([enrolled]).when(recordLeave).then([leaveRecorded]);
    given([enrolled, leaveRecorded]).when(recordLeave).then([]);
    given([enrolled, leaveRecorded]).when(reverseLeave).then([leaveReversed]);
    given([enrolled, leaveRecorded, leaveReversed]).when(reverseLeave).then([]);
    given([enrolled, leaveRecorded, leaveReversed]).when(recordLeave).then([]);
  });

  it('reversing a leave never recorded is an error', () => {
    given([enrolled]).when(reverseLeave).thenThrows('unpaid-leave-not-recorded');
  });

  it('absent is a day, a half day without leave is half, anything else clears the absence', () => {
    given([enrolled])
      .when(attendance('absent'))
      .then([absent(1)]);
    given([enrolled])
      .when(attendance('half_day'))
      .then([absent(0.5)]);
    given([enrolled]).when(attendance('half_day', 'leave-1')).then([]);
    given([enrolled, absent(1)])
      .when(attendance('present'))
      .then([absenceCleared]);
    given([enrolled, absent(1)])
      .when(attendance('on_leave', 'leave-2'))
      .then([absenceCleared]);
    given([enrolled, absent(1)])
      .when(attendance(null))
      .then([absenceCleared]);
    given([enrolled, absent(1)])
      .when(attendance('absent'))
      .then([]);
  });

  it('the folded employee is what a payroll run receives', () => {
    const history = [enrolled, assigned, leaveRecorded, absent(1), separated];
    expect(payrollEmployee(fold(payrollEmployeeDecider, history))).toEqual(
      asha({
        relievingDate: '2026-04-17',
        unpaidLeave: { 'leave-1': leaveDays },
        absences: { '2026-04-20': 1 },
      }),
    );
  });
});

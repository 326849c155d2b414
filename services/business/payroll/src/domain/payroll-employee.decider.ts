import { assertNever, Decider, DomainError, Money } from '@hexfleet/kernel';
import { payroll } from '@hexfleet/schemas';
import {
  absentDaysFor,
  type AssignSalaryStructure,
  type EnrollEmployee,
  type PayrollEmployee,
  type PayrollEmployeeCommand,
  type PayrollEmployeeEvent,
  type PayrollEmployeeState,
} from './payroll-employee.types';
import { requireDate } from './period';

function enrol({ data, metadata }: EnrollEmployee, state: PayrollEmployeeState): PayrollEmployeeEvent[] {
  requireDate(data.joiningDate, 'joiningDate');
  const { employeeId, firstName, lastName, joiningDate, department, designation } = data;
  if (state.status === 'none')
    return [
      payroll.employeeEnrolled({
        employeeId,
        firstName,
        lastName,
        joiningDate,
        department,
        designation,
        enrolledAt: metadata.now,
      }),
    ];
  const same = state.joiningDate === data.joiningDate && state.name === fullName(data);
  if (same) return [];
  throw new DomainError('employee-already-enrolled', { employeeId: state.employeeId });
}

function assign({ data, metadata }: AssignSalaryStructure, employee: PayrollEmployee): PayrollEmployeeEvent[] {
  const { structureId, fromDate, baseMinor, assignedBy, structure } = data;
  if (!structure) throw new DomainError('salary-structure-not-found', { structureId });
  requireDate(fromDate, 'fromDate');
  if (fromDate < employee.joiningDate)
    throw new DomainError('assignment-before-joining', { fromDate, joiningDate: employee.joiningDate });
  if (employee.relievingDate && fromDate > employee.relievingDate)
    throw new DomainError('assignment-after-relieving', { fromDate, relievingDate: employee.relievingDate });
  if (Money.isNegative(Money.of(baseMinor, structure.currency))) throw new DomainError('invalid-amount', { baseMinor });
  if (employee.assignments.some((a) => a.fromDate === fromDate))
    throw new DomainError('assignment-exists-for-date', { fromDate });
  const { employeeId } = employee;
  const currency = structure.currency;
  return [
    payroll.salaryStructureAssigned({
      employeeId,
      structureId,
      fromDate,
      baseMinor,
      currency,
      assignedBy,
      assignedAt: metadata.now,
    }),
  ];
}

function decideFor(
  command: Exclude<PayrollEmployeeCommand, EnrollEmployee>,
  employee: PayrollEmployee,
): PayrollEmployeeEvent[] {
  const { employeeId } = employee;
  const recordedAt = command.metadata.now;
  switch (command.type) {
    case 'AssignSalaryStructure':
      return assign(command, employee);
    case 'RecordSeparation': {
      const relievingDate = requireDate(command.data.relievingDate, 'relievingDate');
      if (employee.relievingDate === relievingDate) return [];
      if (employee.relievingDate)
        throw new DomainError('separation-already-recorded', { relievingDate: employee.relievingDate });
      if (relievingDate < employee.joiningDate)
        throw new DomainError('relieving-before-joining', { relievingDate, joiningDate: employee.joiningDate });
      return [payroll.employeeSeparationRecorded({ employeeId, relievingDate, recordedAt })];
    }
    case 'RecordUnpaidLeave': {
      const { leaveRequestId, leaveDays } = command.data;
      if (leaveRequestId in employee.unpaidLeave || employee.reversedLeave.includes(leaveRequestId)) return [];
      leaveDays.forEach((day) => requireDate(day.date, 'leaveDays.date'));
      return [payroll.unpaidLeaveRecorded({ employeeId, leaveRequestId, leaveDays, recordedAt })];
    }
    case 'ReverseUnpaidLeave': {
      const { leaveRequestId } = command.data;
      if (employee.reversedLeave.includes(leaveRequestId)) return [];
      if (!(leaveRequestId in employee.unpaidLeave))
        throw new DomainError('unpaid-leave-not-recorded', { leaveRequestId });
      return [payroll.unpaidLeaveReversed({ employeeId, leaveRequestId, recordedAt })];
    }
    case 'RecordAttendance': {
      const date = requireDate(command.data.date, 'date');
      const absentDays = absentDaysFor(command.data.status, command.data.leaveRequestId);
      const before = employee.absences[date] ?? 0;
      if (absentDays === before) return [];
      if (absentDays === 0) return [payroll.absenceCleared({ employeeId, date, recordedAt })];
      return [payroll.absenceRecorded({ employeeId, date, absentDays, recordedAt })];
    }
    default:
      return assertNever(command);
  }
}

const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`.trim();

function evolve(state: PayrollEmployeeState, event: PayrollEmployeeEvent): PayrollEmployeeState {
  if (event.type === 'EmployeeEnrolled') {
    const { employeeId, joiningDate } = event.data;
    const name = fullName(event.data);
    return {
      status: 'enrolled',
      employeeId,
      name,
      joiningDate,
      relievingDate: null,
      assignments: [],
      unpaidLeave: {},
      reversedLeave: [],
      absences: {},
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'SalaryStructureAssigned': {
      const { structureId, fromDate, baseMinor, currency } = event.data;
      const assignments = [...state.assignments, { structureId, fromDate, baseMinor, currency }];
      return { ...state, assignments: assignments.sort((a, b) => a.fromDate.localeCompare(b.fromDate)) };
    }
    case 'EmployeeSeparationRecorded':
      return { ...state, relievingDate: event.data.relievingDate };
    case 'UnpaidLeaveRecorded':
      return { ...state, unpaidLeave: { ...state.unpaidLeave, [event.data.leaveRequestId]: event.data.leaveDays } };
    case 'UnpaidLeaveReversed': {
      const { [event.data.leaveRequestId]: _reversed, ...unpaidLeave } = state.unpaidLeave;
      return { ...state, unpaidLeave, reversedLeave: [...state.reversedLeave, event.data.leaveRequestId] };
    }
    case 'AbsenceRecorded':
      return { ...state, absences: { ...state.absences, [event.data.date]: event.data.absentDays } };
    case 'AbsenceCleared': {
      const { [event.data.date]: _cleared, ...absences } = state.absences;
      return { ...state, absences };
    }
    default:
      return assertNever(event);
  }
}

export const payrollEmployeeDecider: Decider<PayrollEmployeeCommand, PayrollEmployeeEvent, PayrollEmployeeState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (command.type === 'EnrollEmployee') return enrol(command, state);
    if (state.status === 'none') throw new DomainError('employee-not-enrolled');
    return decideFor(command, state);
  },
  evolve,
};

/** The facts a payroll run needs of an enrolled employee. */
export function payrollEmployee(state: PayrollEmployeeState): PayrollEmployee {
  if (state.status === 'none') throw new DomainError('employee-not-enrolled');
  const { status: _status, ...employee } = state;
  return employee;
}

import { assertNever, Decider, DomainError } from '@hexfleet/kernel';
import { hrms } from '@hexfleet/schemas';
import type { EmployeeFacts } from './command';
import type { EmployeeCommand, HireEmployee } from './employee.commands';
import { requireDate, requireText } from './dates';

/** Stream `<tenant>/employee/<employeeId>`, topic hrms.employee.v1. */
export type EmployeeEvent = hrms.HrmsEmployeeV1Event;

interface Placement {
  employeeId: string;
  joiningDate: string;
  department: string;
  designation: string;
  managerId: string | null;
  holidayListId: string | null;
  userId: string | null;
}

export type EmployeeState =
  | { status: 'none' }
  | ({ status: 'active' } & Placement)
  | ({ status: 'separated'; relievingDate: string } & Placement);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function current(state: EmployeeState) {
  if (state.status === 'none') throw new DomainError('employee-not-found');
  if (state.status === 'separated') throw new DomainError('employee-not-active', { employeeId: state.employeeId });
  return state;
}

function notBeforeJoining(date: string, placement: Placement) {
  if (date < placement.joiningDate)
    throw new DomainError('effective-before-joining', { effectiveDate: date, joiningDate: placement.joiningDate });
}

function hire({ data, metadata }: HireEmployee, state: EmployeeState): EmployeeEvent[] {
  // A redelivered CandidateHired is deduplicated by its command id upstream; a second hire here is a real conflict.
  if (state.status !== 'none') throw new DomainError('employee-already-hired', { employeeId: data.employeeId });
  requireDate(data.joiningDate, 'joiningDate');
  if (!EMAIL.test(data.workEmail ?? '')) throw new DomainError('invalid-work-email', { workEmail: data.workEmail });
  if (data.managerId === data.employeeId) throw new DomainError('employee-cannot-manage-self', { field: 'managerId' });
  return [
    hrms.employeeHired({
      employeeId: data.employeeId,
      workEmail: data.workEmail,
      joiningDate: data.joiningDate,
      managerId: data.managerId ?? null,
      userId: data.userId ?? null,
      holidayListId: data.holidayListId ?? null,
      candidateId: data.candidateId ?? null,
      jobOpeningId: data.jobOpeningId ?? null,
      firstName: requireText(data.firstName, 'firstName'),
      lastName: (data.lastName ?? '').trim(),
      department: requireText(data.department, 'department'),
      designation: requireText(data.designation, 'designation'),
      employmentType: requireText(data.employmentType, 'employmentType'),
      hiredAt: metadata.now,
    }),
  ];
}

function decide(command: EmployeeCommand, state: EmployeeState): EmployeeEvent[] {
  switch (command.type) {
    case 'HireEmployee':
      return hire(command, state);
    case 'PromoteEmployee': {
      const employee = current(state);
      const { toDesignation, effectiveDate, note } = command.data;
      notBeforeJoining(requireDate(effectiveDate, 'effectiveDate'), employee);
      if (requireText(toDesignation, 'toDesignation') === employee.designation)
        throw new DomainError('promotion-changes-nothing', { designation: employee.designation });
      return [
        hrms.employeePromoted({
          employeeId: employee.employeeId,
          fromDesignation: employee.designation,
          toDesignation: toDesignation.trim(),
          effectiveDate,
          note: note ?? '',
          promotedAt: command.metadata.now,
        }),
      ];
    }
    case 'TransferEmployee': {
      const employee = current(state);
      const { toDepartment, toManagerId, holidayListId, effectiveDate } = command.data;
      notBeforeJoining(requireDate(effectiveDate, 'effectiveDate'), employee);
      if (toManagerId === employee.employeeId)
        throw new DomainError('employee-cannot-manage-self', { field: 'toManagerId' });
      const department = requireText(toDepartment, 'toDepartment');
      if (
        department === employee.department &&
        toManagerId === employee.managerId &&
        holidayListId === employee.holidayListId
      )
        throw new DomainError('transfer-changes-nothing');
      return [
        hrms.employeeTransferred({
          employeeId: employee.employeeId,
          fromDepartment: employee.department,
          toDepartment: department,
          fromManagerId: employee.managerId,
          toManagerId,
          holidayListId,
          effectiveDate,
          transferredAt: command.metadata.now,
        }),
      ];
    }
    case 'SeparateEmployee': {
      if (state.status === 'separated')
        throw new DomainError('employee-already-separated', { relievingDate: state.relievingDate });
      const employee = current(state);
      const relievingDate = requireDate(command.data.relievingDate, 'relievingDate');
      if (relievingDate < employee.joiningDate)
        throw new DomainError('relieving-before-joining', { relievingDate, joiningDate: employee.joiningDate });
      return [
        hrms.employeeSeparated({
          employeeId: employee.employeeId,
          relievingDate,
          reason: command.data.reason ?? '',
          userId: employee.userId,
          separatedAt: command.metadata.now,
        }),
      ];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: EmployeeState, event: EmployeeEvent): EmployeeState {
  switch (event.type) {
    case 'EmployeeHired': {
      const { employeeId, joiningDate, department, designation, managerId, holidayListId, userId } = event.data;
      return { status: 'active', employeeId, joiningDate, department, designation, managerId, holidayListId, userId };
    }
    case 'EmployeePromoted':
      return state.status === 'none' ? state : { ...state, designation: event.data.toDesignation };
    case 'EmployeeTransferred': {
      const { toDepartment, toManagerId, holidayListId } = event.data;
      if (state.status === 'none') return state;
      return { ...state, department: toDepartment, managerId: toManagerId, holidayListId };
    }
    case 'EmployeeSeparated':
      return state.status === 'none'
        ? state
        : { ...state, status: 'separated', relievingDate: event.data.relievingDate };
    default:
      return assertNever(event);
  }
}

export const employeeDecider: Decider<EmployeeCommand, EmployeeEvent, EmployeeState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};

/** The facts leave, allocation and attendance commands carry about the employee. */
export function employeeFacts(state: EmployeeState): EmployeeFacts {
  if (state.status === 'none') throw new DomainError('employee-not-found');
  return {
    employeeId: state.employeeId,
    active: state.status === 'active',
    joiningDate: state.joiningDate,
    relievingDate: state.status === 'separated' ? state.relievingDate : null,
  };
}

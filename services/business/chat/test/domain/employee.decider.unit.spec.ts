import { chat } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { fold } from '@hexfleet/kernel';
import { employeeDecider, joinsNow } from '../../src/domain/employee.decider';
import type { EmployeeCommand, EmployeeEvent } from '../../src/domain/employee.decider';

const given = deciderSpec(employeeDecider);
const NOW = '2026-03-02T09:00:00.000Z';
const E = 'e1';
const metadata = { now: NOW };
const hire = (userId: string | null = null): EmployeeCommand => ({
  type: 'NoteHire',
  data: { employeeId: E, department: 'Engineering', userId },
  metadata,
});
const link = (userId = 'u1'): EmployeeCommand => ({ type: 'LinkAccount', data: { employeeId: E, userId }, metadata });
const noted = (userId: string | null = null) =>
  chat.employeeNoted({ employeeId: E, department: 'Engineering', userId, notedAt: NOW });
const linked = (userId = 'u1') => chat.employeeAccountLinked({ employeeId: E, userId, linkedAt: NOW });
const separated = () => chat.employeeSeparationNoted({ employeeId: E, notedAt: NOW });

const after = (history: EmployeeEvent[]) => fold(employeeDecider, history);

describe('an employee as chat knows them', () => {
  it('notes the hire and the account once each, in either order', () => {
    given([]).when(hire()).then([noted()]);
    given([noted()]).when(hire()).then([]);
    given([]).when(link()).then([linked()]);
    given([linked()]).when(link('u2')).then([]);
    given([])
      .when({ type: 'NoteSeparation', data: { employeeId: E }, metadata })
      .then([separated()]);
    given([separated()])
      .when({ type: 'NoteSeparation', data: { employeeId: E }, metadata })
      .then([]);
  });

  it('joins when the department and the account are both known, exactly once', () => {
    expect(joinsNow(after([]), after([noted()]))).toBeNull();
    expect(joinsNow(after([noted()]), after([noted(), linked()]))).toEqual({ userId: 'u1', department: 'Engineering' });
    expect(joinsNow(after([linked()]), after([linked(), noted()]))).toEqual({
      userId: 'u1',
      department: 'Engineering',
    });
    expect(joinsNow(after([]), after([noted('u9')]))).toEqual({ userId: 'u9', department: 'Engineering' });
    expect(joinsNow(after([noted('u9')]), after([noted('u9'), linked()]))).toBeNull();
    expect(joinsNow(after([separated()]), after([separated(), noted('u9')]))).toBeNull();
  });
});

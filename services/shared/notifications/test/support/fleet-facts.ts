import { randomUUID } from 'node:crypto';
import { hrms, identity, libraries, payroll, profile } from '@hexfleet/schemas';
import type { OutboxStandIn } from '@hexfleet/testing';
import { uniqueAddress } from './notifications-harness';

export const AT = '2026-03-02T09:00:00.000Z';

export interface Person {
  userId: string;
  employeeId: string;
  email: string;
  name: string;
}

/**
 * The upstream facts a test needs, recorded in the stand-in outbox as their services would
 * publish them: an employee with an account (identity's UserRegistered from EmployeeHired), a
 * patron, a profile's language.
 */
export class FleetFacts {
  constructor(
    private readonly upstream: OutboxStandIn,
    readonly tenant: string,
  ) {}

  async employee(first: string, last: string, managerId: string | null = null): Promise<Person> {
    const person = {
      userId: randomUUID(),
      employeeId: randomUUID(),
      email: uniqueAddress(first.toLowerCase().replace(/[^a-z]/g, '') || 'someone'),
      name: `${first} ${last}`,
    };
    await this.upstream.record(
      this.tenant,
      'employee',
      person.employeeId,
      hrms.employeeHired({
        employeeId: person.employeeId,
        firstName: first,
        lastName: last,
        workEmail: person.email,
        joiningDate: '2026-01-05',
        department: 'Engineering',
        designation: 'Engineer',
        employmentType: 'full-time',
        managerId,
        hiredAt: AT,
      }),
    );
    await this.account(person, 'business', { employeeId: person.employeeId });
    return person;
  }

  /** Identity's account for a person, invited by a policy. */
  private account(
    person: Person,
    product: 'business' | 'school',
    from: { employeeId?: string; studentId?: string },
  ): Promise<string> {
    return this.upstream.record(
      this.tenant,
      'user',
      person.userId,
      identity.userRegistered({
        userId: person.userId,
        product,
        email: person.email,
        displayName: person.name,
        registeredVia: 'invitation',
        ...from,
        registeredAt: AT,
      }),
    );
  }

  async language(person: { userId: string }, language: string, email = true) {
    await this.upstream.record(
      this.tenant,
      'profile',
      person.userId,
      profile.preferencesChanged({
        userId: person.userId,
        language,
        timeZone: null,
        notifications: { email, sms: false, push: false },
        changedAt: AT,
      }),
    );
  }

  /** A student patron with an account (the user id is the Admin student id, ADR 0043). */
  async patron(name: string): Promise<Person & { patronId: string }> {
    const person = {
      userId: randomUUID(),
      employeeId: '',
      patronId: randomUUID(),
      email: uniqueAddress('patron'),
      name,
    };
    await this.account(person, 'school', { studentId: person.userId });
    await this.upstream.record(
      this.tenant,
      'patron',
      person.patronId,
      libraries.patronRegistered({
        patronId: person.patronId,
        schoolId: randomUUID(),
        userId: person.userId,
        name,
        category: 'student',
        registeredAt: AT,
      }),
    );
    return person;
  }

  /** Answers the event id. */
  leave(
    type: 'requested' | 'approved' | 'rejected',
    employee: Person,
    approver: Person,
    leaveRequestId = randomUUID(),
    reason = '',
  ): Promise<string> {
    const base = {
      leaveRequestId,
      employeeId: employee.employeeId,
      leaveTypeId: randomUUID(),
      unpaid: false,
      fromDate: '2026-03-09',
      toDate: '2026-03-10',
      totalDays: 2,
    };
    const days = [
      { date: '2026-03-09', halfDay: false },
      { date: '2026-03-10', halfDay: false },
    ];
    const event =
      type === 'requested'
        ? hrms.leaveRequested({ ...base, leaveDays: days, reason, requestedBy: employee.userId, requestedAt: AT })
        : type === 'approved'
          ? hrms.leaveApproved({ ...base, leaveDays: days, approvedBy: approver.employeeId, approvedAt: AT })
          : hrms.leaveRejected({ ...base, reason, rejectedBy: approver.employeeId, rejectedAt: AT });
    return this.upstream.record(this.tenant, 'leave-request', leaveRequestId, event);
  }

  async payslip(runId: string, period: string, employee: Person, netMinor: number, replaces: string | null = null) {
    const payslipId = randomUUID();
    await this.upstream.record(
      this.tenant,
      'payroll-run',
      period,
      payroll.payslipGenerated({
        payslipId,
        runId,
        period,
        revision: 1,
        employeeId: employee.employeeId,
        employeeName: employee.name,
        structureId: randomUUID(),
        currency: 'EUR',
        periodDays: 31,
        employedDays: 31,
        unpaidLeaveDays: 0,
        absentDays: 0,
        paymentDays: 31,
        lines: [],
        grossMinor: netMinor,
        deductionsMinor: 0,
        netMinor,
        final: false,
        replacesPayslipId: replaces,
        generatedAt: AT,
      }),
    );
    return payslipId;
  }

  finalize(runId: string, period: string, payslipCount: number) {
    return this.upstream.record(
      this.tenant,
      'payroll-run',
      period,
      payroll.payrollRunFinalized({
        runId,
        period,
        revision: 1,
        payslipCount,
        currency: 'EUR',
        grossMinor: 0,
        deductionsMinor: 0,
        netMinor: 0,
        finalizedBy: randomUUID(),
        finalizedAt: AT,
      }),
    );
  }
}

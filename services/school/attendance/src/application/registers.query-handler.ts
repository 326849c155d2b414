import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Consistency, hasRole, schoolsWhere, Streams, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import { lockedOn, membersOn, prefill, registerDecider, rosterDecider } from '../domain';
import { mustReach, reaches, STAFF } from './access';
import { ATTENDANCE_SETTINGS } from './attendance-settings';
import type { AttendanceSettings } from './attendance-settings';
import { loadRegisterFacts } from './register-facts';
import type { StreamReader } from './register-facts';
import { REGISTER_BOOK } from './registers.port';
import type { Range, RegisterBook } from './registers.port';

const ADMINS = ['school-admin', 'hq-admin'] as const;

/** Reads of registers and reports, fenced by school (ADR 0039); what is beyond the fence is a 404. */
@Injectable()
export class RegistersQueryHandler {
  constructor(
    @Inject(ATTENDANCE_SETTINGS) private readonly settings: AttendanceSettings,
    @Inject(REGISTER_BOOK) private readonly book: RegisterBook,
    private readonly consistency: Consistency,
    private readonly streams: Streams,
    private readonly time: TimeAndIds,
  ) {}

  /** A teacher's lessons of a day (the caller's own by default; another teacher's for the school's admins). */
  async day(
    caller: Principal,
    date: string,
    teacherUserId = caller.userId,
  ): Promise<views.attendance.DayRegisterView[]> {
    await this.consistency.await(this.settings.readModels.registers, caller);
    const rows = await this.book.day(caller.tenant, teacherUserId, date);
    return rows.filter((r) => r.teacherUserId === caller.userId || reaches(caller, ADMINS, r.schoolId, r.groupId));
  }

  /** One register as the teacher takes it, from the streams themselves: never behind a mark just made. */
  async register(caller: Principal, sessionId: string, date: string): Promise<views.attendance.RegisterView> {
    const tenant = caller.tenant;
    const reader: StreamReader = {
      load: (decider, aggregate, id) => this.streams.load(decider, tenant, aggregate, id),
    };
    const facts = await loadRegisterFacts(reader, tenant, sessionId, date, this.time, this.settings.lockDays);
    const session = facts.session.session;
    if (
      !session ||
      !(session.teacherUserId === caller.userId || reaches(caller, STAFF, session.schoolId, session.groupId))
    ) {
      throw new NotFoundException(`no session ${sessionId}`);
    }
    const { state } = await this.streams.load(registerDecider, tenant, 'register', facts.registerId);
    const records = state.status === 'none' ? {} : state.records;
    const lines = membersOn(facts.roster, date).map((m) => {
      const record = records[m.studentId];
      const away = record ? null : prefill(facts, m.studentId);
      return {
        studentId: m.studentId,
        rollNumber: m.rollNumber,
        firstName: m.firstName,
        lastName: m.lastName,
        code: record?.code ?? null,
        meaning: record?.meaning ?? null,
        originalCode: record?.originalCode ?? null,
        corrected: record?.corrected ?? false,
        prefillCode: away?.code ?? null,
        prefillReason: away?.reason ?? null,
      };
    });
    const status =
      state.status === 'withdrawn'
        ? 'withdrawn'
        : state.status === 'open' && state.completed
          ? 'taken'
          : state.status === 'open'
            ? 'partial'
            : 'open';
    const locks = lockedOn(date, facts.lockDays);
    return {
      registerId: facts.registerId,
      sessionId,
      date,
      schoolId: session.schoolId,
      groupId: session.groupId,
      subjectName: session.subjectName,
      status,
      lockedOn: locks,
      locked: facts.today >= locks,
      codes: facts.codes.map(({ code, label, meaning }) => ({ code, label, meaning })),
      lines,
    };
  }

  /** A student's attendance over a range: the student themself, or the staff of the schools they were marked in. */
  async student(caller: Principal, studentId: string, range: Range): Promise<views.attendance.StudentReportView> {
    await this.consistency.await(this.settings.readModels.registers, caller);
    const everywhere = caller.userId === studentId || hasRole(caller, 'hq-admin');
    const schools = everywhere ? null : schoolsWhere(caller, ...STAFF);
    const totals = await this.book.student(caller.tenant, studentId, range, schools);
    return { studentId, ...range, ...totals };
  }

  /** A group's attendance over a range, per student: the school's staff, or the group's own teacher grant. */
  async group(caller: Principal, groupId: string, range: Range): Promise<views.attendance.GroupReportView> {
    await this.consistency.await(this.settings.readModels.registers, caller);
    const schoolId = await this.book.schoolOfGroup(caller.tenant, groupId);
    if (!schoolId) throw new NotFoundException(`no group ${groupId}`);
    mustReach(caller, STAFF, `group ${groupId}`, { schoolId, groupId });
    return { groupId, ...range, ...(await this.book.group(caller.tenant, groupId, range)) };
  }

  /** A school's attendance over a range, per group and day: the school's staff (HQ everywhere). */
  async school(caller: Principal, schoolId: string, range: Range): Promise<views.attendance.SchoolReportView> {
    mustReach(caller, STAFF, `school ${schoolId}`, { schoolId });
    await this.consistency.await(this.settings.readModels.registers, caller);
    return { schoolId, ...range, ...(await this.book.school(caller.tenant, schoolId, range)) };
  }

  /** The group's report with each student's roll number and name, from the group's roster stream (for the CSV export). */
  async namedGroup(caller: Principal, groupId: string, range: Range) {
    const report = await this.group(caller, groupId, range);
    const { state } = await this.streams.load(rosterDecider, caller.tenant, 'roster', groupId);
    const students = report.students
      .map((line) => {
        const member = state.members[line.studentId];
        return {
          ...line,
          rollNumber: member?.rollNumber ?? null,
          firstName: member?.firstName ?? '',
          lastName: member?.lastName ?? '',
        };
      })
      .sort((a, b) => (a.rollNumber ?? Infinity) - (b.rollNumber ?? Infinity));
    return { ...report, students };
  }
}

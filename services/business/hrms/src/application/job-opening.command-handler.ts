import { Injectable } from '@nestjs/common';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { CreateJobOpening, jobOpeningDecider, JobOpeningCommand } from '../domain';
import { EmployeeQueryHandler } from './employee.query-handler';

export type JobOpeningRequest = Omit<CreateJobOpening['data'], 'jobOpeningId' | 'requestedBy'>;

/**
 * Job openings, one stream each (`<tenant>/job-opening/<jobOpeningId>`): a
 * manager asks, someone else approves (Pipeline recruits from
 * JobOpeningApproved), and the opening closes when filled or withdrawn.
 * Requester and approver are employee ids, so "not the one who asked" holds
 * however the two signed in.
 */
@Injectable()
export class JobOpeningCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly employees: EmployeeQueryHandler,
    private readonly time: TimeAndIds,
  ) {}

  async create(caller: Principal, request: JobOpeningRequest) {
    const jobOpeningId = this.time.newId(caller, 'job-opening');
    const requestedBy = await this.employees.actorId(caller);
    await this.run(caller, jobOpeningId, {
      type: 'CreateJobOpening',
      data: { ...request, jobOpeningId, requestedBy },
      metadata: { now: this.time.now() },
    });
    return { jobOpeningId, status: 'pending' };
  }

  async approve(caller: Principal, jobOpeningId: string) {
    const approvedBy = await this.employees.actorId(caller);
    await this.run(caller, jobOpeningId, {
      type: 'ApproveJobOpening',
      data: { approvedBy },
      metadata: { now: this.time.now() },
    });
    return { jobOpeningId, status: 'approved' };
  }

  async close(caller: Principal, jobOpeningId: string, reason?: string) {
    const command = {
      type: 'CloseJobOpening' as const,
      data: { closedBy: caller.userId, reason },
      metadata: { now: this.time.now() },
    };
    await this.run(caller, jobOpeningId, command);
    return { jobOpeningId, status: 'closed' };
  }

  private async run(caller: Principal, jobOpeningId: string, command: JobOpeningCommand) {
    await this.commands.handle(jobOpeningDecider, { caller, aggregate: 'job-opening', id: jobOpeningId, command });
  }
}

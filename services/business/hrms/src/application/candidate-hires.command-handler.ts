import { Injectable } from '@nestjs/common';
import type { ConsumedEvent } from '@hexfleet/eventing';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { pipeline } from '@hexfleet/schemas';
import { v5 as uuidv5 } from 'uuid';
import { employeeDecider, jobOpeningDecider } from '../domain';

const CANDIDATE_EMPLOYEE = '3c9a6f2e-1b7d-4e58-a0c4-8d2f5b6e9a17';

/** The employee a hired candidate becomes: derived from the candidate, so a redelivery or a replay finds the same one. */
export const employeeIdOfCandidate = (tenant: string, candidateId: string) =>
  uuidv5(`${tenant}/${candidateId}`, CANDIDATE_EMPLOYEE);

/**
 * Pipeline -> HRMS (flow 1): a hired candidate becomes an employee, pre-filled from
 * the candidate and the job opening. The command id derives from the event, so a
 * redelivered CandidateHired appends nothing; EmployeeHired names it as its cause,
 * and payroll, identity and profile follow EmployeeHired as for any hire.
 */
@Injectable()
export class CandidateHiresCommandHandler {
  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async hired(policy: { name: string }, event: ConsumedEvent<pipeline.CandidateHired>): Promise<void> {
    const candidate = event.data;
    const employeeId = employeeIdOfCandidate(event.tenant, candidate.candidateId);
    const now = this.time.now();
    await this.commands.react(policy, event, async (tx) => {
      const employee = await tx.load(employeeDecider, 'employee', employeeId);
      // Already an employee (an earlier delivery under another command id): nothing more to do.
      if (employee.state.status !== 'none') return;
      tx.append(
        employee,
        employeeDecider.decide(
          {
            type: 'HireEmployee',
            data: {
              employeeId,
              firstName: candidate.firstName,
              lastName: candidate.lastName,
              workEmail: candidate.email,
              joiningDate: candidate.joiningDate,
              department: candidate.department,
              designation: candidate.designation,
              employmentType: candidate.employmentType,
              managerId: null,
              userId: null,
              holidayListId: null,
              candidateId: candidate.candidateId,
              jobOpeningId: candidate.jobOpeningId,
            },
            metadata: { now },
          },
          employee.state,
        ),
      );
    });
  }

  /** The job's last place was taken in Pipeline: the opening closes (`filled`), in the name of who made that hire. */
  async filled(policy: { name: string }, event: ConsumedEvent<pipeline.JobOpeningFilled>): Promise<void> {
    const { jobOpeningId, filledBy } = event.data;
    const now = this.time.now();
    await this.commands.react(policy, event, async (tx) => {
      const opening = await tx.load(jobOpeningDecider, 'job-opening', jobOpeningId);
      // Unknown here, or already closed by hand: nothing to do.
      if (opening.state.status !== 'approved') return;
      const close = {
        type: 'CloseJobOpening' as const,
        data: { closedBy: filledBy ?? 'pipeline', reason: 'filled' },
        metadata: { now },
      };
      tx.append(opening, jobOpeningDecider.decide(close, opening.state));
    });
  }
}

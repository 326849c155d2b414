import { randomUUID } from 'node:crypto';
import { hrms } from '@hexfleet/schemas';
import { eventually, OutboxStandIn } from '@hexfleet/testing';
import type { PipelineHarness } from './pipeline-harness';

/** HRMS as Pipeline hears it, through a stand-in outbox publishing HRMS's own contracts. */
export class HrmsFacts {
  private constructor(readonly outbox: OutboxStandIn) {}

  static async start(): Promise<HrmsFacts> {
    const outbox = await OutboxStandIn.start('hrms', '/business/hrms', hrms.contracts);
    await outbox.publish();
    return new HrmsFacts(outbox);
  }

  close() {
    return this.outbox.close();
  }

  /** An approved job opening with `positions` places; answers once its board is on the read side. */
  async approvedJob(service: PipelineHarness, tenant: string, token: string, positions: number): Promise<string> {
    const jobOpeningId = randomUUID();
    await this.outbox.record(
      tenant,
      'job-opening',
      jobOpeningId,
      hrms.jobOpeningApproved({
        jobOpeningId,
        title: 'Senior Accountant',
        department: 'Finance',
        designation: 'Accountant',
        positions,
        description: '',
        requestedBy: randomUUID(),
        approvedBy: randomUUID(),
        approvedAt: '2026-03-01T09:00:00.000Z',
      }),
    );
    await eventually(async () => (await service.call('GET', `/pipelines/${jobOpeningId}`, { token })).status === 200, {
      what: `the board of job ${jobOpeningId}`,
    });
    return jobOpeningId;
  }
}

import { randomBytes, randomUUID } from 'node:crypto';
import { pipeline } from '@hexfleet/schemas';
import { createDevIssuer, eventually, OutboxStandIn } from '@hexfleet/testing';
import { employeeIdOfCandidate } from '../src/application/candidate-hires.command-handler';
import { startHrms } from './support/service-harness';
import type { ServiceHarness } from './support/service-harness';

const tenantName = () => `cand${randomBytes(4).toString('hex')}`;

// Pipeline -> HRMS (flow 1), Pipeline standing in through its own outbox and contracts.
describe('HRMS hires a candidate Pipeline hired', () => {
  let service: ServiceHarness;
  let pipelineOutbox: OutboxStandIn;

  beforeAll(async () => {
    const issuer = await createDevIssuer();
    [service, pipelineOutbox] = await Promise.all([
      startHrms('candidates', issuer),
      OutboxStandIn.start('pipeline', '/business/pipeline', pipeline.contracts),
    ]);
    await pipelineOutbox.publish();
  });
  afterAll(async () => {
    await service?.close();
    await pipelineOutbox?.close();
  });

  const hiredEvents = async (tenant: string) =>
    (
      await service.db.pool.query<{ metadata: { causationId?: string }; payload: Record<string, unknown> }>(
        `select metadata, payload from eventstore.events where tenant = $1 and event_type = 'EmployeeHired'`,
        [tenant],
      )
    ).rows;

  it('creates the employee pre-filled, caused by the CandidateHired, and only once', async () => {
    const tenant = tenantName();
    const candidateId = randomUUID();
    const jobOpeningId = randomUUID();
    const hired = pipeline.candidateHired({
      candidateId,
      pipelineId: jobOpeningId,
      jobOpeningId,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      joiningDate: '2026-04-01',
      department: 'Finance',
      designation: 'Accountant',
      employmentType: 'full-time',
      fromStageId: 'offer',
      stageId: 'hired',
      rank: 'a0',
      hiredAt: '2026-03-20T09:00:00.000Z',
    });
    const eventId = await pipelineOutbox.record(tenant, 'candidate', candidateId, hired);
    await eventually(async () => (await hiredEvents(tenant)).length === 1, { what: 'the employee hired' });
    const [event] = await hiredEvents(tenant);
    expect(event.metadata.causationId).toBe(eventId);
    expect(event.payload).toMatchObject({
      employeeId: employeeIdOfCandidate(tenant, candidateId),
      firstName: 'Ada',
      workEmail: 'ada@example.com',
      department: 'Finance',
      designation: 'Accountant',
      joiningDate: '2026-04-01',
      candidateId,
      jobOpeningId,
    });

    // The same hire told again (another record of it): the employee exists, nothing is appended.
    const again = await pipelineOutbox.record(tenant, 'candidate', candidateId, hired);
    const marker = randomUUID();
    await pipelineOutbox.record(tenant, 'candidate', marker, {
      ...hired,
      data: { ...hired.data, candidateId: marker },
    });
    await eventually(async () => (await hiredEvents(tenant)).length === 2, { what: 'the next candidate hired' });
    const events = await hiredEvents(tenant);
    expect(events.map((e) => e.metadata.causationId)).not.toContain(again);
    expect(events.filter((e) => e.payload.candidateId === candidateId)).toHaveLength(1);
  });
});

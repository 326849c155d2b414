import { fixedClock } from '@hexfleet/kernel';
import { eventually } from '@hexfleet/testing';
import { openSchool, outcomes, startHq, tokens, uniqueTenant } from './support/hq-harness';
import type { HqHarness } from './support/hq-harness';

const YEARS = [
  { name: '2025-26', startDate: '2025-06-01', endDate: '2026-03-31' },
  { name: '2026-27', startDate: '2026-06-01', endDate: '2027-03-31' },
];

type Step = { schoolId: string; state: string };
/** The schools of a rollover's progress, by their state. */
const stepsOf = (progress: Record<string, unknown>) => progress.schools as Step[];
const tally = (progress: Record<string, unknown>) =>
  stepsOf(progress).reduce<Record<string, number>>((n, s) => ({ ...n, [s.state]: (n[s.state] ?? 0) + 1 }), {});

// The year-end rollover with at most 2 schools per run: a run that ends with schools left is one
// that stopped halfway, and running it again resumes it.
describe('the year-end rollover', () => {
  let service: HqHarness;

  beforeAll(async () => {
    service = await startHq(fixedClock('2026-04-15T09:00:00Z'), { rolloverSchoolsPerRun: 2 });
  });
  afterAll(() => service?.close());

  /** A group with `n` open schools (in the directory) and two published years. */
  async function group(n: number) {
    const tenant = uniqueTenant('roll');
    const hq = await tokens(service, tenant).hq();
    const schoolIds: string[] = [];
    for (let i = 0; i < n; i++) schoolIds.push((await openSchool(service, hq, { name: `School ${i}` })).schoolId);
    await eventually(async () => (await service.call('GET', '/schools', { token: hq })).body.total === n, {
      what: 'the schools in the directory',
    });
    const years: string[] = [];
    for (const year of YEARS) {
      const terms = [{ name: 'Whole year', startDate: year.startDate, endDate: year.endDate }];
      years.push(
        String((await service.call('POST', '/academic-years', { token: hq, body: { ...year, terms } })).body.yearId),
      );
    }
    const count = async (type: string) => {
      const { rows } = await service.db.pool.query<{ stream_id: string; n: string }>(
        `select stream_id, count(*) as n from eventstore.events where tenant = $1 and event_type = $2 group by stream_id`,
        [tenant, type],
      );
      return rows.map((r) => Number(r.n));
    };
    return { tenant, hq, schoolIds, body: { fromYearId: years[0], toYearId: years[1] }, count };
  }

  it('stops halfway, resumes where it stopped, leaves out a school closed meanwhile, and a run after the end changes nothing', async () => {
    const { tenant, hq, schoolIds, body, count } = await group(5);
    const first = await service.call('POST', '/rollovers', { token: hq, body });
    expect(first.status).toBe(200);
    expect([first.body.status, tally(first.body)]).toEqual(['started', { 'rolled-over': 2, pending: 3 }]);
    const stopped = await service.call('GET', `/rollovers/${body.fromYearId}`, { token: hq });
    expect(stopped.body).toEqual(first.body);

    // While it waits, HQ closes one of the schools still to do.
    const pending = stepsOf(first.body).filter((s) => s.state === 'pending');
    await service.call('POST', `/schools/${pending[0].schoolId}/close`, { token: hq, body: { reason: 'Merged' } });

    const resumed = await service.call('POST', '/rollovers', { token: hq, body });
    expect([resumed.body.status, tally(resumed.body)]).toEqual(['completed', { 'rolled-over': 4, skipped: 1 }]);

    const again = await service.call('POST', '/rollovers', { token: hq, body });
    expect(outcomes({ again })).toEqual({ again: [409, 'rollover-already-completed'] });
    expect(await count('YearRolledOver')).toEqual([1, 1, 1, 1]);
    expect([await count('RolloverStarted'), await count('RolloverCompleted')]).toEqual([[1], [1]]);

    // Each school that rolled over is in the new year.
    const rolled = schoolIds.filter((id) => id !== pending[0].schoolId);
    await eventually(
      async () =>
        (await service.call('GET', `/schools/${rolled[0]}`, { token: hq })).body.currentYearId === body.toYearId,
      { what: 'the new year in the directory' },
    );
    const adminOfOne = await tokens(service, tenant).at(rolled[0], 'school-admin');
    expect(
      outcomes({
        schoolAdminRuns: await service.call('POST', '/rollovers', { token: adminOfOne, body }),
        schoolAdminReads: await service.call('GET', `/rollovers/${body.fromYearId}`, { token: adminOfOne }),
        backwards: await service.call('POST', '/rollovers', {
          token: hq,
          body: { fromYearId: body.toYearId, toYearId: body.fromYearId },
        }),
      }),
    ).toEqual({
      schoolAdminRuns: [403, 'forbidden'],
      schoolAdminReads: [403, 'forbidden'],
      backwards: [422, 'rollover-goes-backwards'],
    });
  });

  it('steps each school once when runs race, and finishes once', async () => {
    const { hq, body, count } = await group(3);
    const replies = await Promise.all([1, 2, 3].map(() => service.call('POST', '/rollovers', { token: hq, body })));
    // Each run steps what it finds to do; one that starts after another finished is told so.
    for (const reply of replies) {
      expect([
        [200, undefined],
        [409, 'rollover-already-completed'],
      ]).toContainEqual([reply.status, reply.body.code]);
    }
    // At most 2 schools a run, 3 runs: between them every school is done, each once.
    const last = await service.call('POST', '/rollovers', { token: hq, body });
    expect([200, 409]).toContain(last.status);
    const progress = await service.call('GET', `/rollovers/${body.fromYearId}`, { token: hq });
    expect([progress.body.status, tally(progress.body)]).toEqual(['completed', { 'rolled-over': 3 }]);
    expect(await count('YearRolledOver')).toEqual([1, 1, 1]);
    expect([await count('RolloverStarted'), await count('RolloverCompleted')]).toEqual([[1], [1]]);
  });
});

import { fixedClock } from '@hexfleet/kernel';
import { openSchool, outcomes, readAfter, startHq, tokens, uniqueTenant } from './support/hq-harness';
import type { HqHarness } from './support/hq-harness';
import { CODES as ALL_CODES, groupPolicy, loanRules } from './domain/hq-fixtures';

const NOW = '2026-03-02T09:00:00.000Z';
const LOAN_RULES = loanRules();
const CODES = ALL_CODES.slice(0, 2);
const THRESHOLDS = groupPolicy().absenceThresholds;
const POLICY = { loanRules: LOAN_RULES, attendanceCodes: CODES, absenceThresholds: THRESHOLDS };

// Group policies pushed to schools; a school's own setting wins over the group's, area by area.
describe('group policy and each school’s effective policy', () => {
  let service: HqHarness;
  const tenant = uniqueTenant('pol');

  beforeAll(async () => {
    service = await startHq(fixedClock(NOW));
  });
  afterAll(() => service?.close());

  it('follows the group’s policy where a school set nothing, and the school’s own setting where it did', async () => {
    const hq = await tokens(service, tenant).hq();
    expect((await service.call('GET', '/group-policy', { token: hq })).status).toBe(404);
    const { schoolId: a } = await openSchool(service, hq, { name: 'A' });
    const { schoolId: b } = await openSchool(service, hq, { name: 'B' });

    const v1 = await service.call('PUT', '/group-policy', {
      token: hq,
      body: { ...POLICY, attendanceCodes: [...CODES] },
    });
    expect(v1.status).toBe(200);
    expect((await readAfter(service, v1, '/group-policy', hq)).body).toMatchObject({ policyVersion: 1, ...POLICY });

    // A's admin sets A's own loan rules (only those).
    const adminOfA = await tokens(service, tenant).at(a, 'school-admin');
    const ownRules = { ...LOAN_RULES, maxLoans: 6, fineCapMinor: 5000 };
    const set = await service.call('PUT', `/schools/${a}/policy`, { token: adminOfA, body: { loanRules: ownRules } });
    expect(set.status).toBe(200);
    const effectiveA = await readAfter(service, set, `/schools/${a}/policy`, adminOfA);
    expect(effectiveA.body).toEqual({
      schoolId: a,
      groupPolicyVersion: 1,
      loanRules: { value: ownRules, source: 'school' },
      attendanceCodes: { value: CODES, source: 'group' },
      absenceThresholds: { value: THRESHOLDS, source: 'group' },
      // Nobody set a register lock: attendance's default (ADR 0055).
      registerLockDays: { value: null, source: 'none' },
      updatedAt: NOW,
    });

    // The group publishes version 2: A keeps its own loan rules and takes the new codes; B takes all of it.
    const codes2 = [...CODES, { code: 'l', label: ' Late ', meaning: 'late' }];
    const v2 = await service.call('PUT', '/group-policy', {
      token: hq,
      body: {
        ...POLICY,
        loanRules: { ...LOAN_RULES, loanPeriodDays: 21 },
        attendanceCodes: codes2,
        registerLockDays: 10,
      },
    });
    const afterA = await readAfter(service, v2, `/schools/${a}/policy`, hq);
    expect(afterA.body).toMatchObject({
      groupPolicyVersion: 2,
      loanRules: { value: ownRules, source: 'school' },
      attendanceCodes: { value: [...CODES, { code: 'L', label: 'Late', meaning: 'late' }], source: 'group' },
      registerLockDays: { value: 10, source: 'group' },
    });
    const afterB = await readAfter(service, v2, `/schools/${b}/policy`, hq);
    expect(afterB.body).toMatchObject({
      groupPolicyVersion: 2,
      loanRules: { value: { loanPeriodDays: 21 }, source: 'group' },
    });

    // Back to the group's loan rules: A clears its own, and locks its registers sooner than the group.
    const cleared = await service.call('PUT', `/schools/${a}/policy`, {
      token: adminOfA,
      body: { loanRules: null, registerLockDays: 3 },
    });
    const backA = await readAfter(service, cleared, `/schools/${a}/policy`, adminOfA);
    expect(backA.body).toMatchObject({
      loanRules: { value: { loanPeriodDays: 21 }, source: 'group' },
      registerLockDays: { value: 3, source: 'school' },
    });
  });

  it('answers each refusal with its code, and bad fields with 400 naming them', async () => {
    const hq = await tokens(service, tenant).hq();
    const { schoolId } = await openSchool(service, hq);
    const first = await service.call('PUT', '/group-policy', { token: hq, body: POLICY });
    expect([200, 409]).toContain(first.status);
    const replies = {
      unchanged: await service.call('PUT', '/group-policy', { token: hq, body: POLICY }),
      noAbsent: await service.call('PUT', '/group-policy', {
        token: hq,
        body: { ...POLICY, attendanceCodes: [{ code: 'P', label: 'Present', meaning: 'present' }] },
      }),
      twice: await service.call('PUT', `/schools/${schoolId}/policy`, {
        token: hq,
        body: { attendanceCodes: [...CODES, { code: 'p', label: 'Here', meaning: 'present' }] },
      }),
      badField: await service.call('PUT', '/group-policy', {
        token: hq,
        body: { ...POLICY, loanRules: { ...LOAN_RULES, loanPeriodDays: 0 } },
      }),
      badMeaning: await service.call('PUT', `/schools/${schoolId}/policy`, {
        token: hq,
        body: { attendanceCodes: [{ code: 'H', label: 'Holiday', meaning: 'holiday' }] },
      }),
    };
    expect(outcomes(replies)).toEqual({
      unchanged: [409, 'group-policy-unchanged'],
      noAbsent: [422, 'attendance-codes-incomplete'],
      twice: [422, 'duplicate-attendance-code'],
      badField: [400, 'validation-failed'],
      badMeaning: [400, 'validation-failed'],
    });
    const fieldsOf = (reply: { body: Record<string, unknown> }) =>
      (reply.body.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fieldsOf(replies.badField)).toEqual(['loanRules.loanPeriodDays']);
    expect(fieldsOf(replies.badMeaning)).toEqual(['attendanceCodes.0.meaning']);
  });
});

import { readModel } from '@hexfleet/eventing';
import type { ProjectionContext } from '@hexfleet/eventing';
import type { hq, views } from '@hexfleet/schemas';
import { effectivePolicy, NO_SETTINGS } from '../../../domain';
import type { SchoolSettings } from '../../../domain';

type PolicyEvents = hq.HqGroupPolicyV1Event | Extract<hq.HqSchoolV1Event, { type: 'SchoolOpened' | 'SchoolPolicySet' }>;

interface Inputs {
  school_id: string;
  settings: SchoolSettings;
  settings_at: string;
  group_policy: views.hq.GroupPolicyView | null;
}

/**
 * Recomputes the effective policy of some schools (or all) from the two inputs as they
 * stand, with the domain's rule (a school's setting wins, area by area). Either input may
 * arrive first (two topics, no order between them): the result is the same.
 */
async function refresh({ tx, schema }: ProjectionContext, schoolIds: string[] | null): Promise<void> {
  const { rows } = await tx.query<Inputs>(
    `select s.school_id, s.settings, s.settings_at, g.policy as group_policy
     from ${schema}.school_settings s left join ${schema}.group_policy g on true
     where $1::text[] is null or s.school_id = any($1)`,
    [schoolIds],
  );
  if (!rows.length) return;
  const effective = rows.map(({ school_id, settings, settings_at, group_policy: group }) => {
    const updatedAt = group && group.publishedAt > settings_at ? group.publishedAt : settings_at;
    const view: views.hq.EffectivePolicyView = {
      schoolId: school_id,
      groupPolicyVersion: group?.policyVersion ?? null,
      ...effectivePolicy(group, settings),
      updatedAt,
    };
    return view;
  });
  await tx.query(
    `insert into ${schema}.effective_policies (school_id, policy)
     select * from unnest($1::text[], $2::jsonb[])
     on conflict (school_id) do update set policy = excluded.policy`,
    [effective.map((e) => e.schoolId), effective.map((e) => JSON.stringify(e))],
  );
}

/**
 * The group's policy as last published, each school's own settings, and the
 * effective policy per school that follows from them (what `GET /schools/:id/policy`
 * answers), kept materialised so a read is one row.
 */
export const policies = readModel<PolicyEvents>({
  name: 'hq-policies',
  topics: ['hq.school.v1', 'hq.group-policy.v1'],
  tables: ['group_policy', 'school_settings', 'effective_policies'],
  migrations: [
    (schema) => `create table ${schema}.group_policy (id text primary key, policy jsonb not null)`,
    (schema) => `create table ${schema}.school_settings (
      school_id text primary key, settings jsonb not null, settings_at text not null)`,
    (schema) => `create table ${schema}.effective_policies (school_id text primary key, policy jsonb not null)`,
  ],
  on: {
    async GroupPolicyPublished({ data }, context) {
      await context.tx.query(
        `insert into ${context.schema}.group_policy (id, policy) values ('group', $1)
         on conflict (id) do update set policy = excluded.policy
         where (${context.schema}.group_policy.policy->>'policyVersion')::int < $2`,
        [JSON.stringify(data), data.policyVersion],
      );
      await refresh(context, null);
    },
    async SchoolOpened({ data }, context) {
      await context.tx.query(
        `insert into ${context.schema}.school_settings (school_id, settings, settings_at) values ($1, $2, $3)
         on conflict (school_id) do nothing`,
        [data.schoolId, JSON.stringify(NO_SETTINGS), data.openedAt],
      );
      await refresh(context, [data.schoolId]);
    },
    async SchoolPolicySet({ data }, context) {
      const { loanRules, attendanceCodes, absenceThresholds, registerLockDays } = data;
      await context.tx.query(
        `insert into ${context.schema}.school_settings (school_id, settings, settings_at) values ($1, $2, $3)
         on conflict (school_id) do update set settings = excluded.settings, settings_at = excluded.settings_at`,
        [
          data.schoolId,
          JSON.stringify({ loanRules, attendanceCodes, absenceThresholds, registerLockDays }),
          data.setAt,
        ],
      );
      await refresh(context, [data.schoolId]);
    },
  },
});

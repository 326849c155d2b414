import { readModel } from '@hexfleet/eventing';
import type { hrms } from '@hexfleet/schemas';

/** The job openings board: one row per opening, its status and who moved it there. */
export const jobOpenings = readModel<hrms.HrmsJobOpeningV1Event>({
  name: 'hrms-job-openings',
  topics: ['hrms.job-opening.v1'],
  tables: ['job_openings'],
  migrations: [
    (schema) => `create table ${schema}.job_openings (
      job_opening_id text primary key,
      title text not null,
      department text not null,
      designation text not null,
      positions int not null,
      description text not null,
      status text not null,
      requested_by text not null,
      created_at text not null,
      approved_by text,
      approved_at text,
      closed_by text,
      closed_at text,
      close_reason text)`,
    (schema) => `create index on ${schema}.job_openings (status, department)`,
  ],
  on: {
    async JobOpeningCreated({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.job_openings (job_opening_id, title, department, designation, positions, description,
           status, requested_by, created_at) values ($1, $2, $3, $4, $5, $6, 'pending', $7, $8)
         on conflict (job_opening_id) do nothing`,
        [
          data.jobOpeningId,
          data.title,
          data.department,
          data.designation,
          data.positions,
          data.description,
          data.requestedBy,
          data.createdAt,
        ],
      );
    },
    async JobOpeningApproved({ data }, { tx, schema }) {
      await tx.query(
        `update ${schema}.job_openings set status = 'approved', approved_by = $2, approved_at = $3
         where job_opening_id = $1`,
        [data.jobOpeningId, data.approvedBy, data.approvedAt],
      );
    },
    async JobOpeningClosed({ data }, { tx, schema }) {
      await tx.query(
        `update ${schema}.job_openings set status = 'closed', closed_by = $2, closed_at = $3, close_reason = $4
         where job_opening_id = $1`,
        [data.jobOpeningId, data.closedBy, data.closedAt, data.reason],
      );
    },
  },
});

import { readModel } from '@hexfleet/eventing';
import type { ProjectionContext } from '@hexfleet/eventing';
import type { admin } from '@hexfleet/schemas';

type Totals = Pick<admin.StudentImportCompletedData, 'importId' | 'processed' | 'admitted' | 'unchanged' | 'refused'>;

const totals = ({ tx, schema }: ProjectionContext, data: Totals, completedAt: string | null = null) =>
  tx.query(
    `update ${schema}.student_imports set processed = $2, admitted = $3, unchanged = $4, refused = $5,
       status = case when $6::text is null then status else 'completed' end, completed_at = $6
     where import_id = $1`,
    [data.importId, data.processed, data.admitted, data.unchanged, data.refused, completedAt],
  );

/** Imports with their running totals, and the rows they refused, by line. */
export const imports = readModel<admin.AdminStudentImportV1Event>({
  name: 'admin-imports',
  topics: ['admin.student-import.v1'],
  tables: ['student_imports', 'student_import_errors'],
  migrations: [
    (s) => `create table ${s}.student_imports (
      import_id text primary key, school_id text not null, year_id text not null, enrolled_on text not null,
      file_name text not null, status text not null, rows int not null, processed int not null default 0,
      admitted int not null default 0, unchanged int not null default 0, refused int not null default 0,
      started_by text not null, started_at text not null, completed_at text)`,
    (s) => `create index on ${s}.student_imports (school_id, started_at)`,
    (s) => `create table ${s}.student_import_errors (
      import_id text not null, line int not null, admission_number text not null, field text not null,
      code text not null, message text not null, primary key (import_id, line))`,
  ],
  on: {
    async StudentImportStarted({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.student_imports (import_id, school_id, year_id, enrolled_on, file_name, status, rows,
           started_by, started_at) values ($1, $2, $3, $4, $5, 'running', $6, $7, $8) on conflict do nothing`,
        [
          data.importId,
          data.schoolId,
          data.yearId,
          data.enrolledOn,
          data.fileName,
          data.rows,
          data.startedBy,
          data.startedAt,
        ],
      );
    },
    async StudentImportProgressed({ data }, context) {
      await totals(context, data);
      const errors = data.errors;
      await context.tx.query(
        `insert into ${context.schema}.student_import_errors (import_id, line, admission_number, field, code, message)
         select $1, * from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) on conflict do nothing`,
        [
          data.importId,
          errors.map((e) => e.line),
          errors.map((e) => e.admissionNumber),
          errors.map((e) => e.field),
          errors.map((e) => e.code),
          errors.map((e) => e.message),
        ],
      );
    },
    StudentImportCompleted: ({ data }, context) => totals(context, data, data.completedAt).then(() => undefined),
  },
});

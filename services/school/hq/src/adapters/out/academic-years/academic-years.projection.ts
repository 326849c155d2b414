import { readModel } from '@hexfleet/eventing';
import type { hq } from '@hexfleet/schemas';

/** The published academic-year templates, newest start first; `school_ids` empty means every school. */
export const academicYears = readModel<hq.HqAcademicYearV1Event>({
  name: 'hq-academic-years',
  topics: ['hq.academic-year.v1'],
  tables: ['academic_years'],
  migrations: [
    (schema) => `create table ${schema}.academic_years (
      year_id text primary key,
      name text not null,
      start_date text not null,
      end_date text not null,
      terms jsonb not null,
      school_ids text[] not null,
      published_at text not null)`,
    (schema) => `create index on ${schema}.academic_years (start_date desc)`,
  ],
  on: {
    async AcademicYearPublished({ data }, { tx, schema }) {
      await tx.query(
        `insert into ${schema}.academic_years (year_id, name, start_date, end_date, terms, school_ids, published_at)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict (year_id) do nothing`,
        [
          data.yearId,
          data.name,
          data.startDate,
          data.endDate,
          JSON.stringify(data.terms),
          data.schoolIds,
          data.publishedAt,
        ],
      );
    },
  },
});

'use client';
import { DataTable, Empty, Loading, offsetOfPage, ProblemNotice, problemOf } from '@hexfleet/ui';
import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { useQuery } from 'urql';
import type { PayrollEmployeesQuery as Result } from '@/gql/graphql';
import { PayrollEmployeesQuery } from '@/lib/operations';

const LIMIT = 50;
type Row = Result['payrollEmployees']['items'][number];

const money = (minor: number | null, currency: string | null) =>
  minor === null || !currency
    ? 'Not assigned'
    : new Intl.NumberFormat('en', { style: 'currency', currency }).format(minor / 100);

/**
 * Everyone payroll pays, by last and first name, with their monthly base. Payroll enrols a hire when
 * it reads HRMS's event, moments after the hire: the list says so and offers to look again.
 */
function Salaries() {
  const params = useSearchParams();
  const pathname = usePathname();
  const offset = offsetOfPage(params.get('page'), LIMIT);
  const [result, again] = useQuery({ query: PayrollEmployeesQuery, variables: { limit: LIMIT, offset } });
  const page = result.data?.payrollEmployees;
  return (
    <>
      <div className="hx-page-head">
        <h1>Salaries</h1>
        <button className="hx-button hx-button-quiet" type="button" onClick={() => again()}>
          Refresh
        </button>
      </div>
      <p className="hx-hint">A new hire appears here once payroll has enrolled them, usually within seconds.</p>
      <ProblemNotice problem={problemOf(result.error)} title="Payroll's employees could not be loaded" />
      {result.fetching && !page ? <Loading label="Loading payroll's employees…" /> : null}
      {page && page.items.length === 0 ? <Empty title="Payroll pays nobody yet." /> : null}
      {page && page.items.length > 0 ? (
        <DataTable<Row>
          caption="Employees payroll pays"
          rows={page.items}
          rowKey={(row) => row.employeeId}
          page={page}
          pageHref={(next) => `${pathname}?page=${next / LIMIT + 1}`}
          columns={[
            { header: 'Name', rowHeader: true, cell: (row) => `${row.lastName}, ${row.firstName}` },
            { header: 'Department', cell: (row) => row.department },
            { header: 'Designation', cell: (row) => row.designation },
            { header: 'Joined', cell: (row) => row.joiningDate },
            { header: 'Monthly base', cell: (row) => money(row.baseMinor, row.currency) },
          ]}
        />
      ) : null}
    </>
  );
}

export default function SalariesPage() {
  return (
    <Suspense fallback={<Loading />}>
      <Salaries />
    </Suspense>
  );
}

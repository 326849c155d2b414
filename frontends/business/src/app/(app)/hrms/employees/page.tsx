'use client';
import {
  DataTable,
  Empty,
  Loading,
  ProblemNotice,
  offsetOfPage,
  problemOf,
  SelectField,
  TextField,
} from '@hexfleet/ui';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useState } from 'react';
import type { FormEvent } from 'react';
import { useQuery } from 'urql';
import type { EmployeesQuery as Result } from '@/gql/graphql';
import { EmployeesQuery } from '@/lib/operations';

const LIMIT = 20;
type Row = Result['employees']['items'][number];

/** The directory: search by name or email, filter by status and department, paged in the URL. */
function Directory() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? 'active';
  const department = params.get('department') ?? '';
  const offset = offsetOfPage(params.get('page'), LIMIT);
  const [draft, setDraft] = useState({ q, status, department });
  const [result] = useQuery({
    query: EmployeesQuery,
    variables: {
      filter: {
        ...(q ? { search: q } : {}),
        ...(status !== 'all' ? { status } : {}),
        ...(department ? { department } : {}),
      },
      limit: LIMIT,
      offset,
    },
  });

  const hrefFor = (next: Record<string, string>, page = 1) => {
    const search = new URLSearchParams({ ...Object.fromEntries(params.entries()), ...next });
    if (page > 1) search.set('page', String(page));
    else search.delete('page');
    for (const [key, value] of [...search.entries()]) if (!value) search.delete(key);
    return `${pathname}?${search.toString()}`;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    router.push(hrefFor(draft));
  };

  const page = result.data?.employees;
  return (
    <>
      <div className="hx-page-head">
        <h1>Employee directory</h1>
        <Link className="hx-button" href="/hrms/employees/new">
          Hire an employee
        </Link>
      </div>
      <form className="hx-toolbar" role="search" onSubmit={submit} aria-label="Search employees">
        <TextField
          label="Search"
          name="q"
          type="search"
          placeholder="Name or work email"
          value={draft.q}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
        />
        <TextField
          label="Department"
          name="department"
          value={draft.department}
          onChange={(e) => setDraft({ ...draft, department: e.target.value })}
        />
        <SelectField
          label="Status"
          name="status"
          value={draft.status}
          onChange={(e) => setDraft({ ...draft, status: e.target.value })}
          options={[
            { value: 'active', label: 'Active' },
            { value: 'separated', label: 'Separated' },
            { value: 'all', label: 'Everyone' },
          ]}
        />
        <button className="hx-button" type="submit">
          Search
        </button>
      </form>
      <ProblemNotice problem={problemOf(result.error)} title="The directory could not be loaded" />
      {result.fetching && !page ? <Loading label="Loading employees…" /> : null}
      {page && page.items.length === 0 ? (
        <Empty title={q || department ? 'No employee matches this search.' : 'No employees yet.'}>
          <p>
            <Link href="/hrms/employees/new">Hire the first one</Link>, or change the search.
          </p>
        </Empty>
      ) : null}
      {page && page.items.length > 0 ? (
        <DataTable<Row>
          caption={`Employees${q ? ` matching “${q}”` : ''}`}
          rows={page.items}
          rowKey={(row) => row.employeeId}
          page={page}
          pageHref={(nextOffset) => hrefFor({}, nextOffset / LIMIT + 1)}
          columns={[
            {
              header: 'Name',
              rowHeader: true,
              cell: (row) => (
                <Link href={`/hrms/employees/${row.employeeId}`}>
                  {row.firstName} {row.lastName}
                </Link>
              ),
            },
            { header: 'Work email', cell: (row) => row.workEmail },
            { header: 'Department', cell: (row) => row.department },
            { header: 'Designation', cell: (row) => row.designation },
            { header: 'Status', cell: (row) => row.status },
          ]}
        />
      ) : null}
    </>
  );
}

export default function EmployeesPage() {
  return (
    <Suspense fallback={<Loading />}>
      <Directory />
    </Suspense>
  );
}

'use client';
import { Empty, Loading, ProblemNotice, problemOf } from '@hexfleet/ui';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useQuery } from 'urql';
import { EmployeeQuery } from '@/lib/operations';

/** One employee: their placement and dates. (Promote, transfer and separate: NOTES.md.) */
export default function EmployeePage() {
  const { id } = useParams<{ id: string }>();
  const [result] = useQuery({ query: EmployeeQuery, variables: { id } });
  const employee = result.data?.employee;
  if (result.fetching && !result.data) return <Loading label="Loading the employee…" />;
  if (result.error) return <ProblemNotice problem={problemOf(result.error)} title="The employee could not be loaded" />;
  if (!employee) {
    return (
      <Empty title="No such employee.">
        <p>
          <Link href="/hrms/employees">Back to the directory</Link>
        </p>
      </Empty>
    );
  }
  return (
    <>
      <p>
        <Link href="/hrms/employees">← Employee directory</Link>
      </p>
      <h1>
        {employee.firstName} {employee.lastName}
      </h1>
      <section className="hx-card" aria-labelledby="placement">
        <h2 id="placement">Placement</h2>
        <dl className="hx-details">
          <dt>Work email</dt>
          <dd>{employee.workEmail}</dd>
          <dt>Department</dt>
          <dd>{employee.department}</dd>
          <dt>Designation</dt>
          <dd>{employee.designation}</dd>
          <dt>Employment</dt>
          <dd>{employee.employmentType}</dd>
          <dt>Manager</dt>
          <dd>
            {employee.manager ? (
              <Link href={`/hrms/employees/${employee.manager.employeeId}`}>
                {employee.manager.firstName} {employee.manager.lastName}
              </Link>
            ) : (
              'None'
            )}
          </dd>
          <dt>Joined</dt>
          <dd>{employee.joiningDate}</dd>
          <dt>Status</dt>
          <dd>
            {employee.status}
            {employee.relievingDate ? ` (relieved ${employee.relievingDate})` : ''}
          </dd>
        </dl>
      </section>
    </>
  );
}

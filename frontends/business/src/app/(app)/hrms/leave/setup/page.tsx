'use client';
import { formMessage, problemOf, SelectField, TextField, FormAlert, StatusNote } from '@hexfleet/ui';
import type { Problem } from '@hexfleet/ui';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { formValues, thisYear } from '@/lib/forms';
import {
  ActiveEmployeesQuery,
  AllocateLeaveMutation,
  DefineLeaveTypeMutation,
  LeaveTypesQuery,
} from '@/lib/leave-operations';

/** Leave setup (HR): define the leave types, allocate paid leave for a year. */
export default function LeaveSetupPage() {
  const [types, refetchTypes] = useQuery({ query: LeaveTypesQuery });
  const [employees] = useQuery({ query: ActiveEmployeesQuery });
  const [, define] = useMutation(DefineLeaveTypeMutation);
  const [, allocate] = useMutation(AllocateLeaveMutation);
  const [typeProblem, setTypeProblem] = useState<Problem | undefined>();
  const [allocProblem, setAllocProblem] = useState<Problem | undefined>();
  const [said, setSaid] = useState<string | undefined>();

  async function onDefine(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const v = formValues(event);
    const result = await define({ input: { name: v.name ?? '', unpaid: v.unpaid === 'yes' } });
    if (!result.data) return setTypeProblem(problemOf(result.error));
    setTypeProblem(undefined);
    form.reset();
    setSaid(`Leave type ${v.name} defined.`);
    refetchTypes({ requestPolicy: 'network-only' });
  }

  async function onAllocate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = formValues(event);
    const result = await allocate({
      input: {
        employeeId: v.employeeId ?? '',
        leaveTypeId: v.leaveTypeId ?? '',
        year: Number(v.year),
        days: Number(v.days),
        ...(v.note ? { note: v.note } : {}),
      },
    });
    if (!result.data) return setAllocProblem(problemOf(result.error));
    setAllocProblem(undefined);
    setSaid(`Allocated ${v.days} days.`);
  }

  const typeMessage = formMessage(typeProblem, ['name', 'unpaid']);
  const allocMessage = formMessage(allocProblem, ['employeeId', 'leaveTypeId', 'year', 'days', 'note']);
  return (
    <>
      <h1>Leave setup</h1>
      <StatusNote message={said} />
      <section className="hx-card" aria-labelledby="define">
        <h2 id="define">Define a leave type</h2>
        <form onSubmit={onDefine} noValidate>
          <FormAlert message={typeMessage} />
          <div className="hx-form-grid">
            <TextField label="Name" name="name" required maxLength={100} error={typeProblem?.fields.name} />
            <SelectField
              label="Pay"
              name="unpaid"
              error={typeProblem?.fields.unpaid}
              options={[
                { value: 'no', label: 'Paid (needs an allocation)' },
                { value: 'yes', label: 'Unpaid' },
              ]}
            />
          </div>
          <button className="hx-button" type="submit">
            Define
          </button>
        </form>
        <p className="hx-hint">Defined: {(types.data?.leaveTypes ?? []).map((t) => t.name).join(', ') || 'none yet'}</p>
      </section>
      <section className="hx-card" aria-labelledby="allocate">
        <h2 id="allocate">Allocate paid leave</h2>
        <form onSubmit={onAllocate} noValidate>
          <FormAlert message={allocMessage} />
          <div className="hx-form-grid">
            <SelectField
              label="Employee"
              name="employeeId"
              error={allocProblem?.fields.employeeId}
              options={(employees.data?.employees.items ?? []).map((e) => ({
                value: e.employeeId,
                label: `${e.firstName} ${e.lastName}`,
              }))}
            />
            <SelectField
              label="Leave type"
              name="leaveTypeId"
              error={allocProblem?.fields.leaveTypeId}
              options={(types.data?.leaveTypes ?? [])
                .filter((t) => !t.unpaid)
                .map((t) => ({ value: t.leaveTypeId, label: t.name }))}
            />
            <TextField
              label="Year"
              name="year"
              type="number"
              defaultValue={thisYear()}
              required
              error={allocProblem?.fields.year}
            />
            <TextField label="Days" name="days" type="number" step="0.5" required error={allocProblem?.fields.days} />
            <TextField label="Note" name="note" maxLength={500} error={allocProblem?.fields.note} />
          </div>
          <button className="hx-button" type="submit">
            Allocate
          </button>
        </form>
      </section>
    </>
  );
}

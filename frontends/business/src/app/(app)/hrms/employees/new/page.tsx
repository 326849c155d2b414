'use client';
import { formMessage, problemOf, SelectField, TextField, FormAlert } from '@hexfleet/ui';
import type { Problem } from '@hexfleet/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from 'urql';
import { HireEmployeeMutation } from '@/lib/operations';

const FIELDS = ['firstName', 'lastName', 'workEmail', 'joiningDate', 'department', 'designation', 'employmentType'];

/**
 * The hire form (HR). The gateway's problem names the fields it refuses, each shown next to its
 * input; on success the employee's page opens, read with the hire's consistency token.
 */
export default function HirePage() {
  const router = useRouter();
  const [state, hire] = useMutation(HireEmployeeMutation);
  const [problem, setProblem] = useState<Problem | undefined>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const result = await hire({
      input: {
        firstName: value('firstName'),
        ...(value('lastName') ? { lastName: value('lastName') } : {}),
        workEmail: value('workEmail'),
        joiningDate: value('joiningDate'),
        department: value('department'),
        designation: value('designation'),
        employmentType: value('employmentType'),
      },
    });
    if (result.data) {
      router.push(`/hrms/employees/${result.data.hireEmployee.id}`);
      return;
    }
    setProblem(problemOf(result.error));
  }

  const message = formMessage(problem, FIELDS);
  return (
    <>
      <p>
        <Link href="/hrms/employees">← Employee directory</Link>
      </p>
      <h1>Hire an employee</h1>
      <form className="hx-card" onSubmit={submit} noValidate aria-describedby={message ? 'hire-problem' : undefined}>
        <FormAlert message={message} id="hire-problem" />
        <div className="hx-form-grid">
          <TextField label="First name" name="firstName" required maxLength={100} error={problem?.fields.firstName} />
          <TextField label="Last name" name="lastName" maxLength={100} error={problem?.fields.lastName} />
          <TextField
            label="Work email"
            name="workEmail"
            type="email"
            required
            maxLength={254}
            error={problem?.fields.workEmail}
          />
          <TextField label="Joining date" name="joiningDate" type="date" required error={problem?.fields.joiningDate} />
          <TextField label="Department" name="department" required maxLength={100} error={problem?.fields.department} />
          <TextField
            label="Designation"
            name="designation"
            required
            maxLength={100}
            error={problem?.fields.designation}
          />
          <SelectField
            label="Employment type"
            name="employmentType"
            defaultValue="full-time"
            error={problem?.fields.employmentType}
            options={[
              { value: 'full-time', label: 'Full time' },
              { value: 'part-time', label: 'Part time' },
              { value: 'contract', label: 'Contract' },
              { value: 'intern', label: 'Intern' },
            ]}
          />
        </div>
        <button className="hx-button" type="submit" disabled={state.fetching}>
          {state.fetching ? 'Hiring…' : 'Hire'}
        </button>
      </form>
    </>
  );
}

import type { Reply } from '@hexfleet/testing';
import type { AdminHarness } from './admin-harness';

export const HEADER =
  'admission_number,first_name,last_name,birth_date,gender,grade,section,roll_number,guardian_name,guardian_relationship,guardian_email,guardian_phone';

/** A row of the HEADER's columns; `over` replaces cells by column. */
export function csvRow(admissionNumber: string, grade: string, section: string, over: Record<string, string> = {}) {
  const cells: Record<string, string> = {
    admission_number: admissionNumber,
    first_name: `Student ${admissionNumber}`,
    last_name: 'Kumar',
    birth_date: '2016-02-10',
    gender: 'female',
    grade,
    section,
    roll_number: '',
    guardian_name: 'Parent Kumar',
    guardian_relationship: 'father',
    guardian_email: `parent.${admissionNumber.toLowerCase()}@example.com`,
    guardian_phone: '',
    ...over,
  };
  return HEADER.split(',')
    .map((c) => (/[",\n]/.test(cells[c]) ? `"${cells[c].replace(/"/g, '""')}"` : cells[c]))
    .join(',');
}

/** Uploads a file as the school app does: the raw bytes, content-type text/csv. */
export async function upload(
  service: AdminHarness,
  token: string,
  schoolId: string,
  query: { yearId: string; enrolledOn: string; fileName?: string },
  file: string | Buffer,
): Promise<Reply> {
  const search = new URLSearchParams(query).toString();
  const response = await fetch(`${service.url}/schools/${schoolId}/student-imports?${search}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: file,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

/** The import's report once it has completed (the job runs after the upload is answered). */
export async function completed(service: AdminHarness, token: string, importId: string): Promise<Reply> {
  for (let tries = 0; tries < 600; tries++) {
    const reply = await service.call('GET', `/student-imports/${importId}`, { token });
    if (reply.status === 200 && reply.body.status === 'completed') return reply;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`import ${importId} did not complete`);
}

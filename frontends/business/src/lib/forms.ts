import type { FormEvent } from 'react';

/** The trimmed text of each named field of a submitted form (empty fields left out). */
export function formValues(event: FormEvent<HTMLFormElement>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(event.currentTarget).entries()) {
    const text = String(value).trim();
    if (text) values[name] = text;
  }
  return values;
}

export const thisYear = () => new Date().getFullYear();

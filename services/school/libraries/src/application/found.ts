import { NotFoundException } from '@nestjs/common';

/** A stream that was never written is, for the caller, a thing that does not exist: 404 (never another tenant's). */
export function found<S extends { status: string }>(state: S, what: string): Exclude<S, { status: 'none' }> {
  if (state.status === 'none') throw new NotFoundException(`no ${what}`);
  return state as Exclude<S, { status: 'none' }>;
}

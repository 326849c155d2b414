import { v5 as uuidv5 } from 'uuid';
import type { DomainEvent } from '@hexfleet/eventing';
import type { Decider } from '@hexfleet/kernel';
import { classSessionDecider, effectivePolicy, groupPolicyDecider, rosterDecider, schoolDecider } from '../domain';
import type { RegisterFacts } from '../domain';

const REGISTER_NAMESPACE = '7d1f3c2a-9b8e-4f6d-a5c4-3b2a1f0e9d87';

/** A register is one session on one day: its id derives from them, so it needs no creating (ADR 0050). */
export const registerIdOf = (tenant: string, sessionId: string, date: string): string =>
  uuidv5(`${tenant}/${sessionId}/${date}`, REGISTER_NAMESPACE);

/** What the facts are read through: a command's transaction, or the platform's Streams for a query. */
export interface StreamReader {
  load<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, aggregate: string, id: string): Promise<{ state: S }>;
}

/** The group's first lesson on a day that is not cancelled (ADR 0054: a daily school's register); null when none. */
export type FirstLesson = (groupId: string, date: string) => Promise<RegisterFacts['dailyLesson']>;

/** The one stream of the tenant's group policy. */
export const GROUP_POLICY_ID = 'group';

/**
 * Reads, inside the command's transaction, every fact a register's rules need from
 * attendance's own streams (never a read model, which may lag): the session, the group's
 * roster, the school (time zone, own codes, holidays, mode) and the group policy. A daily school's
 * first lesson of the day comes from the timetable's read model, when `firstLesson` is given.
 */
export async function loadRegisterFacts(
  tx: StreamReader,
  tenant: string,
  sessionId: string,
  date: string,
  clock: { today(timeZone?: string): string },
  lockDays: number,
  firstLesson?: FirstLesson,
): Promise<RegisterFacts> {
  // Reads in two rounds: the session names the group and the school the rest is read from.
  const [{ state: session }, { state: group }] = await Promise.all([
    tx.load(classSessionDecider, 'class-session', sessionId),
    tx.load(groupPolicyDecider, 'group-policy', GROUP_POLICY_ID),
  ]);
  const groupId = session.session?.groupId;
  const schoolId = session.session?.schoolId;
  const [roster, school] = await Promise.all([
    groupId ? tx.load(rosterDecider, 'roster', groupId).then((s) => s.state) : rosterDecider.initialState,
    schoolId ? tx.load(schoolDecider, 'school', schoolId).then((s) => s.state) : schoolDecider.initialState,
  ]);
  const policy = effectivePolicy(group, school);
  // A daily school's day register is the group's first lesson (ADR 0054): the timetable's read model says which.
  const dailyLesson = school.mode === 'daily' && groupId && firstLesson ? await firstLesson(groupId, date) : null;
  return {
    registerId: registerIdOf(tenant, sessionId, date),
    sessionId,
    date,
    session,
    roster,
    school,
    codes: policy.codes,
    today: clock.today(school.timeZone ?? 'UTC'),
    // HQ's lock for the school (its own, else the group's), else the service's default (ADR 0055).
    lockDays: policy.lockDays ?? lockDays,
    dailyLesson,
  };
}

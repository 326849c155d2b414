import { Injectable } from '@nestjs/common';
import type { Clock, IdGenerator } from '@hexfleet/kernel';
import { v5 as uuidv5 } from 'uuid';
import { Principal, requestContext } from './context';

const NEW_ID_NAMESPACE = '5a0c7e4e-2f4b-4d8e-b1f6-3c9e8d7a6b51';

/**
 * Time and new ids for commands, from the clock and id generator the service
 * was composed with (`ServiceDefinition.clock`, `.ids`): application code reads
 * neither the system clock nor a random source, so a test can fix both.
 */
@Injectable()
export class TimeAndIds {
  constructor(
    readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Now, as an ISO-8601 UTC instant: what command metadata and events carry. */
  now(): string {
    return this.clock.now().toISOString();
  }

  /** The calendar day now in `timeZone` (YYYY-MM-DD), e.g. a school's day. */
  today(timeZone = 'UTC'): string {
    return calendarDay(this.clock.now(), timeZone);
  }

  /**
   * The id of a thing a request creates (`kind`: 'loan', 'employee'). With an
   * `Idempotency-Key`, a retried request must land on the same stream (the command
   * id alone only deduplicates within one stream), so the id derives from the key;
   * otherwise it is a fresh one from the service's generator (time-ordered UUIDv7).
   */
  newId(caller: Pick<Principal, 'tenant' | 'userId'>, kind: string): string {
    const key = requestContext()?.idempotencyKey;
    return key ? uuidv5(`${caller.tenant}/${caller.userId}/${key}/${kind}`, NEW_ID_NAMESPACE) : this.ids.next();
  }
}

/** The calendar day of an instant in a time zone, YYYY-MM-DD. */
export function calendarDay(instant: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

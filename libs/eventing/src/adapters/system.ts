import type { Clock, IdGenerator } from '@hexfleet/kernel';
import { v7 as uuidv7 } from 'uuid';

/** The real clock: the one adapter allowed to read the time. */
export const systemClock: Clock = { now: () => new Date() };

/** UUIDv7 ids: time-ordered (monotonic within a process), so index inserts stay local. */
export const uuidV7Ids: IdGenerator = { next: () => uuidv7() };

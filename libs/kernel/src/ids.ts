/**
 * Ids are UUIDv7 (time-ordered, so B-tree inserts stay local). The domain only
 * validates them; generating one needs time and randomness, which an adapter
 * (`IdGenerator` in libs/eventing) supplies.
 */
export type Uuid = string;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const isUuid = (value: unknown): value is Uuid => typeof value === 'string' && UUID.test(value);

/** A port for new ids, so handlers and tests can choose their source. */
export interface IdGenerator {
  next(): Uuid;
}

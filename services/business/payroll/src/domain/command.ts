/**
 * Every command is plain data: what to do, the facts it needs, and when. Time
 * comes in `metadata.now` (an ISO-8601 UTC instant) because the domain never
 * reads a clock; ids of new things come in `data`.
 */
export interface Command<Type extends string, Data> {
  type: Type;
  data: Data;
  metadata: { now: string };
}

/**
 * A command: what to do, its data, and the instant it is decided at. The
 * domain never reads a clock or makes ids: `now` and new ids arrive here.
 */
export interface Command<Type extends string, Data> {
  type: Type;
  data: Data;
  metadata: { now: string };
}

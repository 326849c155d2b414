/** A command is plain data; time comes in `metadata.now` because the domain never reads a clock. */
export interface Command<Type extends string, Data> {
  type: Type;
  data: Data;
  metadata: { now: string };
}

/**
 * A command as the application layer hands it to a decider: what to do, the
 * facts it needs, and when (`metadata.now`, an ISO-8601 UTC instant), because
 * the domain never reads the clock. Ids of new things arrive in `data`.
 */
export interface Command<Type extends string, Data> {
  type: Type;
  data: Data;
  metadata: { now: string };
}

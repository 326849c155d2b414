/**
 * One topic of the catalog: created from here at start-up, never auto-created.
 * The partition count is forever for keyed topics (adding partitions remaps
 * keys), so it is chosen here once.
 */
export interface TopicSpec {
  /** `<module>.<aggregate>.v<major>`, e.g. `libraries.loan.v1`. */
  name: string;
  partitions: number;
  /** The module that publishes to it, e.g. `libraries`. */
  owner: string;
  /** Record full names of the event types it carries. */
  eventTypes: string[];
  /** Dead-letter topics may expire; event topics keep everything (the default, -1). */
  retentionMs?: number;
  /** What integrators read about it in the AsyncAPI document. */
  description?: string;
}

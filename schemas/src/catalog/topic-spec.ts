/**
 * Who may read a topic. `public`: a contract with integrators, in the AsyncAPI
 * document, the docs and the gateway's `domainEvents` subscription. `internal`:
 * for the fleet's own services only (secrets, bookkeeping, examples); services
 * create and read it like any other topic. docs/adr/0035-public-and-internal-topics.md
 */
export type TopicVisibility = 'public' | 'internal';

interface TopicFields {
  /** `<module>.<aggregate>.v<major>`, e.g. `libraries.loan.v1`. */
  name: string;
  partitions: number;
  /** The module that publishes to it, e.g. `libraries`. */
  owner: string;
  /** Record full names of the event types it carries. */
  eventTypes: string[];
  /** Dead-letter topics may expire; event topics keep everything (the default, -1). */
  retentionMs?: number;
  /** What the topic carries; integrators read it in the AsyncAPI document. */
  description?: string;
}

/**
 * One topic of the catalog: created from here at start-up, never auto-created.
 * The partition count is forever for keyed topics (adding partitions remaps
 * keys), so it is chosen here once. An internal topic says why it is one.
 */
export type TopicSpec = TopicFields &
  (
    | { visibility: 'public' }
    | { visibility: 'internal'; /** Why integrators may not read it. */ internalBecause: string }
  );

/** Whether integrators may read the topic (it is in the AsyncAPI document and the live feed). */
export const isPublicTopic = (topic: TopicSpec): boolean => topic.visibility === 'public';

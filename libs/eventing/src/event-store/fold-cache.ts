/** A stream's state as folded up to `version`, and the commands its events came from. */
export interface CachedFold {
  decider: unknown;
  version: number;
  state: unknown;
  /** Command id -> the id of its last event: a repeated command answers `already-applied` without the history. */
  commandIds: Map<string, string>;
}

/**
 * Folded state of a process's busiest streams, by version (ADR 0077): a command on a cached stream
 * reads only the events after the cached version and folds them on, instead of reading and folding
 * the whole stream, so a command costs the same on a long stream as on a short one. Correct across
 * replicas because the catch-up always reads the store (another replica's appends are just events
 * after the version). Commands on one stream run one at a time in the process (they would race on
 * the append anyway), so a decider whose `evolve` updates its state in place is safe; a fold that
 * throws drops the entry. Least recently used streams go beyond `maxStreams`.
 */
export class FoldCache {
  private readonly entries = new Map<string, CachedFold>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(readonly maxStreams = 500) {}

  get size(): number {
    return this.entries.size;
  }

  /** Runs `work` after every earlier work on the same stream of this process has finished. */
  exclusive<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const before = this.queues.get(streamId) ?? Promise.resolve();
    const mine = before.then(work, work);
    const settled = mine.catch(() => undefined);
    this.queues.set(streamId, settled);
    void settled.then(() => {
      if (this.queues.get(streamId) === settled) this.queues.delete(streamId);
    });
    return mine;
  }

  /** The entry of a stream folded by `decider` (moved to most recently used), or a new empty one. */
  take(streamId: string, decider: { initialState: unknown }): CachedFold {
    const entry = this.entries.get(streamId);
    if (entry && entry.decider === decider) {
      this.entries.delete(streamId);
      this.entries.set(streamId, entry);
      return entry;
    }
    const fresh: CachedFold = { decider, version: 0, state: decider.initialState, commandIds: new Map() };
    this.put(streamId, fresh);
    return fresh;
  }

  put(streamId: string, entry: CachedFold): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    while (this.entries.size > this.maxStreams) this.entries.delete(this.entries.keys().next().value as string);
  }

  drop(streamId: string): void {
    this.entries.delete(streamId);
  }
}

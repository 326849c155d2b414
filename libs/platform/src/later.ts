/**
 * A provider that a policy calls. A service's definition lists its policies
 * before Nest builds the module (the platform needs their names and topics
 * first), so a policy holds a `Later` of the command handler it calls, and the
 * composition root's module hands the handler over when Nest constructs it,
 * which is before the runtime starts consuming (at application bootstrap).
 */
export class Later<T> {
  private value: T | undefined;

  constructor(private readonly what: string) {}

  /** The composition root's module hands the built provider over. */
  set(value: T): void {
    this.value = value;
  }

  get(): T {
    // Not a DomainError: the policy runner retries, then dead-letters, so no event is lost.
    if (this.value === undefined) throw new Error(`${this.what} is not built yet`);
    return this.value;
  }
}

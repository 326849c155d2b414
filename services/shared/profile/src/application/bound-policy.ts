import { commandIdFor, type ConsumedEvent, type Policy } from '@hexfleet/eventing';
import { TenantId } from '@hexfleet/kernel';
import { runStreamTransaction, ServiceRuntime, type StreamTransaction } from '@hexfleet/platform';

type Reaction = (policy: Policy, event: ConsumedEvent) => Promise<void>;

/**
 * A policy the service definition lists before Nest exists. Its reaction is
 * the Nest provider that holds the event store, attached at module init; the
 * runtime starts consuming only at application bootstrap, after every
 * attachment, so no event meets an empty policy.
 */
export class BoundPolicy implements Policy {
  private reaction?: Reaction;

  constructor(
    readonly name: string,
    readonly topics: readonly string[],
    /** Which provider reacts: the policy's unsuffixed name. */
    readonly role: string,
  ) {}

  react(event: ConsumedEvent): Promise<void> {
    // Not a DomainError: the runner retries, then dead-letters, so nothing is lost.
    if (!this.reaction) throw new Error(`policy ${this.name} has no reaction attached`);
    return this.reaction(this, event);
  }

  attach(reaction: Reaction) {
    this.reaction = reaction;
  }
}

/** Attaches `reaction` to the definition's policies of that role (one per role; a test instance has its suffix). */
export function attachReaction(runtime: ServiceRuntime, role: string, reaction: Reaction) {
  for (const policy of runtime.definition.policies ?? [])
    if (policy instanceof BoundPolicy && policy.role === role) policy.attach(reaction);
}

/** `hexfleet.identity.user.UserRegistered` -> `UserRegistered`. */
export const shortType = (event: Pick<ConsumedEvent, 'type'>) => event.type.slice(event.type.lastIndexOf('.') + 1);

/**
 * The streams a reaction changes, in one transaction. The command id derives
 * from the source event, so a redelivered event finds its command applied and
 * appends nothing; a lost race with a person's edit is re-decided.
 */
export function reactInTransaction(
  runtime: ServiceRuntime,
  policy: Policy,
  event: ConsumedEvent,
  work: (tx: StreamTransaction) => Promise<void>,
) {
  const metadata = { causationId: event.eventId, correlationId: event.correlationId, traceparent: event.traceparent };
  return runStreamTransaction(
    runtime.store,
    TenantId.parse(event.tenant),
    commandIdFor(policy, event),
    metadata,
    work,
    3,
  );
}

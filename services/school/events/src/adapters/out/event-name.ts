import type { ConsumedEvent } from '@hexfleet/eventing';

/** `hexfleet.events.event.EventPublished` -> `EventPublished`: the name the event store and deciders use. */
export const shortType = (event: ConsumedEvent) => event.type.slice(event.type.lastIndexOf('.') + 1);

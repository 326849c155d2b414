// @hexfleet/eventing: Event store, relay, Avro serde, projection and consumer runners.
// Filled in by the issues that build it; empty so the project graph and targets exist now.
export {};

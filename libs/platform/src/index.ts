// @hexfleet/platform: NestJS glue every service shares: config, logs, health, metrics, auth, errors.
// Filled in by the issues that build it; empty so the project graph and targets exist now.
export {};

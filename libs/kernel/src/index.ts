export { assertNever, fold } from './decider';
export type { Decider } from './decider';
export { DomainError, isDomainError } from './domain-error';
export { TenantId } from './tenant-id';
export { fixedClock } from './clock';
export type { Clock } from './clock';
export { isUuid } from './ids';
export type { IdGenerator, Uuid } from './ids';
export { Money } from './money';

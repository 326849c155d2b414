export * from './card.decider';
export * from './command';
export * from './owner.decider';
export * from './pipeline.decider';
export * from './stages';

export * from './command';
export * from './policy';
export * from './school-code';
export * from './school-code.decider';
export * from './school.decider';
export * from './group-policy.decider';
export * from './academic-year.decider';
export * from './series';

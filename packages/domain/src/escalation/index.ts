export * from './ladder.ts';
export * from './policy.ts';
export * from './timers.ts';

export * from './agreement.ts';
export * from './confirmation.ts';
export * from './ladder.ts';
export * from './mediators.ts';
export * from './people.ts';
export * from './referral.ts';
export * from './stats.ts';

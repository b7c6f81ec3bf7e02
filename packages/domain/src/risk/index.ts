export * from './levels.ts';
export * from './regrade.ts';
export * from './schedule.ts';

export * from './case/index.ts';
export * from './errors.ts';
export * from './escalation/index.ts';
export * from './geo/index.ts';
export * from './mediation/index.ts';
export * from './time/index.ts';

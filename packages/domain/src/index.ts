export * from './case/index.ts';
export * from './errors.ts';
export * from './time/index.ts';

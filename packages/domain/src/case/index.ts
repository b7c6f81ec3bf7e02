export * from './access.ts';
export * from './deadline-policy.ts';
export * from './deadlines.ts';
export * from './evolve.ts';
export * from './lifecycle.ts';
export * from './schemas.ts';
export * from './transitions.ts';
export * from './types.ts';

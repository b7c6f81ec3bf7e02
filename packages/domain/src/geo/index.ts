export * from './datum.ts';
export * from './generate.ts';
export * from './grid-index.ts';
export * from './overlay.ts';
export * from './planar.ts';
export * from './rng.ts';
export * from './types.ts';
export * from './validate.ts';

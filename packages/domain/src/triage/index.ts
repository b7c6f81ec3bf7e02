export * from './clusters.ts';
export * from './duplicates.ts';
export * from './signals.ts';
export * from './text.ts';

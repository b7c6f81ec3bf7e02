export * from './cases.ts';
export * from './messages.ts';
export * from './org.ts';

export * from './columns.ts';
export * from './keyring.ts';
export * from './providers.ts';
export * from './rekey.ts';

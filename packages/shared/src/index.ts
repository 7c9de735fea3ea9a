export * from './enums.ts';
export * from './permissions.ts';
export * from './rules.ts';

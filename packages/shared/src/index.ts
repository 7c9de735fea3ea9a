export * from './enums.ts';
export * from './rules.ts';

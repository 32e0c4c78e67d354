export * from './code';
export * from './message';

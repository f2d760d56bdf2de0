export * from './schema';
export * from './types';
export * from './errors';
export * from './dict';
export * from './terms';
export * from './vocab';
export * from './reviews';
export { prepareQuery, matchesQuery, tonedPinyin, tonelessPinyin } from './search';
export * from './known';

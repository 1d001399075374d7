/** The bundle reader's public surface (see types.ts for the contract). */
export { readBundle } from './read-bundle.js';
export { UnreadableInputError } from './errors.js';
export { DEFAULT_LIMITS, RATIO_CHECK_FROM_BYTES } from './types.js';
export type { BundleEntry, ReadLimits, ReadOptions, ReadOutcome, Visitor } from './types.js';

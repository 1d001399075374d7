/** The common handler shape: read the whole entry, parse it, store the result (unless the parser failed). */
import type { BundleEntry } from '../bundle/types.js';
import type { LoadState, Parser } from './state.js';

export type EntryHandler = (entry: BundleEntry, state: LoadState) => Promise<void>;

export function wholeFile<T>(parser: Parser<T>, store: (data: T, state: LoadState, source: string) => void): EntryHandler {
  return async (entry, state) => {
    const data = state.parse(parser, await entry.text(), entry.path);
    if (data !== null) store(data, state, entry.path);
  };
}

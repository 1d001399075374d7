/**
 * `swapon --show --bytes` → `SwapDevice[]`, sizes already in bytes. With no swap, swapon prints
 * nothing at all (01_baseline/swapon_show_bytes.txt is 0 bytes): [] without a diagnostic.
 * Sample (captured on the fixtures' machine, kernel 6.18, util-linux 2.38.1, two swap files
 * switched on for the purpose; the space in a path is printed as is):
 *
 *     NAME                       TYPE     SIZE USED PRIO
 *     /tmp/swapcap/swap file.img file 33550336    0    5
 *     /tmp/swapcap/swap2.img     file 67104768    0   -2
 *
 * Without --bytes swapon prints `32M` and `0B`: those rows are reported, not guessed.
 */
import type { ParseContext, Parsed } from '../model/diagnostic.js';
import type { SwapDevice } from '../model/sources.js';
import { parseSwapTable } from './swaps.js';

export function parseSwaponShow(text: string, ctx: ParseContext): Parsed<SwapDevice[]> {
  return parseSwapTable(text, ctx, 1);
}

/**
 * The `series/<name>` files of layout v1 and how a record of each is read: the parser of a whole
 * record, the lean parser for the records between the first and the latest (what compact.ts keeps),
 * and what every record goes through as it arrives (flat names, shared rows). Series workers import
 * this too: nothing here touches LoadState.
 */
import type { SmapsRollupEntry } from '../../model/artifacts.js';
import type { ParseContext, Parsed } from '../../model/diagnostic.js';
import type { BuddyZone, CgroupMemory, Meminfo, Pressure, ProcRow, Slabinfo, SwapDevice, VmstatCounters, ZoneWatermarks } from '../../model/sources.js';
import { parseBuddyinfo } from '../../parsers/buddyinfo.js';
import { parseMeminfoSeries } from '../../parsers/meminfo.js';
import { parsePressure } from '../../parsers/pressure.js';
import { parseProcsTable } from '../../parsers/procs-table.js';
import { parseSlabinfo } from '../../parsers/slabinfo.js';
import { parseSmapsRollupRecord } from '../../parsers/smaps-series.js';
import { parseProcSwaps } from '../../parsers/swaps.js';
import { parseVmstat, parseVmstatKept } from '../../parsers/vmstat.js';
import { parseZoneinfo } from '../../parsers/zoneinfo.js';
import { parseCgroupSeriesRecord } from './cgroup-record.js';
import {
  internCacheNames, internSmapsComms, keepsSmapsField, keepsVmstatCounter, largestCaches, shareProcRows, topProcs, type SeriesMemory,
} from './compact.js';

type RecordParser<T> = (text: string, ctx: ParseContext) => Parsed<T>;

export interface SeriesKind<T> {
  parse: RecordParser<T>;
  /** For records after the first: stores only what compaction keeps (compact.ts). The latest is parsed again whole. */
  lean?: RecordParser<T>;
  /** Every record, as it is parsed. */
  adopt?: (data: T, memory: SeriesMemory) => T;
  /** One record holds several samples (one per cgroup). */
  many?: true;
}

/** What one record of each series parses into. */
export interface SeriesRecordData {
  meminfo: Meminfo;
  vmstat: VmstatCounters;
  buddyinfo: BuddyZone[];
  slabinfo: Slabinfo;
  zoneinfo: ZoneWatermarks[];
  'pressure-memory': Pressure;
  swaps: SwapDevice[];
  procs: ProcRow[];
  smaps_rollup: SmapsRollupEntry[];
  'cgroup-memory': CgroupMemory[];
}

export type SeriesName = keyof SeriesRecordData;

/** What one sample of each series holds: a record's data, or one element of it for `many` kinds. */
export type SeriesSampleData<N extends SeriesName> = N extends 'cgroup-memory' ? CgroupMemory : SeriesRecordData[N];

/** A whole parse cut down to what is kept: every line is checked and reported as in the whole parse. */
function thenKeep<T>(parse: RecordParser<T>, keep: (data: T) => T): RecordParser<T> {
  return (text, ctx) => {
    const { data, diagnostics } = parse(text, ctx);
    return { data: keep(data), diagnostics };
  };
}

export const SERIES_KINDS: { [N in SeriesName]: SeriesKind<SeriesRecordData[N]> } = {
  meminfo: { parse: parseMeminfoSeries() },
  vmstat: { parse: parseVmstat, lean: parseVmstatKept(keepsVmstatCounter) },
  buddyinfo: { parse: parseBuddyinfo },
  slabinfo: { parse: parseSlabinfo, lean: thenKeep(parseSlabinfo, largestCaches), adopt: internCacheNames },
  zoneinfo: { parse: parseZoneinfo },
  'pressure-memory': { parse: parsePressure },
  swaps: { parse: parseProcSwaps },
  procs: { parse: parseProcsTable, lean: thenKeep(parseProcsTable, topProcs), adopt: shareProcRows },
  smaps_rollup: {
    parse: parseSmapsRollupRecord,
    lean: (text, ctx) => parseSmapsRollupRecord(text, ctx, keepsSmapsField),
    adopt: internSmapsComms,
  },
  'cgroup-memory': { parse: parseCgroupSeriesRecord, many: true },
};

export function isSeriesName(name: string): name is SeriesName {
  return Object.hasOwn(SERIES_KINDS, name);
}

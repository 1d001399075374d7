/**
 * A large `series/` file sent to the parse workers in segments, so both workers parse one file at
 * once: the archive is one stream, and a week of vmstat alone is ~15 s of parsing. A segment ends
 * at the first record separator ('\n===') after SEGMENT_BYTES, so every segment but the first
 * starts with a record; where no separator follows (one huge record, a file without records) the
 * segment just goes on. The segments' results are joined in file order: line numbers shifted by
 * the lines of the segments before, diagnostics and samples concatenated.
 */
import type { SeriesJobEnd, SeriesJobSpec } from '../series/job.js';
import type { JobHandle, JobOutcome, ParsePool } from './pool.js';

/** Default segment size: ~1/10 of a day of vmstat at 10 s, small enough to share a file between workers. */
export const SEGMENT_BYTES = 4 * 1024 * 1024;

const NEWLINE = 0x0a;
const SEPARATOR_AFTER_NEWLINE = Buffer.from('\n===');
const SEPARATOR = Buffer.from('===');

/**
 * Streams `chunks` to the pool in segments. Resolves once every byte is sent, with the joined
 * outcome still to come. Null, with `chunks` untouched, when no worker could start.
 */
export async function sendSeries(
  pool: ParsePool,
  spec: SeriesJobSpec,
  chunks: AsyncIterable<Buffer>,
  segmentBytes = SEGMENT_BYTES,
): Promise<{ outcome: Promise<JobOutcome | Error> } | null> {
  let current = await pool.open({ ...spec, firstSegment: true });
  if (!current) return null;
  const segments: JobHandle[] = [current];
  let sent = 0;
  let endedWithNewline = false;
  for await (const chunk of chunks) {
    let rest = chunk;
    while (rest.length > 0) {
      const cut = sent + rest.length >= segmentBytes ? cutAt(rest, Math.max(0, segmentBytes - sent), endedWithNewline) : -1;
      const next: JobHandle | null = cut < 0 ? null : await pool.open({ ...spec, firstSegment: false });
      if (cut < 0 || !next) {
        await current.write(rest);
        sent += rest.length;
        break;
      }
      if (cut > 0) await current.write(rest.subarray(0, cut));
      await current.end(false);
      current = next;
      segments.push(current);
      sent = 0;
      rest = rest.subarray(cut);
    }
    endedWithNewline = chunk.length > 0 && chunk[chunk.length - 1] === NEWLINE;
  }
  await current.end(true);
  return { outcome: joinSegments(segments.map((s) => s.outcome)) };
}

/**
 * Where a new segment may begin in `buf`: the start of a separator line at or after `from`, or -1.
 * A separator split across two chunks is only found when the split falls right after its newline.
 */
function cutAt(buf: Buffer, from: number, endedWithNewline: boolean): number {
  if (from === 0 && endedWithNewline && buf.length >= 3 && buf.compare(SEPARATOR, 0, 3, 0, 3) === 0) return 0;
  const at = buf.indexOf(SEPARATOR_AFTER_NEWLINE, Math.max(0, from - 1));
  return at < 0 ? -1 : at + 1;
}

async function joinSegments(outcomes: Promise<JobOutcome | Error>[]): Promise<JobOutcome | Error> {
  const joined: JobOutcome = { samples: [], end: { diagnostics: [], diagnosticCount: 0, lines: 0 } };
  const end = joined.end as SeriesJobEnd;
  for (const pending of outcomes) {
    const outcome = await pending;
    if (outcome instanceof Error) return outcome;
    const part = outcome.end as SeriesJobEnd;
    for (const sample of outcome.samples) {
      sample.line += end.lines;
      joined.samples.push(sample);
    }
    for (const d of part.diagnostics) end.diagnostics.push(d.line === undefined ? d : { ...d, line: d.line + end.lines });
    end.diagnosticCount += part.diagnosticCount;
    end.lines += part.lines;
  }
  return joined;
}

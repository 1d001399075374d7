/**
 * Edits a `series/<source>` file record by record (layout v1: a `=== <epoch>` line, then the
 * sample's content), for the corpus's broken series: duplicates, disorder, clocks, resets.
 */
export interface SeriesRecord {
  time: string;
  body: string;
}

export function splitRecords(text: string): SeriesRecord[] {
  return text
    .split(/^=== /m)
    .slice(1)
    .map((chunk) => {
      const newline = chunk.indexOf('\n');
      return { time: chunk.slice(0, newline), body: chunk.slice(newline + 1) };
    });
}

export function joinRecords(records: SeriesRecord[]): string {
  return records.map((r) => `=== ${r.time}\n${r.body}`).join('');
}

/** Rewrites the records; `edit` returns the records to put in place of one (none drops it). */
export function editRecords(text: string, edit: (record: SeriesRecord, index: number, count: number) => SeriesRecord[]): string {
  const records = splitRecords(text);
  return joinRecords(records.flatMap((r, i) => edit(r, i, records.length)));
}

export function shiftTime(time: string, seconds: number): string {
  return (Number(time) + seconds).toFixed(3);
}

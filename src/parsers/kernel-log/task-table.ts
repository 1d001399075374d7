/**
 * The OOM task table (reference §1e), read through its own header so every historical layout works:
 * RHEL6 `cpu oom_adj`, 3.x `nr_ptes`, 4.x `nr_pmds`, 4.15+ `pgtables_bytes`, 6.x `rss_anon rss_file rss_shmem`.
 * Real 6.18 sample (02_oom_memcg/v3_two_procs_sleep_and_leaker/dmesg_oom_event.txt):
 *
 *     [  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes swapents oom_score_adj name
 *     [  12092]     0 12092      730      418        0      418         0    49152        0             0 sleep
 *
 * Columns overflow their widths, so a row is split on whitespace and the name is the remainder
 * (names may hold spaces).
 */
import type { OomTaskRow } from '../../model/kernel-events.js';

const HEADER = /^\[\s*pid\s*\]\s+(.*\bname)\s*$/;
const ROW_PID = /^\[\s*(\d+)\]/;
const NUMBER_FIELD = /\s+(-?\d+)/y;
/** Page-table pages (`nr_ptes`, `nr_pmds`) become bytes with the captured page size. */
const PAGE_TABLE_PAGE_COLUMNS = ['nr_ptes', 'nr_pmds'];

/** Column names after `[ pid ]`, `name` last; null when the text is not a table header. */
export function parseTaskTableHeader(text: string): string[] | null {
  if (!text.startsWith('[')) return null;
  const match = HEADER.exec(text);
  return match === null ? null : (match[1] ?? '').split(/\s+/);
}

export function parseTaskRow(text: string, columns: readonly string[], pageSizeBytes: number): OomTaskRow | null {
  const pidMatch = ROW_PID.exec(text);
  if (pidMatch === null) return null;
  const values = new Map<string, number>();
  NUMBER_FIELD.lastIndex = pidMatch[0].length;
  for (const column of columns.slice(0, -1)) {
    const field = NUMBER_FIELD.exec(text);
    if (field === null) return null;
    values.set(column, Number(field[1]));
  }
  const name = text.slice(NUMBER_FIELD.lastIndex + 1);
  if (name === '') return null;
  const column = (key: string): number | null => values.get(key) ?? null;
  const pageTablePages = PAGE_TABLE_PAGE_COLUMNS.map(column).filter((pages): pages is number => pages !== null);
  return {
    pid: Number(pidMatch[1]),
    uid: column('uid') ?? 0,
    tgid: column('tgid') ?? 0,
    totalVmPages: column('total_vm') ?? 0,
    rssPages: column('rss') ?? 0,
    rssAnonPages: column('rss_anon'),
    rssFilePages: column('rss_file'),
    rssShmemPages: column('rss_shmem'),
    pgtablesBytes: column('pgtables_bytes') ?? (pageTablePages.length === 0 ? null : pageTablePages.reduce((a, b) => a + b, 0) * pageSizeBytes),
    swapents: column('swapents'),
    oomScoreAdj: column('oom_score_adj') ?? 0,
    name,
  };
}

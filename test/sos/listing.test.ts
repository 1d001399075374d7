/**
 * Every regular file of a real sos 4.0 archive (its `tar tvJf` listing, 07_sosreport) is either
 * read by memtrail or matches a row of docs/sosreport.md's "Not read" table, never both: a new
 * sos file must be mapped or declared. Symbolic links and directories are not delivered by the
 * reader and are left out.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routeFor } from '../../src/load/registry.js';
import { sosCommandHandler } from '../../src/load/sosreport.js';

const LISTING = new URL('../../../shared/fixtures/real/07_sosreport/tarball_listing_tar_tvJf.txt', import.meta.url);
const DOC = new URL('../../docs/sosreport.md', import.meta.url);

/** Regular files (`-rw-r--r-- root/root 37 2025-05-20 00:00 top/etc/fstab`), top directory stripped. */
function regularFiles(): string[] {
  return readFileSync(LISTING, 'utf8').split('\n')
    .filter((line) => line.startsWith('-'))
    .map((line) => line.split(/\s+/).slice(5).join(' ').split('/').slice(1).join('/'));
}

/** The `pattern` column of the "Not read" table: regexes in backticks, `\|` for a pipe. */
function notReadPatterns(): { pattern: RegExp; why: string }[] {
  const doc = readFileSync(DOC, 'utf8');
  const table = doc.slice(doc.indexOf('## Not read'));
  return [...table.matchAll(/^\| `(.+?)` \| (.+) \|$/gm)].map((m) => ({ pattern: new RegExp(m[1]!.replace(/\\\|/g, '|')), why: m[2]! }));
}

function isRead(path: string): boolean {
  if (routeFor(path) === null) return false;
  return !path.startsWith('sos_commands/') || sosCommandHandler(path) !== null;
}

describe('the real sos 4.0 listing against docs/sosreport.md', () => {
  const files = regularFiles();
  const notRead = notReadPatterns();

  it('reads the listing and the table', () => {
    expect(files.length).toBeGreaterThan(500);
    expect(notRead.length).toBeGreaterThan(15);
  });

  it('reads the memory evidence', () => {
    const expected = [
      'proc/meminfo', 'proc/slabinfo', 'proc/buddyinfo', 'proc/vmstat', 'proc/zoneinfo', 'proc/stat', 'proc/sysvipc/shm',
      'proc/13146/mounts', 'sos_commands/process/ps_alxwww', 'sos_commands/process/ps_axo_pid_ppid_user_group_lwp_nlwp_start_time_comm_cgroup',
      'sos_commands/sysvipc/ipcs', 'sos_commands/filesys/df_-al_-x_autofs', 'sos_commands/kernel/dmesg', 'sos_commands/kernel/sysctl_-a',
      'sos_commands/kernel/uname_-a', 'sos_commands/memory/swapon_--bytes_--show', 'sos_reports/manifest.json', 'version.txt',
    ];
    expect(expected.filter((path) => !files.includes(path))).toEqual([]);
    expect(expected.filter((path) => !isRead(path))).toEqual([]);
  });

  it.each(regularFiles())('%s is read or declared not read, not both', (path) => {
    const declared = notRead.filter(({ pattern }) => pattern.test(path)).map(({ why }) => why);
    // Read: no row may claim it. Not read: exactly one row says why.
    if (isRead(path)) expect(declared, `${path} is read but declared not read`).toEqual([]);
    else expect(declared, `${path} is neither read nor declared (or declared twice)`).toHaveLength(1);
  });
});

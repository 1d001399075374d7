import { describe, expect, it } from 'vitest';
import { ArchivePaths } from '../../src/bundle/archive-path.js';

function resolveAll(members: [string, boolean][]) {
  const paths = new ArchivePaths();
  return { verdicts: members.map(([path, isDirectory]) => paths.resolve(path, isDirectory)), rootName: paths.rootName };
}

describe('ArchivePaths', () => {
  it('strips the single top directory named by the first member', () => {
    const { verdicts, rootName } = resolveAll([
      ['memtrail-vm-1/', true],
      ['memtrail-vm-1/proc/meminfo', false],
      ['memtrail-vm-1/./series//meminfo', false],
      ['other/proc/meminfo', false],
    ]);
    expect(rootName).toBe('memtrail-vm-1');
    expect(verdicts).toEqual([
      { path: '' },
      { path: 'proc/meminfo' },
      { path: 'series/meminfo' },
      { refused: "outside the top directory 'memtrail-vm-1/'" },
    ]);
  });

  it("keeps paths as they are for `tar -C bundle .` and for archives of layout directories", () => {
    expect(resolveAll([['./', true], ['./proc/meminfo', false]]).verdicts[1]).toEqual({ path: 'proc/meminfo' });
    const layout = resolveAll([['proc/meminfo', false], ['commands/dmesg', false]]);
    expect(layout.rootName).toBeNull();
    expect(layout.verdicts).toEqual([{ path: 'proc/meminfo' }, { path: 'commands/dmesg' }]);
  });

  it('refuses absolute paths and .. anywhere', () => {
    const { verdicts } = resolveAll([
      ['b/', true],
      ['/etc/passwd', false],
      ['b/../../etc/cron.d/x', false],
      ['b/proc/..', false],
      ['C:\\Windows\\x', false],
    ]);
    expect(verdicts.slice(1)).toEqual([
      { refused: 'absolute path' },
      { refused: "path climbs out with '..'" },
      { refused: "path climbs out with '..'" },
      { refused: 'absolute path' },
    ]);
  });
});

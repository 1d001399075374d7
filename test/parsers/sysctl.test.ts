import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseSysctlOutput } from '../../src/parsers/sysctl.js';
import { expectGarbageLineIsolated, expectToleratesArbitraryText, readRealFixture } from './parser-kit.js';

const ctx = parseContext('commands/sysctl_vm');
const baseline = readRealFixture('01_baseline/sysctl_vm.txt');

describe('parseSysctlOutput on the real baseline', () => {
  it('reads all 49 vm settings as printed', () => {
    const { data, diagnostics } = parseSysctlOutput(baseline, ctx);
    expect(diagnostics).toEqual([]);
    expect(Object.keys(data)).toHaveLength(49);
    expect(data['vm.swappiness']).toBe('60');
    expect(data['vm.min_free_kbytes']).toBe('67584');
    expect(data['vm.overcommit_memory']).toBe('0');
    expect(data['vm.page-cluster']).toBe('3');
    expect(data['vm.numa_zonelist_order']).toBe('Node');
    expect(data['vm.lowmem_reserve_ratio']).toBe('256\t256\t32\t0\t0');
  });
});

describe('parseSysctlOutput edge cases', () => {
  it('sysctl\'s own complaints are infos on their lines; the settings around them are kept', () => {
    const text = [
      'vm.swappiness = 60',
      "sysctl: permission denied on key 'vm.compact_memory'",
      'sysctl: reading key "net.ipv6.conf.all.stable_secret"',
      'vm.overcommit_memory = 2',
    ].join('\n');
    const { data, diagnostics } = parseSysctlOutput(text, parseContext('commands/sysctl_a', 30));
    expect(data).toEqual({ 'vm.swappiness': '60', 'vm.overcommit_memory': '2' });
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[31, 'info'], [32, 'info']]);
    expect(diagnostics[0]?.message).toBe('sysctl could not read a key: "sysctl: permission denied on key \'vm.compact_memory\'"');
  });

  it('empty text: no settings, one file warning', () => {
    expect(parseSysctlOutput('', ctx)).toEqual({
      data: {},
      diagnostics: [{ source: 'commands/sysctl_vm', severity: 'warning', message: 'no "name = value" line found' }],
    });
  });

  it('a last line cut before "=", a name with spaces, binary: warnings on their lines; an empty value is kept', () => {
    const text = ['vm.swappiness = 60', 'vm bad name = 1', '\u0000\u0001 = 2', 'vm.stat_interval =', 'vm.overcommit_rat'].join('\n');
    const { data, diagnostics } = parseSysctlOutput(text, ctx);
    expect(data).toEqual({ 'vm.swappiness': '60', 'vm.stat_interval': '' });
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[2, 'warning'], [3, 'warning'], [5, 'warning']]);
  });

  it('huge numbers stay text, exactly as printed', () => {
    const { data } = parseSysctlOutput('vm.overcommit_kbytes = 18446744073709551615\n', ctx);
    expect(data['vm.overcommit_kbytes']).toBe('18446744073709551615');
  });
});

describe('parseSysctlOutput properties (fixed seed)', () => {
  it('never throws on arbitrary text; diagnostics name the source and a line of the text', () => {
    expectToleratesArbitraryText(parseSysctlOutput, baseline);
  });
  it('a garbage line anywhere costs only itself', () => {
    expectGarbageLineIsolated(parseSysctlOutput, baseline);
  });
});

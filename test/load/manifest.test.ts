import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/load/manifest.js';

describe('parseManifest', () => {
  it('reads every field of a layout-v1 manifest', () => {
    const { data, diagnostics } = parseManifest(JSON.stringify({
      format: 'memtrail-bundle/1', collector: { version: '0.1.0' }, host: 'vm', kernel: '6.18.44-fc-v669', arch: 'x86_64',
      pageSize: 4096, bootTime: 1795703978, start: 1795704730.058, end: 1795704737.383, timezone: 'UTC', interval: 0.5,
      mode: 'snapshot', uid: 0, redaction: true, synthetic: false,
      artifacts: [{ path: 'proc/slabinfo', command: null, exit: 1, seconds: 0.01, bytes: 0, truncated: false, timedOut: false, error: 'Permission denied', time: 1795704730.1 }],
    }));
    expect(diagnostics).toEqual([]);
    expect(data).toMatchObject({ host: 'vm', collectorVersion: '0.1.0', bootTime: 1795703978, interval: 0.5, redaction: true, synthetic: false });
    expect(data!.artifacts).toEqual([{ path: 'proc/slabinfo', command: null, exit: 1, seconds: 0.01, bytes: 0, truncated: false, timedOut: false, error: 'Permission denied', time: 1795704730.1 }]);
  });

  it('turns each wrongly typed field into null plus one diagnostic, keeping the rest', () => {
    const { data, diagnostics } = parseManifest(JSON.stringify({
      format: 'memtrail-bundle/1', host: 42, kernel: '6.18', bootTime: '1795703978', start: 1795704730, pageSize: null,
      collector: 'v1', redaction: 'yes', artifacts: [{ path: 'proc/meminfo', exit: '0', timedOut: 1 }, 'junk', { exit: 0 }],
    }));
    expect(data).toMatchObject({ host: null, kernel: '6.18', bootTime: null, start: 1795704730, pageSize: null, collectorVersion: null, redaction: null });
    expect(data!.artifacts).toEqual([{ path: 'proc/meminfo', command: null, exit: null, seconds: null, bytes: null, truncated: false, timedOut: false, error: null }]);
    const messages = diagnostics.map((d) => d.message).join('\n');
    for (const field of ['host', 'bootTime', 'collector', 'redaction', 'artifacts[0].exit', 'artifacts[0].timedOut', 'artifacts[1]', 'artifacts[2]']) {
      expect(messages).toContain(field);
    }
    expect(diagnostics.every((d) => d.source === 'manifest.json')).toBe(true);
  });

  it('returns null for text that is not a JSON object, without throwing', () => {
    expect(parseManifest('{"format": ').data).toBeNull();
    expect(parseManifest('[1,2]').data).toBeNull();
    expect(parseManifest('[1,2]').diagnostics[0]!.severity).toBe('error');
  });

  it('flags an unknown format but still reads it', () => {
    const { data, diagnostics } = parseManifest('{"format": "other/9", "host": "h"}');
    expect(data!.host).toBe('h');
    expect(diagnostics[0]!.message).toContain('other/9');
  });
});

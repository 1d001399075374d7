/**
 * KernelLogJob splits bytes into lines as the bundle reader does and feeds the kernel-log parser:
 * on a real OOM report it finds what the parser finds line by line, whatever the chunking, and a
 * line over maxLineBytes gets the reader's diagnostic.
 */
import { describe, expect, it } from 'vitest';
import { KernelLogJob } from '../../src/load/kernel-log-job.js';
import { parseContext } from '../../src/model/diagnostic.js';
import { KernelLogParser } from '../../src/parsers/kernel-log/index.js';
import { real, V1 } from './real-bundles.js';

const spec = (maxLineBytes = 1024 * 1024) => ({ job: 'kernel-log' as const, source: 'commands/dmesg', pageSizeBytes: 4096, options: {}, maxLineBytes });

function feed(job: KernelLogJob, text: string, chunkBytes: number) {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += chunkBytes) job.push(bytes.subarray(at, at + chunkBytes));
  return job.finish();
}

describe('KernelLogJob', () => {
  it('finds the events of a real OOM report, whatever the chunk size', async () => {
    const dmesg = await real(`${V1}/dmesg_oom_event.txt`);
    const parser = new KernelLogParser(parseContext('commands/dmesg'));
    for (const line of dmesg.replace(/\n$/, '').split('\n')) parser.pushLine(line);
    const expected = parser.finish();
    expect(expected.data.events.some((e) => e.type === 'oom-kill')).toBe(true);
    for (const chunkBytes of [7, 4096, 1 << 20]) {
      const end = feed(new KernelLogJob(spec()), dmesg, chunkBytes);
      expect(end.events).toEqual(expected.data.events);
      expect(end.diagnostics).toEqual(expected.diagnostics);
    }
  });

  it('cuts a line over maxLineBytes with the reader\'s diagnostic', () => {
    const end = feed(new KernelLogJob(spec(100)), `[    1.000000] ok\n[    2.000000] ${'x'.repeat(500)}\n`, 64);
    expect(end.diagnostics).toContainEqual({ source: 'commands/dmesg', line: 2, severity: 'warning', message: 'line of 515 B cut to its first 100 B (maxLineBytes)' });
  });
});

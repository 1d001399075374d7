import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../src/model/diagnostic.js';
import { parseSystemctlShow } from '../../src/parsers/systemctl-show.js';

const ctx = parseContext('commands/systemctl_show');
// Hand-written in the shape systemd prints (this machine's PID 1 is not systemd): properties in
// systemd's own order, `infinity` for no limit, RuntimeMaxUSec whatever -p asked for.
const SAMPLE = [
  'Id=app.service',
  'MemoryHigh=infinity',
  'MemoryMax=536870912',
  'MemorySwapMax=0',
  'OOMPolicy=stop',
  'RuntimeMaxUSec=infinity',
  '',
  'Id=cron.service',
  'MemoryHigh=infinity',
  'MemoryMax=infinity',
  'MemorySwapMax=infinity',
  'OOMPolicy=continue',
  'RuntimeMaxUSec=1h',
  '',
].join('\n');

describe('parseSystemctlShow', () => {
  it('reads one unit per block with typed memory limits', () => {
    const { data, diagnostics } = parseSystemctlShow(SAMPLE, ctx);
    expect(diagnostics).toEqual([]);
    expect(data).toEqual([
      {
        unit: 'app.service', memoryMaxBytes: 536870912, memoryHighBytes: null, memorySwapMaxBytes: 0, oomPolicy: 'stop', runtimeMaxSec: 'infinity',
        props: { Id: 'app.service', MemoryHigh: 'infinity', MemoryMax: '536870912', MemorySwapMax: '0', OOMPolicy: 'stop', RuntimeMaxUSec: 'infinity' },
      },
      expect.objectContaining({ unit: 'cron.service', memoryMaxBytes: null, memorySwapMaxBytes: null, oomPolicy: 'continue', runtimeMaxSec: '1h' }),
    ]);
  });

  it('keeps "=" inside a value and reports a block without Id and a bad limit', () => {
    const { data, diagnostics } = parseSystemctlShow('Environment=A=b C=d\nMemoryMax=lots\n\n\nnot a property\n', parseContext('s', 3));
    expect(data).toEqual([expect.objectContaining({ unit: '', memoryMaxBytes: null, props: { Environment: 'A=b C=d', MemoryMax: 'lots' } })]);
    expect(diagnostics.map((d) => d.line)).toEqual([7, 3, 4]);
  });

  it('never throws on arbitrary input', () => {
    const lines = SAMPLE.split('\n');
    const text = fc.array(fc.oneof(fc.constantFrom(...lines), fc.string({ unit: 'binary' })), { maxLength: 30 }).map((l) => l.join('\n'));
    fc.assert(fc.property(text, (t) => void parseSystemctlShow(t, ctx)), { seed: 42, numRuns: 200 });
  });
});

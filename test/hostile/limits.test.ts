/**
 * Decompression bombs through the CLI: reading stops at the ratio or the absolute limit with an
 * error diagnostic, the report is still written from the members before the bomb, and the
 * child's peak RSS stays bounded (the zeros are streamed, never held).
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasZstd } from './bundle-files.js';
import { useCorpus } from './corpus-dir.js';
import { reportJson } from './run-cli.js';

const { corpus } = useCorpus(['bombs']);
/** Node's own baseline is ~50 MiB; the reader holds a chunk, a line (≤ 1 MiB) and the parsed series. */
const MAX_RSS_MIB = 256;

describe.concurrent('decompression bombs', () => {
  const ratioBombs = hasZstd ? ['bomb-ratio.tar.gz', 'bomb-ratio.tar.zst'] : ['bomb-ratio.tar.gz'];

  it.each(ratioBombs)('%s (256 MiB to 1 GiB of zeros): stopped by ratio past 64 MiB, report still written, RSS bounded', async (name) => {
    const input = corpus[name]!;
    const started = performance.now();
    const { run, report } = await reportJson(input, [], { measureRss: true });
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({
      source: basename(input), severity: 'error', message: expect.stringMatching(/^decompression ratio \d+:1 after 64(\.\d)? MiB passed the 200:1 limit .*decompression bomb/),
    }));
    // The bomb is commands/dmesg, a single line of zeros: cut at maxLineBytes, not buffered.
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ source: 'commands/dmesg', line: 1, message: expect.stringMatching(/cut to its first 1(\.0)? MiB \(maxLineBytes\)/) }));
    expect(report.bundle.samples.meminfo).toBeGreaterThan(0);
    expect(run.maxRssKiB! / 1024).toBeLessThan(MAX_RSS_MIB);
  });

  it('a 40 MiB entry under --max-total-mb 8: stopped at 8 MiB by size, the members before it analysed, RSS bounded', async () => {
    const input = corpus['bomb-size.tar.gz']!;
    const { run, report } = await reportJson(input, ['--max-total-mb', '8'], { measureRss: true });
    expect(report.diagnostics).toContainEqual(expect.objectContaining({
      source: basename(input), severity: 'error', message: expect.stringMatching(/^decompressed bundle passed 8(\.0)? MiB \(maxTotalBytes\)/),
    }));
    expect(report.findings.map((f) => f.id)).toContain('process-leak');
    expect(run.maxRssKiB! / 1024).toBeLessThan(MAX_RSS_MIB);
  });

  it('the same entry with the default limits is read whole: the limit is what stopped it', async () => {
    const { report } = await reportJson(corpus['bomb-size.tar.gz']!);
    expect(report.diagnostics.filter((d) => /maxTotalBytes|maxRatio/.test(d.message))).toEqual([]);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ source: 'commands/dmesg', message: expect.stringMatching(/^line of 40(\.0)? MiB cut/) }));
  });
});

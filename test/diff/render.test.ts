import { describe, expect, it } from 'vitest';
import { renderDiffHtml } from '../../src/render/diff/html.js';
import { renderDiffMarkdown } from '../../src/render/diff/markdown.js';
import { diffSamples } from './sample-diffs.js';
import { hostileDiff } from './hostile-diff.js';

/** Markdown table rows: every row of a table has the header's column count (escaped pipes do not split). */
function columnCounts(md: string): number[][] {
  return md.split('\n\n').filter((block) => block.startsWith('|')).map((block) => block.split('\n').map((row) => row.split(/(?<!\\)\|/).length));
}

describe('renderDiffMarkdown', () => {
  it('is ticket-sized: verdict, flagged metrics, the leaking command, and no unchanged rows', async () => {
    const md = renderDiffMarkdown(await diffSamples('process-leak', 'process-leak-fixed'));
    expect(md).toMatch(/^# Memory comparison: app-01\n/);
    expect(md).toContain('**Fixed.** Resolved: process-leak, swap-misconfigured');
    expect(md).toContain('| Fastest-growing process | 2,713.6 MB/h | 0\\.1 MB/h | \\|-\\| now zero | flagged |');
    expect(md).toMatch(/\n\| python3 \| 12 GiB \| 359 MiB \|/);
    expect(md).not.toContain('| bash |');
    expect(md).toContain('No slab cache changed by 2× or more.');
    expect(md.split('\n').length).toBeLessThan(120);
    for (const table of columnCounts(md)) expect(new Set(table).size).toBe(1);
  });

  it('says so when nothing moved', async () => {
    const md = renderDiffMarkdown(await diffSamples('healthy-baseline', 'healthy-baseline'));
    expect(md).toContain('No metric changed by 2× or more.');
    expect(md).toContain('No setting differs.');
    expect(md).toContain('> **Warning:** Both inputs are the same capture');
  });

  it('escapes every bundle value', async () => {
    const md = renderDiffMarkdown(await hostileDiff());
    expect(md).not.toMatch(/<(img|script|svg)/);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript/);
    for (const table of columnCounts(md)) expect(new Set(table).size).toBe(1);
  });
});

describe('renderDiffHtml', () => {
  it('uses the report frame: CSP, one script, the shared stylesheet', async () => {
    const html = renderDiffHtml(await diffSamples('process-leak', 'process-leak-fixed'));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('class="verdict verdict-ok"');
    expect(html).toContain('<figure class="chart-figure" id="accounting">');
    expect(html).not.toContain('id="warnings"');
  });

  it('shows hostile text only as text', async () => {
    const html = renderDiffHtml(await hostileDiff());
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<(img|svg onload)/);
    expect(html).toContain('web&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('{{#each}}');
  });
});

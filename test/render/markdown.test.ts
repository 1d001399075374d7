import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { hostileReport } from './fixtures/hostile-report.js';
import { sampleReport } from './fixtures/sample-report.js';

describe('renderMarkdown', () => {
  const md = renderMarkdown(sampleReport());

  it('holds the verdict, key numbers, timeline, findings with fixes and a pointer to the HTML', () => {
    expect(md).toMatch(/^# Memory postmortem: app\\-prod|^# Memory postmortem: app-prod/);
    expect(md).toContain('**Critical.** The OOM killer killed python3');
    expect(md).toContain('| **Lowest MemAvailable** |');
    expect(md).toContain('| Time (Europe/Berlin) | UTC | Event | Details |');
    expect(md).toContain('| 2026\\-11\\-26 12:40:12 |'.replace(/\\-/g, '-'));
    expect(md).toContain('### Critical: Process memory leak (process\\-leak)'.replace('\\-', '-'));
    expect(md).toContain('```sh\nsudo systemctl edit app-worker.service\n```');
    expect(md).toContain('```\n[Service]\nMemoryMax=4G\n');
    expect(md).toContain('HTML report');
  });

  it('keeps every table row on one line with the header column count', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| 2026'));
    expect(rows.length).toBe(5);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(6);
  });
});

describe('renderMarkdown on hostile bundle values', () => {
  const md = renderMarkdown(hostileReport());

  it('emits no HTML tag or link outside code fences (where text is literal)', () => {
    const prose = md.replace(/(`{3,})[a-z]*\n[\s\S]*?\n\1/g, '');
    expect(prose).not.toMatch(/<img|<script|<svg/i);
    expect(prose).not.toMatch(/[^\\]\[link\]\(/);
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('\\`rm -rf /\\`\\|\\*bold\\*\\|');
  });

  it('keeps hostile commands inside a fence they cannot close', () => {
    const fence = /(`{4,})sh\n([\s\S]*?)\n\1/.exec(md);
    expect(fence).not.toBeNull();
    expect(fence![2]).toContain("systemctl edit '</script><script>alert(1)</script>'\n```\n# closed fence?");
  });
});

import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeXml, fencedBlock } from '../../src/render/escape.js';
import { HOSTILE } from './fixtures/hostile-report.js';

describe('escapeXml', () => {
  it('leaves no markup character in hostile names', () => {
    for (const text of HOSTILE) expect(escapeXml(text)).not.toMatch(/[<>"']/);
    expect(escapeXml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeXml(`a&b "c" 'd'`)).toBe('a&amp;b &quot;c&quot; &#39;d&#39;');
  });
});

describe('escapeMarkdown', () => {
  it('turns tags into entities and neutralises emphasis, code, links and table pipes', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeMarkdown('`rm -rf /`|*bold*|[link](javascript:alert(1))')).toBe(
      '\\`rm -rf /\\`\\|\\*bold\\*\\|\\[link\\](javascript:alert(1))',
    );
    expect(escapeMarkdown('{{constructor}}')).toBe('\\{\\{constructor\\}\\}');
  });

  it('flattens newlines and escapes block markers at the start', () => {
    expect(escapeMarkdown('a\n# b')).toBe('a # b');
    expect(escapeMarkdown('# heading')).toBe('\\# heading');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
    expect(escapeMarkdown('- item')).toBe('\\- item');
  });
});

describe('fencedBlock', () => {
  it('uses a fence longer than any backtick run in the content', () => {
    const block = fencedBlock('echo ```\nls ````', 'sh');
    expect(block.startsWith('`````sh\n')).toBe(true);
    expect(block.endsWith('\n`````')).toBe(true);
  });
});

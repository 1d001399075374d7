import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { hostileReport } from './fixtures/hostile-report.js';
import { sampleReport } from './fixtures/sample-report.js';

const TEMPLATES = new URL('../../templates/', import.meta.url);

describe('renderHtml on the sample report', () => {
  const html = renderHtml(sampleReport());

  it('puts the sections in reading order', () => {
    const order = ['id="verdict"', 'id="timeline"', 'id="charts"', 'id="findings"', 'id="data-quality"', 'id="artifacts"'].map((s) => html.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('allows exactly its own inline script by hash and nothing remote', () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = createHash('sha256').update(script).digest('base64');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!.replace(/&#x27;/g, "'").replace(/&#x3D;/g, '=');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('renders every chart as SVG with a title, a description and a path or bar', () => {
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g)!;
    expect(svgs).toHaveLength(7);
    for (const svg of svgs) {
      expect(svg).toMatch(/role="img"/);
      expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title><desc/);
      expect(svg).toMatch(/<path class="series|<rect x/);
    }
  });

  it('shows times in the bundle zone and in UTC, sorted by severity', () => {
    expect(html).toContain('2026-11-26 12:40:12');
    expect(html).toContain('2026-11-26 11:40:12');
    expect(html.indexOf('finding-critical')).toBeLessThan(html.indexOf('finding-warning'));
    expect(html.indexOf('finding-warning')).toBeLessThan(html.indexOf('finding-info'));
  });

  it('lists non-ok artifacts and diagnostics with line numbers in data quality', () => {
    const quality = html.slice(html.indexOf('id="data-quality"'), html.indexOf('id="artifacts"'));
    expect(quality).toContain('commands/slabtop');
    expect(quality).toContain('timed-out');
    expect(quality).toContain('88412');
    expect(quality).not.toContain('proc/meminfo<');
  });

  it('keeps remediation file contents unindented inside <pre>', () => {
    expect(html).toContain('<pre><code>[Service]\nMemoryMax&#x3D;4G\n');
  });
});

describe('renderHtml edge cases', () => {
  it('says "no data" for an empty chart instead of drawing a broken one', () => {
    const report = sampleReport({ hours: 1 });
    report.charts[0]!.series = report.charts[0]!.series.map((s) => ({ ...s, points: [] }));
    const html = renderHtml(report);
    expect(html.match(/<svg/g)).toHaveLength(6);
    expect(html).toContain('class="no-data"');
  });

  it('shows UTC only when the bundle has no timezone', () => {
    const html = renderHtml(sampleReport({ hours: 1, timezone: null }));
    expect(html).toContain('Time (UTC)');
    expect(html).not.toContain('<th scope="col">UTC</th>');
  });
});

describe('renderHtml on hostile bundle values', () => {
  const html = renderHtml(hostileReport());

  it('never emits their markup', () => {
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<svg onload/i);
    expect(html).not.toMatch(/<script>alert/i);
    expect(html).not.toMatch(/onerror=alert\(1\)>/);
    expect(html.match(/<svg/g)!.length).toBe(html.match(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox/g)!.length);
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('shows their text literally, template syntax included', () => {
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('{{constructor}}');
    expect(html).toContain('{{#each}}');
  });
});

describe('templates', () => {
  it('never use triple-stash: bundle values are always escaped', () => {
    const files = ['report.hbs', ...readdirSync(new URL('partials/', TEMPLATES)).map((f) => `partials/${f}`)];
    for (const file of files) expect(readFileSync(new URL(file, TEMPLATES), 'utf8')).not.toContain('{{{');
  });
});

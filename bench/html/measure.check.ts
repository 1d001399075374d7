/**
 * Size and speed of the HTML postmortem for a 24-hour bundle at 10 s samples (8,641 per series,
 * 7 charts): bytes of HTML, render time in Node, and the load event in headless chromium.
 * Run: `node bench/html/run.mjs` (writes bench/out/html.json). Budget: ≤ 1.5 MB, load < 1 s.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { sampleReport } from '../../test/render/fixtures/sample-report.js';

const OUT = new URL('../out/', import.meta.url);
const CHROMIUM = '/usr/bin/chromium';

it('renders a 24 h / 10 s report within budget', async () => {
  mkdirSync(OUT, { recursive: true });
  const report = sampleReport({ hours: 24, intervalS: 10 });
  const started = performance.now();
  const html = renderHtml(report);
  const renderMs = performance.now() - started;
  const file = new URL('report-24h.html', OUT);
  writeFileSync(file, html);
  const bytes = Buffer.byteLength(html);

  const loads: number[] = [];
  if (existsSync(CHROMIUM)) {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    for (let run = 0; run < 5; run++) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(file.href, { waitUntil: 'load' });
      loads.push(
        await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return nav.loadEventEnd - nav.startTime;
        }),
      );
      await page.close();
    }
    await browser.close();
  }
  const sorted = [...loads].sort((a, b) => a - b);
  const result = {
    samplesPerSeries: report.charts[0]!.series[0]!.points.length,
    htmlBytes: bytes,
    renderMs: Math.round(renderMs),
    loadMsMedian: sorted.length ? Math.round(sorted[Math.floor(sorted.length / 2)]!) : null,
    loadMsMax: sorted.length ? Math.round(sorted.at(-1)!) : null,
  };
  writeFileSync(new URL('html.json', OUT), `${JSON.stringify(result, null, 2)}\n`);
  console.log(result);
  expect(bytes).toBeLessThanOrEqual(1.5 * 1024 * 1024);
  if (result.loadMsMax !== null) expect(result.loadMsMax).toBeLessThan(1000);
}, 120_000);

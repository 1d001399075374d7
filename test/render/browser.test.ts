/**
 * The HTML postmortem in a real browser (Debian's chromium through playwright-core): opened from
 * file://, it must make no request, log no error, draw every chart, show the verdict above the
 * fold at 1366×768, and run none of a hostile bundle's scripts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { CHROMIUM, drawnCharts, hasChromium, launchChromium, openPage, type OpenedPage } from './browser-page.js';
import { HOSTILE, hostileReport } from './fixtures/hostile-report.js';
import { sampleReport } from './fixtures/sample-report.js';

const OUT = new URL('../../test-output/', import.meta.url);
const SCREENSHOTS = new URL('screenshots/', OUT);
if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium)`);

describe.skipIf(!hasChromium)('HTML report in chromium', () => {
  let browser: Browser;
  const pageUrls = new Map<string, string>();

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [name, report] of [['sample', sampleReport()], ['hostile', hostileReport()]] as const) {
      const file = new URL(`${name}-report.html`, OUT);
      writeFileSync(file, renderHtml(report));
      pageUrls.set(name, file.href);
    }
    browser = await launchChromium();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
  });

  function open(name: string, colorScheme: 'light' | 'dark' = 'light'): Promise<OpenedPage> {
    return openPage(browser, pageUrls.get(name)!, colorScheme);
  }

  it('loads under 1 s with no request and no console error, verdict above the fold', async () => {
    const { page, problems, requests } = await open('sample');
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    const loadMs = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return nav.loadEventEnd - nav.startTime;
    });
    expect(loadMs).toBeLessThan(1000);
    const verdict = (await page.locator('#verdict').boundingBox())!;
    expect(verdict.y + verdict.height).toBeLessThanOrEqual(768);
    await page.screenshot({ path: fileURLToPath(new URL('report-above-fold.png', SCREENSHOTS)) });
    await page.screenshot({ path: fileURLToPath(new URL('report-light.png', SCREENSHOTS)), fullPage: true });
    await page.close();
  }, 30_000);

  it('draws every chart with non-empty paths or bars', async () => {
    const { page } = await open('sample');
    const charts = await drawnCharts(page);
    expect(charts.map((c) => c.id)).toEqual(sampleReport({ hours: 1 }).charts.map((c) => c.id));
    for (const chart of charts) {
      expect(chart.svg, chart.id).toBe(true);
      expect(chart.drawn, chart.id).toBeGreaterThan(0);
    }
    await page.close();
  }, 30_000);

  it('enhances progressively: copy buttons appear and charts show hover values', async () => {
    const { page, problems } = await open('sample');
    expect(await page.locator('button.copy:visible').count()).toBeGreaterThan(0);
    const svg = page.locator('#mem-available svg');
    await svg.scrollIntoViewIfNeeded();
    const box = (await svg.boundingBox())!;
    await svg.hover({ position: { x: box.width * 0.4, y: box.height * 0.5 } });
    const tooltip = page.locator('#mem-available .tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toMatch(/^2026-11-26 \d\d:\d\d \(Europe\/Berlin\)MemAvailable: \d+(\.\d)? (GiB|MiB)$/);
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);

  it('reads in dark mode and prints', async () => {
    const { page, problems } = await open('sample', 'dark');
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe('rgb(13, 17, 23)');
    await page.screenshot({ path: fileURLToPath(new URL('report-dark.png', SCREENSHOTS)), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('button.copy').first().isVisible()).toBe(false);
    await page.pdf({ path: fileURLToPath(new URL('report.pdf', SCREENSHOTS)), format: 'A4' });
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);

  it('runs none of a hostile bundle’s scripts and shows its text literally', async () => {
    const { page, problems, requests, dialogs } = await open('hostile');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('svg[onload]').count()).toBe(0);
    expect(await page.locator('h1').textContent()).toBe(`web${HOSTILE[0]}`);
    const text = (await page.locator('body').textContent())!;
    for (const hostile of HOSTILE) expect(text).toContain(hostile);
    await page.screenshot({ path: fileURLToPath(new URL('hostile.png', SCREENSHOTS)), fullPage: true });
    await page.close();
  }, 30_000);
});

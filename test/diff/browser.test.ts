/**
 * The HTML diff in a real browser, the same checks as the report's: opened from file://, no
 * request, no console error, every chart drawn, none of a hostile bundle's scripts run; the
 * two-host warning above the fold.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiffJson } from '../../src/diff/types.js';
import { renderDiffHtml } from '../../src/render/diff/html.js';
import { drawnCharts, hasChromium, launchChromium, openPage } from '../render/browser-page.js';
import { hostileDiff } from './hostile-diff.js';
import { diffSamples } from './sample-diffs.js';

const OUT = new URL('../../test-output/', import.meta.url);
const SCREENSHOTS = new URL('screenshots/', OUT);
if (!hasChromium) console.warn('diff browser tests skipped: /usr/bin/chromium is missing (apt-get install chromium)');

describe.skipIf(!hasChromium)('HTML diff in chromium', () => {
  let browser: Browser;
  const pages = new Map<string, { url: string; diff: DiffJson }>();

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [name, before, after] of [
      ['process-leak', 'process-leak', 'process-leak-fixed'],
      ['two-hosts', 'healthy-baseline', 'healthy-other-host'],
      ['hostile', null, null],
    ] as const) {
      const diff = before === null ? await hostileDiff() : await diffSamples(before, after!);
      const file = new URL(`${name}.diff.html`, OUT);
      writeFileSync(file, renderDiffHtml(diff));
      pages.set(name, { url: file.href, diff });
    }
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no request and no console error, and draws every chart', async () => {
    const { url, diff } = pages.get('process-leak')!;
    const { page, problems, requests } = await openPage(browser, url);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    const charts = await drawnCharts(page);
    expect(charts.map((c) => c.id)).toEqual(diff.charts.map((c) => c.id));
    expect(new Set(charts.map((c) => c.id)).size).toBe(charts.length);
    expect(charts.map((c) => c.id)).toEqual(expect.arrayContaining(['accounting', 'fragmentation', 'swap-rates-before', 'swap-rates-after']));
    for (const chart of charts) {
      expect(chart.svg, chart.id).toBe(true);
      expect(chart.drawn, chart.id).toBeGreaterThan(0);
    }
    await expect.poll(() => page.locator('#verdict .badge').textContent()).toBe('Fixed');
    expect(await page.locator('#change-process-leak .badge').textContent()).toBe('resolved');
    await page.screenshot({ path: fileURLToPath(new URL('diff-light.png', SCREENSHOTS)), fullPage: true });
    await page.close();
  }, 30_000);

  it('shows the two-host warning above the fold, in dark mode too', async () => {
    const { url } = pages.get('two-hosts')!;
    const { page, problems, requests } = await openPage(browser, url, 'dark');
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    const warning = page.locator('#warnings .warning-different-host');
    expect(await warning.textContent()).toContain("'app-01' before, 'db-02' after");
    const box = (await page.locator('#warnings').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    await page.screenshot({ path: fileURLToPath(new URL('diff-two-hosts-dark.png', SCREENSHOTS)) });
    await page.close();
  }, 30_000);

  it('runs none of a hostile bundle’s scripts', async () => {
    const { page, problems, requests, dialogs } = await openPage(browser, pages.get('hostile')!.url);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('img, svg[onload]').count()).toBe(0);
    expect(await page.locator('h1').textContent()).toContain('web<img src=x onerror=alert(1)>');
    await page.close();
  }, 30_000);
});

/**
 * Opening a memtrail HTML file (the report, the diff) in Debian's chromium through playwright-core,
 * recording what must never happen: console errors or warnings, page errors, requests other than
 * the file itself, dialogs.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export interface OpenedPage {
  page: Page;
  problems: string[];
  requests: string[];
  dialogs: string[];
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function openPage(browser: Browser, url: string, colorScheme: 'light' | 'dark' = 'light'): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, colorScheme });
  const opened: OpenedPage = { page, problems: [], requests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') opened.problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => opened.problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (r.url() !== url && !r.url().startsWith('data:')) opened.requests.push(r.url());
  });
  page.on('dialog', async (d) => {
    opened.dialogs.push(d.message());
    await d.dismiss();
  });
  // A trap: any script of the bundle's that gets to run calls alert().
  await page.addInitScript(() => {
    window.alert = () => {
      (window as unknown as { __pwned: boolean }).__pwned = true;
    };
  });
  await page.goto(url, { waitUntil: 'load' });
  return opened;
}

/** Per chart figure: whether it has an <svg>, and how many series paths or bars it actually draws. */
export function drawnCharts(page: Page): Promise<{ id: string; svg: boolean; drawn: number }[]> {
  return page.$$eval('figure.chart-figure', (figures) =>
    figures.map((f) => ({
      id: f.id,
      svg: f.querySelector('svg') !== null,
      drawn: [...f.querySelectorAll('svg path.series, svg .series rect')].filter(
        (el) => (el.getAttribute('d') ?? 'rect').length > 0 && (el as SVGGraphicsElement).getBBox().width > 0,
      ).length,
    })),
  );
}

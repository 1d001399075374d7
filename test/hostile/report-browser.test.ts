/**
 * `memtrail report` on the hostile bundle, opened in chromium (playwright-core, file://): no
 * dialog, no script of the bundle's runs, every hostile value shows as literal text, and a
 * 100 kB process name does not blow the page's width.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCorpus } from './corpus-dir.js';
import { HOSTILE } from './hostile-values.js';
import { runCli } from './run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`hostile browser test skipped: ${CHROMIUM} is missing`);

const { corpus } = useCorpus(['hostile']);

describe.skipIf(!hasChromium)('the hostile bundle\'s HTML report in chromium', () => {
  let browser: Browser;
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'memtrail-hostile-html-'));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('runs none of the bundle\'s scripts and shows its text literally', async () => {
    const html = join(out, 'hostile.html');
    const run = await runCli(['report', corpus['hostile.tar.gz']!, '-o', html, '-q']);
    expect(run.code, run.stderr).toBe(0);
    const source = readFileSync(html, 'utf8');
    expect(source).not.toContain(HOSTILE.comm);
    expect(source).not.toMatch(/<script>alert|<svg[ /]onload|<iframe src=javascript/);

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const dialogs: string[] = [];
    const requests: string[] = [];
    const url = pathToFileURL(html).href;
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    page.on('request', (r) => {
      if (r.url() !== url && !r.url().startsWith('data:')) requests.push(r.url());
    });
    // A trap: any script of the bundle's that gets to run calls alert().
    await page.addInitScript(() => {
      window.alert = () => {
        (window as unknown as { __pwned: boolean }).__pwned = true;
      };
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.mouse.move(400, 400);
    await page.mouse.wheel(0, 4000);

    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    // Only the report's own inline script; no element carries an event handler from the bundle.
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('img, iframe, svg[onload], [onerror], [onload]').count()).toBe(0);

    // textContent, not innerText: the data-quality list sits in a closed <details>.
    const text = await page.evaluate(() => document.body.textContent ?? '');
    // `proc/<comm>`: a skipped archive member, named in the data-quality section.
    for (const value of [HOSTILE.comm, HOSTILE.cgroup, HOSTILE.mountPoint, HOSTILE.fileName, HOSTILE.host, `proc/${HOSTILE.comm}`]) {
      expect(text, value).toContain(value);
    }
    await page.close();
  }, 60_000);

  // A 100 kB process name once made the page ~900 000 px wide (table cells, chart legends).
  it('a 100 kB process name wraps or is cut: the page does not scroll sideways for it', async () => {
    const html = join(out, 'hostile-wide.html');
    expect((await runCli(['report', corpus['hostile.tar.gz']!, '-o', html, '-q'])).code).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    const widest = await page.evaluate(() => {
      const wide = [...document.querySelectorAll('body *')].filter((el) => el.scrollWidth > 1366);
      return wide.at(-1)?.tagName ?? null;
    });
    expect(widest).toBeNull();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await page.close();
  }, 60_000);
});

/**
 * The playground in a real browser: build it with Vite, serve the build on
 * localhost, drive Debian's Chromium with playwright-core, and check what a
 * person would see: completion, the live JSON (readable, compact, in the
 * request URL), diagnostics with fix buttons, the endpoint picker and the
 * `# endpoint:` directive, links that reproduce the page, rendered Markdown
 * in hovers, dark mode, and the cost of the request.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS, readState, requestUrl, writeState } from '../../docs/playground/state.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = resolve('docs/playground');
const enabled = process.env.AHREFS_WHERE_E2E === '1';

let outDir: string;
let server: PreviewServer;
let browser: Browser;
let page: Page;
let url: string;

const doc = () => page.evaluate(() => (window as any).playground.view.state.doc.toString());

/** Replaces the whole editor content by typing, as a person would. */
async function typeFilter(text: string): Promise<void> {
  await page.click('.cm-content');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 5 });
}

describe.skipIf(!enabled)('playground (Chromium)', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/e2e.sh (it installs Debian's chromium).`);
    outDir = mkdtempSync(join(tmpdir(), 'aw-playground-'));
    await build({ root: ROOT, configFile: false, base: './', logLevel: 'warn', build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 2000 } });
    server = await preview({ root: ROOT, configFile: false, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
    const address = server.httpServer.address() as AddressInfo;
    url = `http://127.0.0.1:${address.port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForSelector('.cm-content');
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((done) => (server ? server.httpServer.close(() => done()) : done()));
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('shows the JSON, columns and filtered rows of the initial filter', async () => {
    await expect.poll(() => page.textContent('#json')).toContain('"domain_rating_source"');
    expect(await page.textContent('#columns')).toContain('domain_rating_source · 1 unit');
    expect(await page.textContent('#where-compact')).toMatch(/^\{"and":\[\{"field":"domain_rating_source","is":\["gte",50\]\}/);
    expect(await page.textContent('#count')).toMatch(/^\d+ of 50 match$/);
    expect(await page.locator('.cm-aw-column').count()).toBeGreaterThan(0); // highlighting
    await page.click('#copy'); // copies the compact JSON that goes into the `where` parameter
    await expect.poll(() => page.getAttribute('#copy', 'data-copied')).toMatch(/^\{"and":\[\{"field":"domain_rating_source","is":\["gte",50\]\}/);
  });

  it('completes a column value: open completion, accept an item, see the JSON', async () => {
    await typeFilter('DR >= 30 and link_type = ');
    await page.keyboard.press('Control+Space');
    const popup = page.locator('.cm-tooltip-autocomplete');
    await popup.waitFor();
    // A list opened while typing may still show before the explicit request's result replaces it.
    await expect.poll(() => popup.textContent()).toContain('image');
    await popup.locator('li', { hasText: /^image/ }).click();
    await expect.poll(() => page.evaluate(() => (window as any).playground.view.state.doc.toString())).toBe('DR >= 30 and link_type = image');
    await expect.poll(() => page.textContent('#json')).toContain('"image"');
    await expect.poll(() => page.getAttribute('#json', 'data-ok')).toBe('true');
    const count = await page.textContent('#count');
    expect(count).toMatch(/^\d+ of 50 match$/);
  });

  it('completes while typing a word and accepts with Enter', async () => {
    await typeFilter('DR > 10 and is_dofo');
    const popup = page.locator('.cm-tooltip-autocomplete');
    await popup.waitFor();
    await expect.poll(() => popup.locator('[aria-selected=true]').textContent()).toContain('is_dofollow');
    await page.waitForTimeout(150); // CodeMirror ignores Enter for a moment after the list opens (interactionDelay)
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as any).playground.view.state.doc.toString())).toBe('DR > 10 and is_dofollow');
    await expect.poll(() => page.textContent('#json')).toContain('"is_dofollow"');
  });

  it('shows a diagnostic while the filter is wrong and clears it when fixed', async () => {
    await typeFilter('domain_ratng_source > 5');
    // The panels redraw once a frame: wait for the last keystroke's.
    await expect.poll(() => page.textContent('#diagnostics')).toContain('unknown-column');
    expect(await page.locator('#diagnostics li').count()).toBe(1);
    await page.locator('.cm-lintRange-error').first().waitFor(); // the editor's own squiggle
    expect(await page.getAttribute('#json', 'data-ok')).toBe('false');
    // Apply the quick fix from the lint tooltip.
    await page.locator('.cm-lintRange-error').first().hover();
    const fix = page.locator('.cm-diagnosticAction', { hasText: 'domain_rating_source' });
    await fix.first().click();
    await expect.poll(() => page.evaluate(() => (window as any).playground.view.state.doc.toString())).toBe('domain_rating_source > 5');
    await expect.poll(() => page.locator('#diagnostics li').count()).toBe(0);
    await expect.poll(() => page.locator('.cm-lintRange-error').count()).toBe(0);
    await expect.poll(() => page.getAttribute('#json', 'data-ok')).toBe('true');
  });

  it('shows a hover tooltip with the column facts', async () => {
    await typeFilter('traffic > 100');
    await page.locator('.cm-aw-column').first().hover();
    const tip = page.locator('.cm-aw-hover');
    await tip.waitFor();
    expect(await tip.textContent()).toContain('10 units per row');
  });

  describe('as a product', () => {
  beforeAll(async () => {
    await page.goto(url);
    await page.waitForSelector('.cm-content');
  });

  it('shows the compact where string and the request URL with where encoded', async () => {
    await typeFilter('traffic > 100');
    await expect.poll(() => page.textContent('#where-compact')).toBe('{"field":"traffic","is":["gt",100]}');
    const request = await page.textContent('#request-url');
    expect(request).toBe(`https://api.ahrefs.com/v3/site-explorer/all-backlinks?select=url_from%2Canchor%2Cdomain_rating_source%2Ctraffic&where=${encodeURIComponent('{"field":"traffic","is":["gt",100]}')}&order_by=traffic%3Adesc&limit=100`);
    await page.click('#copy-url');
    await expect.poll(() => page.getAttribute('#copy-url', 'data-copied')).toBe(request);
  });

  it('shows the columns with their unit cost and the cost of the request', async () => {
    await page.fill('#select', 'url_from,traffic');
    await page.fill('#order-by', 'traffic:desc');
    await page.fill('#rows-input', '100');
    await typeFilter('traffic > 100 and DR >= 50');
    // url_from 1 + traffic 10 (select, where and order_by: once) + domain_rating_source 1 = 12 per row × 100 rows.
    await expect.poll(() => page.textContent('#cost')).toBe('12 units per row × 100 rows = 1,200 units');
    expect(await page.textContent('#columns li[data-column="traffic"]')).toContain('traffic · 10 units select, where, order_by');
    // The README's screenshot: a valid filter, its JSON, the request URL and its cost.
    await page.mouse.move(0, 0);
    // The linter runs after a pause: wait until it has judged the final text (no marker left from a half-typed one).
    await expect.poll(() => page.locator('.cm-lint-marker, .cm-lintRange').count()).toBe(0);
    await page.screenshot({ path: 'docs/playground.png' });
    await page.fill('#rows-input', '2');
    await expect.poll(() => page.textContent('#cost')).toBe('12 units per row × 2 rows = 24: the minimum, 50 units');
  });

  it('fix buttons in the diagnostics list repair the filter and the select list', async () => {
    await typeFilter('domain_ratng_source > 5');
    const fix = page.locator('#diagnostics button.fix', { hasText: 'domain_rating_source' });
    await fix.first().click();
    await expect.poll(doc).toBe('domain_rating_source > 5');
    await page.fill('#select', 'url_from,trafic');
    await expect.poll(() => page.textContent('#diagnostics')).toContain('unknown-select-column');
    await page.locator('#diagnostics button.fix', { hasText: 'traffic' }).first().click();
    await expect.poll(() => page.inputValue('#select')).toBe('url_from,traffic');
    await expect.poll(() => page.locator('#diagnostics li.error').count()).toBe(0);
  });

  it('picks any of the 66 endpoints; a # endpoint: first line picks it too', async () => {
    expect(await page.locator('#endpoint option').count()).toBe(66);
    await page.selectOption('#endpoint', 'keywords-explorer/overview');
    await typeFilter('volume > 1000');
    await expect.poll(() => page.getAttribute('#json', 'data-ok')).toBe('true');
    expect(await page.textContent('#request-url')).toMatch(/^https:\/\/api\.ahrefs\.com\/v3\/keywords-explorer\/overview\?select=/);
    await expect.poll(() => page.textContent('#diagnostics')).toContain('request-columns-unknown');
    await typeFilter('# endpoint: site-explorer/organic-keywords\nis_branded');
    await expect.poll(() => page.inputValue('#endpoint')).toBe('site-explorer/organic-keywords');
    await expect.poll(() => page.getAttribute('#json', 'data-ok')).toBe('true');
    // Choosing another endpoint rewrites the directive, so that text and picker agree.
    await page.selectOption('#endpoint', 'site-explorer/all-backlinks');
    await expect.poll(doc).toBe('# endpoint: site-explorer/all-backlinks\nis_branded');
    await expect.poll(() => page.textContent('#diagnostics')).toContain('unknown-column');
    await typeFilter('# endpoint: keywords-explorer/overveiw\nvolume > 1');
    await page.locator('#diagnostics button.fix', { hasText: 'keywords-explorer/overview' }).first().click();
    await expect.poll(() => page.inputValue('#endpoint')).toBe('keywords-explorer/overview');
  });

  it('keeps the page in the URL: a link opens the same endpoint, filter and request', async () => {
    await page.selectOption('#endpoint', 'site-explorer/all-backlinks');
    await typeFilter('anchor contains "seo" and not is_spam');
    await page.fill('#select', 'url_from,anchor');
    await expect.poll(() => page.url()).toContain('select=url_from%2Canchor');
    const link = page.url();
    const other = await browser.newPage();
    await other.goto(link);
    await other.waitForSelector('.cm-content');
    expect(await other.evaluate(() => (window as any).playground.view.state.doc.toString())).toBe('anchor contains "seo" and not is_spam');
    expect(await other.inputValue('#endpoint')).toBe('site-explorer/all-backlinks');
    expect(await other.inputValue('#select')).toBe('url_from,anchor');
    expect(await other.textContent('#where-compact')).toContain('"substring","seo"');
    await other.close();
  });

  it('a filter the API runs but rows cannot (a filter-only column) compiles, and the rows say why they are unfiltered', async () => {
    await page.selectOption('#endpoint', 'site-explorer/all-backlinks');
    await typeFilter('is_homepage_link');
    await expect.poll(() => page.getAttribute('#json', 'data-ok')).toBe('true');
    await expect.poll(() => page.textContent('#count')).toBe('50 rows (The API filters on "is_homepage_link" but never returns it in rows, so it cannot be evaluated locally: not applied)');
  });

  it('renders the Markdown of hovers (bold, code), not its markup', async () => {
    await typeFilter('domain_rating_source >= 50');
    await page.locator('.cm-aw-operator').first().hover();
    const tip = page.locator('.cm-aw-hover');
    await tip.waitFor();
    expect(await tip.locator('strong').first().textContent()).toBe('>=');
    expect(await tip.locator('code').first().textContent()).toBe('["gte", v]');
    expect(await tip.textContent()).not.toContain('**');
    expect(await tip.textContent()).not.toContain('`');
  });

  it('renders the Markdown subset as elements and everything else as text (no HTML from catalogue data)', async () => {
    const html = (markdown: string) => page.evaluate((md) => {
      const div = document.createElement('div');
      div.appendChild((window as any).playground.renderMarkdown(md));
      return div.innerHTML;
    }, markdown);
    expect(await html('**a** `b` \\*c\\* ``d`e``')).toBe('<p><strong>a</strong> <code>b</code> *c* <code>d`e</code></p>');
    expect(await html('one\n\n- x\n- `y`\n\n```\nif a < b\n```')).toBe('<p>one</p><ul><li>x</li><li><code>y</code></li></ul><pre><code>if a &lt; b</code></pre>');
    expect(await html('<img src=x onerror=alert(1)> [link](javascript:alert(1))')).toBe('<p>&lt;img src=x onerror=alert(1)&gt; [link](javascript:alert(1))</p>');
    expect(await html('`unclosed **bold')).toBe('<p>`unclosed <strong>bold</strong></p>');
  });

  it('follows the system dark mode, and the toggle overrides it (remembered)', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const dark = await context.newPage();
    await dark.goto(url);
    await dark.waitForSelector('.cm-content');
    expect(await dark.getAttribute('html', 'data-theme')).toBe('dark');
    const background = () => dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(11, 15, 23)');
    expect(await dark.locator('.cm-editor').evaluate((e) => e.classList.contains('cm-editor') && getComputedStyle(e).backgroundColor)).toBe('rgb(17, 24, 39)');
    await dark.click('#theme');
    expect(await dark.getAttribute('html', 'data-theme')).toBe('light');
    expect(await background()).toBe('rgb(249, 250, 251)');
    await dark.reload();
    await dark.waitForSelector('.cm-content');
    expect(await dark.getAttribute('html', 'data-theme')).toBe('light');
    await context.close();
  });
});
});

// The page's state in its URL and the request URL: plain functions, checked without the browser.
describe('playground state and request URL', () => {
  const endpoints = ['site-explorer/all-backlinks', 'keywords-explorer/overview'];

  it('a fragment round-trips every field, odd characters included', () => {
    const state = { endpoint: 'keywords-explorer/overview', filter: '# endpoint: keywords-explorer/overview\nkeyword contains "a&b=c #d" and volume > 1', select: 'keyword,volume', orderBy: 'volume:desc', rows: 7 };
    expect(readState(writeState(state), endpoints)).toEqual(state);
  });

  it('what a fragment leaves out or spells badly keeps its default', () => {
    expect(readState('', endpoints)).toEqual(DEFAULTS);
    expect(readState('#endpoint=nope&rows=-3&filter=DR%20%3E%201', endpoints)).toEqual({ ...DEFAULTS, filter: 'DR > 1' });
    expect(readState('#rows=1.5', endpoints).rows).toBe(DEFAULTS.rows);
  });

  it('the request URL percent-encodes each value and leaves out what is absent', () => {
    expect(requestUrl('site-explorer/all-backlinks', { select: 'url_from,traffic', where: '{"field":"traffic","is":["gt",1]}', orderBy: 'traffic:desc', rows: 10 }))
      .toBe('https://api.ahrefs.com/v3/site-explorer/all-backlinks?select=url_from%2Ctraffic&where=%7B%22field%22%3A%22traffic%22%2C%22is%22%3A%5B%22gt%22%2C1%5D%7D&order_by=traffic%3Adesc&limit=10');
    expect(requestUrl('keywords-explorer/overview', { select: 'keyword', where: undefined, orderBy: ' ', rows: 0 }))
      .toBe('https://api.ahrefs.com/v3/keywords-explorer/overview?select=keyword&limit=0');
  });
});

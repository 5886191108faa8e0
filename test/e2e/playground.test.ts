/**
 * The playground in a real browser: build it with Vite, serve the build on
 * localhost, drive Debian's Chromium with playwright-core, and check what a
 * person would see: completion, the live JSON, diagnostics that appear and
 * disappear, and the sample rows filtered by the predicate.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = resolve('docs/playground');
const enabled = process.env.AHREFS_WHERE_E2E === '1';

let outDir: string;
let server: PreviewServer;
let browser: Browser;
let page: Page;
let url: string;

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
    expect(await popup.textContent()).toContain('image');
    await page.screenshot({ path: 'docs/playground.png' });
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
    expect(await popup.locator('[aria-selected=true]').textContent()).toContain('is_dofollow');
    await page.waitForTimeout(150); // CodeMirror ignores Enter for a moment after the list opens (interactionDelay)
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as any).playground.view.state.doc.toString())).toBe('DR > 10 and is_dofollow');
    await expect.poll(() => page.textContent('#json')).toContain('"is_dofollow"');
  });

  it('shows a diagnostic while the filter is wrong and clears it when fixed', async () => {
    await typeFilter('domain_ratng_source > 5');
    await expect.poll(() => page.locator('#diagnostics li').count()).toBe(1);
    expect(await page.textContent('#diagnostics')).toContain('unknown-column');
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
});

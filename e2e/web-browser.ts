import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { waitFor } from '@slotwise/testkit';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * What every browser test of the web app shares: the built app (rebuilt when a source is newer),
 * Debian's Chromium driven by playwright-core, axe on every page, and the screenshots of docs/screens.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

const WEB_DIR = fileURLToPath(new URL('../apps/web', import.meta.url));
const SCREENS_DIR = fileURLToPath(new URL('../docs/screens', import.meta.url));
const BUILT = join(WEB_DIR, 'dist/index.html');
const LOCK = join(WEB_DIR, '.build-lock');

/** The newest modification time under `dir` (the app's sources and its build inputs). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function upToDate(): boolean {
  if (!existsSync(BUILT)) return false;
  const inputs = Math.max(
    newest(join(WEB_DIR, 'src')),
    statSync(join(WEB_DIR, 'index.html')).mtimeMs,
    statSync(join(WEB_DIR, 'vite.config.ts')).mtimeMs,
  );
  return statSync(BUILT).mtimeMs >= inputs;
}

/**
 * The built app the gateway serves: built when missing or older than its sources (about 3 s).
 * Test files run in parallel, so one builds while the others wait for it (a lock directory).
 */
export async function ensureWebBuilt(): Promise<void> {
  if (upToDate()) return;
  await waitFor(
    () => {
      try {
        mkdirSync(LOCK);
      } catch {
        // A lock older than a minute belongs to a build that died.
        if (Date.now() - statSync(LOCK).mtimeMs > 60_000) rmSync(LOCK, { recursive: true });
        throw new Error('another test file is building the web app');
      }
    },
    { timeoutMs: 120_000, intervalMs: 250 },
  );
  try {
    if (upToDate()) return;
    const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
    // As `npm start` builds it: a production build (vitest's NODE_ENV=test would pull React's
    // development runtime into the bundle).
    const result = spawnSync(process.execPath, [vite, 'build'], {
      cwd: WEB_DIR,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) {
      throw new Error(`web app build failed:\n${result.stdout}${result.stderr}`);
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface WebPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far (expected API refusals are filtered). */
  problems: string[];
}

/**
 * A fresh browser context (no session) and page. `allowedConsoleErrors`: statuses the test provokes
 * on purpose (a wrong password is answered 401, which Chromium logs), e.g. ['401', '409'].
 */
export async function openPage(
  browser: Browser,
  options: { phone?: boolean; timezoneId?: string; allowedConsoleErrors?: string[] } = {},
): Promise<WebPage> {
  const context = await browser.newContext({
    viewport: options.phone ? PHONE : DESKTOP,
    // 24-hour times, whatever the machine's locale.
    locale: 'en-GB',
    timezoneId: options.timezoneId ?? 'UTC',
    ...(options.phone ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const allowed = (options.allowedConsoleErrors ?? []).map((status) => `status of ${status}`);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (allowed.some((text) => message.text().includes(text))) return;
    problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

/** No serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(bad, `axe on ${name}`).toEqual([]);
}

/**
 * With UPDATE_SCREENSHOTS=1: the page as it is now at desktop size (`docs/screens/<name>.png`) and
 * at a 390 px phone's (`<name>-phone.png`); the viewport is put back afterwards. Otherwise nothing,
 * but the phone layout is still checked: nothing may be wider than the phone's screen.
 */
export async function captureScreens(page: Page, name: string): Promise<void> {
  const before = page.viewportSize() ?? DESKTOP;
  const update = process.env.UPDATE_SCREENSHOTS === '1';
  if (update) {
    await mkdir(SCREENS_DIR, { recursive: true });
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: `${SCREENS_DIR}/${name}.png` });
  }
  await page.setViewportSize(PHONE);
  await expect
    .poll(() => page.evaluate<number>('document.documentElement.scrollWidth'), {
      message: `${name} fits a 390 px phone screen`,
    })
    .toBeLessThanOrEqual(PHONE.width);
  if (update) await page.screenshot({ path: `${SCREENS_DIR}/${name}-phone.png` });
  await page.setViewportSize(before);
}

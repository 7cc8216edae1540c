/**
 * Debian's Chromium driven by playwright-core, for the pages' browser tests. No browser is ever
 * downloaded: without /usr/bin/chromium the tests skip with a note, unless CI is set (then fail).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing and CI is set: run .ci/system-deps (apt-get install chromium)`);
  // eslint-disable-next-line no-console
  console.warn(`skipping browser tests: ${CHROMIUM} is missing (install it with .ci/system-deps)`);
  return false;
}

export async function launch(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-chromium-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1100, height: 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Screenshots go to docs/screenshots only when asked (`npm run screenshots`), so a test run leaves the tree clean. */
export const SCREENSHOT_DIR = process.env.SCREENSHOTS ? path.resolve(__dirname, '../../docs/screenshots') : null;

/**
 * Browser test of the public pages: each page type renders, has zero axe violations, is keyboard operable and
 * keeps its content with JavaScript disabled. Run by public-pages.e2e-spec.ts against the API serving the
 * built app with the demonstration data.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  activeElementSummary,
  checkAxe,
  checkSkipLink,
  CHROMIUM_ARGS,
  CHROMIUM_EXECUTABLE,
  fail,
} from './smoke.e2e.js';

const TIMEOUT_MS = 10_000;

export type PublicPageCheck = {
  name: string;
  path: string;
  h1: RegExp;
  /** Text that must be in the page, with or without JavaScript (figures, status words, table cells). */
  content: RegExp[];
  /** A table the page must have, by its accessible name or caption. */
  table?: RegExp;
  /** With JavaScript: a chart is drawn. */
  chart?: boolean;
  /** The embed card has no skip link (no header to skip). */
  embed?: boolean;
};

const checkContent = async (page: Page, check: PublicPageCheck, state: string): Promise<void> => {
  const h1 = (await page.getByRole('heading', { level: 1 }).first().textContent())?.trim() ?? '';
  if (!check.h1.test(h1)) fail(`${state}: h1 is "${h1}", expected ${check.h1}`);
  const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
  for (const pattern of check.content) if (!pattern.test(text)) fail(`${state}: the page does not say ${pattern}`);
  if (check.table && (await page.getByRole('table', { name: check.table }).count()) === 0) {
    fail(`${state}: no table named ${check.table}`);
  }
};

/** Tabs to the first link inside main and follows it with Enter: the page is usable without a mouse. */
const checkKeyboardLink = async (page: Page, check: PublicPageCheck): Promise<void> => {
  const start = page.url();
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    const link = await page.evaluate(() => {
      const el = document.activeElement;
      if (!(el instanceof HTMLAnchorElement) || !el.closest('main') || el.closest('.usa-breadcrumb')) return null;
      return { href: el.href, newTab: el.target !== '' };
    });
    if (!link) continue;
    // The embed card's one link opens the full page in a new tab: reaching it is enough.
    if (link.newTab) {
      if (check.embed) return;
      continue;
    }
    const url = new URL(link.href);
    if (url.origin !== new URL(start).origin || /\/api\/|\.json$/.test(url.pathname)) continue;
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.href !== start, { timeout: TIMEOUT_MS });
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: TIMEOUT_MS });
    return;
  }
  const focused = await activeElementSummary(page);
  fail(`${check.name}: Tab never reached a link in the main content (last focus <${focused.tag}> "${focused.text}")`);
};

const checkWithJavaScript = async (browser: Browser, baseUrl: string, check: PublicPageCheck): Promise<void> => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      // A hydration mismatch means the server and the browser disagree about the page.
      if (message.type() === 'error' && /hydrat|did not match/i.test(message.text())) problems.push(message.text());
    });
    const response = await page.goto(new URL(check.path, baseUrl).href, { waitUntil: 'load' });
    if (!response?.ok()) fail(`GET ${check.path} answered ${response?.status() ?? 'nothing'}`);
    await checkContent(page, check, 'with JavaScript');
    if (check.chart) {
      // Drawn when it comes into view.
      await page.locator('.chart-figure').first().scrollIntoViewIfNeeded();
      await page.locator('.recharts-surface').first().waitFor({ timeout: TIMEOUT_MS });
    }
    await checkAxe(page, 'on the page');
    if (!check.embed) await checkSkipLink(page);
    if (problems.length > 0) fail(`errors in the page:\n  ${problems.join('\n  ')}`);
    await checkKeyboardLink(page, check);
  } finally {
    await context.close();
  }
};

const checkWithoutJavaScript = async (browser: Browser, baseUrl: string, check: PublicPageCheck): Promise<void> => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    const response = await page.goto(new URL(check.path, baseUrl).href, { waitUntil: 'load' });
    if (!response?.ok()) fail(`GET ${check.path} without JavaScript answered ${response?.status() ?? 'nothing'}`);
    await checkContent(page, check, 'without JavaScript');
  } finally {
    await context.close();
  }
};

export async function runPublicPages(baseUrl: string, checks: PublicPageCheck[]): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  const failures: string[] = [];
  try {
    for (const check of checks) {
      for (const run of [checkWithJavaScript, checkWithoutJavaScript]) {
        try {
          const started = Date.now();
          await run(browser, baseUrl, check);
          if (process.env.E2E_DEBUG) console.log(`${check.name} ${run.name}: ${Date.now() - started} ms`);
        } catch (error) {
          failures.push(`${check.name} (${check.path}): ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  } finally {
    await browser.close();
  }
  if (failures.length > 0) throw new Error(`Public pages failed ${failures.length} checks:\n${failures.join('\n')}`);
}

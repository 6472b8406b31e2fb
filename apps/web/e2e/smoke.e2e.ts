/**
 * Browser smoke test: every page shell renders, is keyboard operable from the first Tab,
 * and has no axe violations. Run by smoke.e2e-spec.ts against the API serving the built app.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const TIMEOUT_MS = 10_000;
const MOBILE: BrowserContextOptions = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

type PageCheck = {
  name: string;
  path: string;
  h1: RegExp;
  title: RegExp;
  context?: BrowserContextOptions;
  /** The HTTP status the page answers with (200 unless said). */
  status?: number;
  /** Page-specific checks, run after the shared ones and before axe. */
  extra?: (page: Page) => Promise<void>;
};

export const fail = (message: string): never => {
  throw new Error(message);
};

export const activeElementSummary = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase() ?? '', id: el?.id ?? '', text: el?.textContent?.trim() ?? '' };
  });

export const checkSkipLink = async (page: Page): Promise<void> => {
  await page.keyboard.press('Tab');
  const first = await activeElementSummary(page);
  if (first.tag !== 'a' || first.text !== 'Skip to main content') {
    fail(`first Tab stop is <${first.tag}> "${first.text}", expected the "Skip to main content" link`);
  }
  await page.keyboard.press('Enter');
  const afterSkip = await activeElementSummary(page);
  if (afterSkip.id !== 'main-content') {
    fail(`the skip link moved focus to <${afterSkip.tag} id="${afterSkip.id}">, expected <main id="main-content">`);
  }
};

const checkGovBanner = async (page: Page): Promise<void> => {
  const banner = page.getByRole('region', { name: 'Official website of the United States government' });
  await banner.getByText('An official website of the United States government').waitFor({ timeout: TIMEOUT_MS });
  const toggle = banner.getByRole('button', { name: /Here.s how you know/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'false') fail('the banner should start collapsed');
  await toggle.click();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') fail('"Here’s how you know" did not expand the banner');
  await banner.getByText('Official websites use .gov').waitFor({ state: 'visible', timeout: TIMEOUT_MS });
};

export const checkAxe = async (page: Page, state: string): Promise<void> => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  if (violations.length === 0) return;
  const lines = violations.map(
    (v) =>
      `  - ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}\n      ${v.nodes.map((n) => n.target.join(' ')).join('\n      ')}`,
  );
  fail(`${violations.length} axe violation(s) ${state}:\n${lines.join('\n')}`);
};

const checkStatus = async (page: Page): Promise<void> => {
  await page.getByRole('heading', { level: 2, name: 'System status' }).waitFor({ timeout: TIMEOUT_MS });
  const status = page.getByTestId('system-status');
  // Served by the real API on a live database, the status must say so.
  await status.filter({ hasText: /Service: up\. Database: up\./ }).waitFor({ timeout: TIMEOUT_MS });
  await checkGovBanner(page);
};

const checkNotFound = async (page: Page): Promise<void> => {
  const home = page.getByRole('main').getByRole('link', { name: /home page/i });
  if ((await home.getAttribute('href')) !== '/') fail('the 404 page has no link to the home page');
};

const checkMobileMenu = async (page: Page): Promise<void> => {
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  await menu.click();
  if ((await menu.getAttribute('aria-expanded')) !== 'true') fail('the Menu button did not report itself expanded');
  const nav = page.getByRole('navigation', { name: 'Primary navigation' });
  await nav.getByRole('link', { name: 'Staff workspace' }).waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await checkAxe(page, 'with the mobile menu open');
  await page.keyboard.press('Escape');
  await nav.getByRole('link', { name: 'Staff workspace' }).waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
  const focused = await activeElementSummary(page);
  if (focused.text !== 'Menu')
    fail(`Escape left focus on <${focused.tag}> "${focused.text}", expected the Menu button`);
};

const PAGES: PageCheck[] = [
  { name: 'home', path: '/', h1: /^Yardstick$/, title: /^Yardstick$/, extra: checkGovBanner },
  { name: 'status', path: '/status', h1: /^System status$/, title: /^System status \| Yardstick$/, extra: checkStatus },
  // Without a session the staff app sends the browser to its sign-in page.
  { name: 'staff sign-in', path: '/staff', h1: /^Sign in$/, title: /^Sign in \| Yardstick$/ },
  {
    name: 'unknown path',
    path: '/no-such-page/at-all',
    h1: /^Page not found$/,
    title: /^Page not found \| Yardstick$/,
    status: 404,
    extra: checkNotFound,
  },
  {
    name: 'home on a 375px phone',
    path: '/',
    h1: /^Yardstick$/,
    title: /^Yardstick$/,
    context: MOBILE,
    extra: checkMobileMenu,
  },
];

const checkPage = async (browser: Browser, baseUrl: string, check: PageCheck): Promise<void> => {
  const context = await browser.newContext(check.context);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    const response = await page.goto(new URL(check.path, baseUrl).href, { waitUntil: 'load' });
    if (response?.status() !== (check.status ?? 200)) {
      fail(`GET ${check.path} answered ${response?.status() ?? 'nothing'}, expected ${check.status ?? 200}`);
    }

    const h1 = page.getByRole('heading', { level: 1 });
    await h1.waitFor({ timeout: TIMEOUT_MS });
    const h1Text = (await h1.textContent())?.trim() ?? '';
    if (!check.h1.test(h1Text)) fail(`h1 is "${h1Text}", expected ${check.h1}`);

    const title = await page.title();
    if (!check.title.test(title)) fail(`document title is "${title}", expected ${check.title}`);

    await checkSkipLink(page);
    await check.extra?.(page);
    await checkAxe(page, 'on the page');

    if (pageErrors.length > 0) fail(`uncaught errors in the page:\n  ${pageErrors.join('\n  ')}`);
  } finally {
    await context.close();
  }
};

export async function runSmoke(baseUrl: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  const failures: string[] = [];
  try {
    for (const check of PAGES) {
      try {
        await checkPage(browser, baseUrl, check);
      } catch (error) {
        failures.push(`${check.name} (${check.path}): ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await browser.close();
  }
  if (failures.length > 0) {
    throw new Error(`Smoke test failed on ${failures.length} of ${PAGES.length} checks:\n${failures.join('\n')}`);
  }
}

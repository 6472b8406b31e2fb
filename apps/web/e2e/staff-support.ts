/**
 * Helpers for the staff journeys in Chromium: everything is done with the keyboard (Tab to a control,
 * then type or press Enter), and every page state the journey reaches is checked with axe.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './smoke.e2e.js';

export const TIMEOUT_MS = 15_000;
const MAX_TABS = 400;

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });

export const fail = (message: string): never => {
  throw new Error(message);
};

/** Presses Tab (or Shift+Tab) until the control has focus: a keyboard user's way to reach it. */
export const tabTo = async (page: Page, target: Locator, what: string): Promise<void> => {
  await target.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  const handle = await target.elementHandle();
  if (!handle) fail(`${what} is not on the page`);
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < MAX_TABS; i += 1) {
      if (await handle!.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press(key);
      // Reached the end of the page without meeting it: try the other way round.
      if (i > 0 && (await page.evaluate(() => document.activeElement === document.body))) break;
    }
  }
  fail(`${what} cannot be reached with Tab`);
};

/** Tab to a control and press Enter (links and buttons). */
export const activate = async (page: Page, target: Locator, what: string): Promise<void> => {
  await tabTo(page, target, what);
  await page.keyboard.press('Enter');
};

/** Tab to a text input or textarea, clear it and type. */
export const typeInto = async (page: Page, target: Locator, text: string, what: string): Promise<void> => {
  await tabTo(page, target, what);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  if (text) await page.keyboard.type(text);
};

/** Tab to a select and choose an option by typing its label (the browser's type-ahead). */
export const chooseOption = async (page: Page, target: Locator, label: string, what: string): Promise<void> => {
  await tabTo(page, target, what);
  await page.keyboard.type(label);
  const chosen = await target.evaluate((el) => {
    const select = el as HTMLSelectElement;
    return select.selectedOptions[0]?.textContent ?? '';
  });
  if (!chosen.startsWith(label)) fail(`typing "${label}" in ${what} chose "${chosen}"`);
};

/** Zero axe violations, or a failure listing them. */
export const checkAxe = async (page: Page, state: string): Promise<void> => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  if (violations.length === 0) return;
  const lines = violations.map(
    (v) =>
      `  - ${v.id} (${v.impact ?? '?'}): ${v.help}\n      ${v.nodes.map((n) => n.target.join(' ')).join('\n      ')}`,
  );
  fail(`${violations.length} axe violation(s) ${state}:\n${lines.join('\n')}`);
};

export const expectHeading = async (page: Page, name: string | RegExp, level = 1): Promise<void> => {
  await page.getByRole('heading', { level, name }).first().waitFor({ timeout: TIMEOUT_MS });
};

export const expectText = async (scope: Page | Locator, text: string | RegExp): Promise<void> => {
  await scope.getByText(text).first().waitFor({ timeout: TIMEOUT_MS });
};

/** Signs in through the page, with the keyboard, from wherever the guard sent the browser. */
export const signIn = async (page: Page, email: string, password: string): Promise<void> => {
  await expectHeading(page, 'Sign in');
  await typeInto(page, page.getByLabel('Email address'), email, 'the email field');
  await typeInto(page, page.getByLabel('Password'), password, 'the password field');
  await page.keyboard.press('Enter');
  try {
    await page.getByText('Signed in as').waitFor({ timeout: TIMEOUT_MS });
  } catch (error) {
    const main =
      (await page
        .locator('body')
        .innerText()
        .catch(() => '')) ?? '';
    throw new Error(`sign-in as ${email} did not complete; the page says: ${main.slice(0, 1500)}`, { cause: error });
  }
};

/** Follow a link of the staff navigation, by keyboard. */
export const navigate = async (page: Page, label: string, heading: string | RegExp): Promise<void> => {
  await activate(
    page,
    page.getByRole('navigation', { name: 'Staff navigation' }).getByRole('link', { name: label }),
    `the ${label} link`,
  );
  await expectHeading(page, heading);
};

/** A new page that records uncaught errors, to fail the journey on any. */
export const newPage = async (
  browser: Browser,
): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors, close: () => context.close() };
};

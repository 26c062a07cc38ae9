import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

/** Debian's Chromium, as installed by `.ci/run`; never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export const baseUrl = (): string => inject('baseUrl');

/** A fresh browser profile (cookies, storage) at desktop or phone width. */
export function newContext(
  browser: Browser,
  options: { phone?: boolean; locale?: string } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl(),
    locale: options.locale ?? 'de-DE',
    // Koop's users work in Germany, and the server's "today" is Berlin's.
    timezoneId: 'Europe/Berlin',
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
  });
}

/**
 * One browser for the test file and a fresh profile for every page it opens; the profiles
 * close after each test, the browser after the file. Call at the top of a test file.
 */
export function usePages(): (options?: Parameters<typeof newContext>[1]) => Promise<Page> {
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    contexts = [];
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async (options = {}) => {
    if (!browser) throw new Error('usePages() must be called at the top of the test file');
    const context = await newContext(browser, options);
    contexts.push(context);
    return context.newPage();
  };
}

/** Runs axe on the page and fails with the violations listed. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const violations = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(violations, `axe on ${label}`).toEqual([]);
}

export const demoPassword = 'Koop-Demo-2026';

/** Signs in through the sign-in page. */
export async function signInThroughUi(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto('/anmelden');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

/** Adds languages by their names in a language picker (a group named by the field's label). */
export async function addLanguages(
  scope: Page | Locator,
  label: string,
  names: readonly string[],
): Promise<void> {
  const group = scope.getByRole('group', { name: label, exact: true });
  for (const name of names) {
    await group.getByLabel(`${label}: hinzufügen`, { exact: true }).selectOption({ label: name });
    await group.getByRole('button', { name: 'Hinzufügen', exact: true }).click();
    await group.getByRole('listitem').filter({ hasText: name }).waitFor();
  }
}

/** The error message shown at a field (linked by aria-describedby), or null when there is none. */
export async function fieldError(field: Locator): Promise<string | null> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ');
  const errorId = ids.find((id) => id.endsWith('-error'));
  if (!errorId) return null;
  return field.page().locator(`[id="${errorId}"]`).innerText();
}

/** Counts the requests of a method to API paths matching `path` from now on. */
export function countRequests(page: Page, method: string, path: RegExp): () => number {
  let sent = 0;
  page.on('request', (request) => {
    if (request.method() === method && path.test(new URL(request.url()).pathname)) sent += 1;
  });
  return () => sent;
}

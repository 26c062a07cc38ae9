import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, signInThroughUi, usePages } from './browser.ts';

const openPage = usePages();

/** The accessible name or text of the focused element, and the section it sits in. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return {
      label: active?.getAttribute('aria-label') ?? active?.textContent?.trim() ?? '',
      name: active?.getAttribute('name') ?? '',
      section: active?.closest('section')?.id ?? '',
    };
  });

/** Presses Tab (or Shift+Tab) until the focused element matches, at most `limit` times. */
async function tabTo(
  page: Page,
  matches: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  { back = false, limit = 80 } = {},
): Promise<number> {
  let presses = 0;
  while (presses < limit && !matches(await focused(page))) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    presses += 1;
  }
  expect(matches(await focused(page))).toBe(true);
  return presses;
}

async function expectUniqueLandmarks(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withRules(['landmark-unique']).analyze();
  expect(results.violations.map((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
}

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Berlin' });

describe('a counsellor’s day', () => {
  it('R-CASE-5, R-UX-2: the Übersicht shows today’s appointment and the overdue step; the counsellor opens the case, records the contact and returns, by keyboard alone — axe clean', async () => {
    const page = await openPage();
    await signInThroughUi(page, 'berater@awo.example');
    await page.getByRole('heading', { level: 1, name: 'Übersicht', exact: true }).waitFor();

    // The day's work, each item leading to its case.
    const appointments = page.getByRole('region', { name: /^Termine heute \(\d+\)$/ });
    await appointments.getByRole('link', { name: /^Amina Haddad – Fall / }).waitFor();
    await appointments.getByText(/^\d\d:\d\d Uhr · persönlich$/).waitFor();
    const overdue = page.getByRole('region', { name: /^Überfällig \(\d+\)$/ });
    await overdue.getByText(/^Schritt „Antrag bei der Anerkennungsstelle stellen“, fällig am /).waitFor();
    const week = page.getByRole('region', { name: /^Diese Woche fällig \(\d+\)$/ });
    await week.waitFor();
    // The counts in the headings are the lengths of the lists below them.
    for (const region of [appointments, overdue]) {
      const heading = (await region.getByRole('heading', { level: 2 }).textContent()) ?? '';
      expect(Number(/\((\d+)\)$/.exec(heading)?.[1])).toBe(await region.getByRole('listitem').count());
    }
    await page.getByRole('region', { name: 'Neue Benachrichtigungen', exact: true }).waitFor();
    await expectAccessible(page, 'Übersicht with the day’s work');
    await expectUniqueLandmarks(page);

    // From the top of the page, Tab leads to the appointment; Enter opens the case.
    await page.getByRole('heading', { level: 1 }).focus();
    await tabTo(page, (f) => f.section === 'today-appointments' && f.label.startsWith('Amina Haddad'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Amina Haddad – Fall/ }).waitFor();

    // The shortcut listed on the page opens the contact form at its first field.
    await page.getByText('Tastenkürzel').waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Alt+Shift+K');
    await expect.poll(async () => (await focused(page)).name).toBe('startsAt');
    const [year, month, day] = today().split('-');
    await page.keyboard.type(`${month}${day}${year}`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('1200A');
    await tabTo(page, (f) => f.name === 'durationMinutes');
    await page.keyboard.type('30');
    await tabTo(page, (f) => f.name === 'note');
    await page.keyboard.type('Kursplatz mit Kinderbetreuung besprochen');
    await tabTo(page, (f) => f.label === 'Kontakt speichern');
    const recorded = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.keyboard.press('Enter');
    expect((await recorded).status()).toBe(201);
    await page
      .getByRole('status')
      .getByText(/^Gespeichert um \d\d:\d\d:\d\d Uhr\.$/)
      .waitFor();
    const contacts = page.getByRole('region', { name: 'Kontakte und Termine', exact: true });
    await contacts.getByRole('cell', { name: 'Kursplatz mit Kinderbetreuung besprochen' }).waitFor();
    await expectAccessible(page, 'case after recording the contact');
    await expectUniqueLandmarks(page);

    // Back to the Übersicht through the main navigation, still by keyboard.
    await tabTo(page, (f) => f.label === 'Übersicht' && f.section === '', { back: true, limit: 200 });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Übersicht', exact: true }).waitFor();
    await appointments.getByRole('link', { name: /^Amina Haddad – Fall / }).waitFor();
  });

  it('R-CASE-5, R-UX-2: the caseload marks the overdue next step, and its regions have names of their own — axe clean', async () => {
    const page = await openPage();
    await signInThroughUi(page, 'berater@awo.example');
    await page.getByRole('heading', { level: 1, name: 'Übersicht', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Meine Fälle', exact: true }).first().click();
    const open = page.getByRole('region', { name: 'Offene Fälle', exact: true });
    const row = open.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Amina Haddad' }) });
    const marked = row.getByText(/ \(überfällig\)$/);
    await marked.first().waitFor();
    // Both the review and the next step are overdue, each marked in its column.
    expect(await marked.count()).toBe(2);
    await expectAccessible(page, 'caseload');
    await expectUniqueLandmarks(page);
  });
});

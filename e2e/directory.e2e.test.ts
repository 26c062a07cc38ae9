import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, signInThroughUi, usePages } from './browser.ts';
import { findLocales, translate } from '../src/web/find/messages.ts';

/** A page in a fresh browser profile, closed after the test. */
const openPage = usePages();

/** The scripts a page requested, to prove the public page never loads the staff application. */
function recordScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

async function expectNoSideways(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('public search for counselling (R-DIR-2)', () => {
  it('R-DIR-2, R-UX-2: someone finds the offices for their postcode on a phone, in German, axe clean', async () => {
    const page = await openPage({ phone: true });
    const scripts = recordScripts(page);
    await page.goto('/finden');
    await page.getByRole('heading', { level: 1, name: 'Migrationsberatung finden' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await expectAccessible(page, 'public search (empty, German, phone)');

    await page.getByLabel('Postleitzahl oder Ort', { exact: true }).fill('12349');
    await page.getByLabel('Beratung in dieser Sprache').selectOption({ label: 'Arabisch' });
    await page.getByLabel('Ihr Alter in Jahren (freiwillig)').fill('34');
    await page.getByRole('button', { name: 'Suchen', exact: true }).click();

    const results = page.getByRole('region', { name: 'Beratungsstellen' });
    const office = results.getByRole('article', { name: 'Migrationsberatung Innenstadt' });
    await office.waitFor();
    await office.getByText('Zuständig für Ihren Wohnort').waitFor();
    await office.getByText('Sprechzeiten der nächsten 7 Tage').waitFor();
    await office.getByRole('link', { name: 'mbeon – Migrationsberatung online' }).waitFor();
    expect(
      await office.getByRole('link', { name: 'Auf der Karte zeigen (OpenStreetMap)' }).getAttribute('href'),
    ).toContain('openstreetmap.org');
    await expectNoSideways(page);
    await expectAccessible(page, 'public search results (German, phone)');

    // A wrong postcode gets a clear message at the field.
    await page.getByLabel('Postleitzahl oder Ort', { exact: true }).fill('1234');
    await page.getByRole('button', { name: 'Suchen', exact: true }).click();
    await page.getByText('Bitte eine fünfstellige Postleitzahl oder einen Ort eingeben.').waitFor();
    await expectAccessible(page, 'public search with an error');

    expect(scripts.some((s) => s.includes('/assets/main-'))).toBe(false);
  });

  it('R-DIR-2, R-UX-2: the search page links to the accessibility statement in all seven languages, and the statement opens without an account, axe clean', async () => {
    const page = await openPage({ phone: true });
    const statementLink = (locale: (typeof findLocales)[number]) =>
      page.getByRole('contentinfo').getByRole('link', { name: translate(locale, 'footerAccessibility') });
    for (const locale of findLocales) {
      await page.goto(`/finden?lang=${locale}`);
      await page.getByRole('heading', { level: 1, name: translate(locale, 'title') }).waitFor();
      const expected = locale === 'de' ? '/barrierefreiheit?lang=de' : '/barrierefreiheit?lang=en';
      expect(await statementLink(locale).getAttribute('href'), locale).toBe(expected);
    }

    // From the Farsi page (right to left) to the statement in English, signed out.
    await statementLink('fa').click();
    await page.getByRole('heading', { level: 1, name: 'Accessibility statement' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/barrierefreiheit');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('html').getAttribute('dir')).not.toBe('rtl');
    await page.getByRole('heading', { level: 2, name: 'Report a barrier' }).waitFor();
    await expectAccessible(page, 'accessibility statement from the search page (English, signed out)');

    await page.goto('/finden?lang=de');
    await statementLink('de').click();
    await page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/barrierefreiheit');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await expectAccessible(page, 'accessibility statement (German, signed out)');
  });

  it('R-DIR-2, R-UX-1: the search page in Arabic is laid out right to left, axe clean', async () => {
    const page = await openPage({ phone: true });
    await page.goto('/finden?lang=ar');
    await page.getByRole('heading', { level: 1, name: 'العثور على استشارة الهجرة' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');

    await page.getByLabel('الرمز البريدي أو المدينة').fill('12345');
    await page.getByRole('button', { name: 'بحث', exact: true }).click();
    const office = page.getByRole('article', { name: 'Migrationsberatung Innenstadt' });
    await office.waitFor();
    await office.getByText('مسؤول عن مكان سكنك').waitFor();
    await expectNoSideways(page);
    await expectAccessible(page, 'public search results (Arabic, phone)');

    // Switching to Farsi keeps right to left; Ukrainian switches back.
    await page.getByLabel('لغة هذه الصفحة').selectOption('fa');
    await page.getByRole('heading', { level: 1, name: 'یافتن مشاوره مهاجرت' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByLabel('زبان این صفحه').selectOption('uk');
    await page.getByRole('heading', { level: 1, name: 'Знайти міграційну консультацію' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
  });
});

describe('staff pages of the directory', () => {
  it('R-ORG-2: a provider edits the weekly hours; an overlap is refused with a clear message', async () => {
    const page = await openPage();
    await signInThroughUi(page, 'admin@awo.example');
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Beratungsstellen' })
      .click();
    await page.getByRole('button', { name: 'Zeiten: Migrationsberatung Innenstadt' }).click();
    const panel = page.getByRole('region', {
      name: 'Sprech- und Öffnungszeiten: Migrationsberatung Innenstadt',
    });
    await panel.getByText('Zeile 1', { exact: true }).waitFor();
    const rows = panel.locator('.schedule-group').first().locator('li.schedule-row');
    const before = await rows.count();

    await panel.getByRole('button', { name: 'Zeit hinzufügen' }).click();
    const row = rows.nth(before);
    await row.getByLabel('Dienst').selectOption('MBE');
    await row.getByLabel('Wochentag').selectOption({ label: 'Montag' });
    await row.getByLabel('Beginn').fill('10:00');
    await row.getByLabel('Ende').fill('11:00');
    await panel.getByRole('button', { name: 'Zeiten speichern' }).click();
    await panel
      .getByRole('alert')
      .getByText(/überschneidet sich mit Zeile/)
      .waitFor();

    await row.getByLabel('Wochentag').selectOption({ label: 'Freitag' });
    await panel.getByRole('button', { name: 'Zeiten speichern' }).click();
    await panel.getByText('Die Zeiten wurden gespeichert.').waitFor();
    expect(await rows.count()).toBe(before + 1);
    await expectAccessible(page, 'hours editor');
  });

  it('R-DIR-1, R-DIR-3: Jobcenter staff open the current overview and print it as a PDF', async () => {
    const page = await openPage();
    await signInThroughUi(page, 'pap@jobcenter.example');
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Verzeichnis' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Verzeichnis der Beratungsstellen' }).waitFor();
    const office = page.getByRole('region', { name: 'Migrationsberatung Innenstadt' });
    await office
      .getByRole('table')
      .getByText('in Räumen: Ausländerbehörde Musterstadt', { exact: false })
      .first()
      .waitFor();
    await expectAccessible(page, 'partner overview');

    const print = page.getByRole('link', { name: 'Als PDF drucken' });
    const href = await print.getAttribute('href');
    expect(href).toBe('/api/directory/overview.pdf');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'koop-e2e-pdf-')), 'overview.pdf');
    fs.writeFileSync(file, await response.body());
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const name of [
      'Migrationsberatung Innenstadt',
      'Jugendmigrationsdienst Nordstadt',
      'Migrationsberatung Südstadt',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toContain('in Räumen: Ausländerbehörde Musterstadt');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('R-DIR-1, R-DIR-3: Jobcenter staff see the counselling hours held in their premises this week and next, a cancelled date marked, axe clean', async () => {
    const page = await openPage();
    await signInThroughUi(page, 'pap@jobcenter.example');
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Sprechzeiten in unseren Räumen' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Sprechzeiten in unseren Räumen' }).waitFor();

    const thisWeek = page.getByRole('region', { name: /^Diese Woche: / }).first();
    const held = thisWeek.getByRole('row').filter({ hasText: 'Jugendmigrationsdienst Nordstadt' });
    await held.first().waitFor();
    expect(await held.count()).toBe(1);
    const cells = await held.getByRole('cell').allTextContents();
    expect(cells.slice(0, 4)).toEqual([
      '10:00–12:00',
      'JMD',
      'Jugendmigrationsdienst NordstadtAWO Kreisverband Musterstadt e.V.',
      'Raum 1.12 (U25-Team)',
    ]);
    expect(await held.getByRole('rowheader').textContent()).toMatch(/^Montag, /);
    expect(cells[4]).not.toContain('Entfällt');

    const nextWeek = page.getByRole('region', { name: /^Nächste Woche: / }).first();
    const cancelled = nextWeek.getByRole('row').filter({ hasText: 'Jugendmigrationsdienst Nordstadt' });
    await cancelled.getByText('Entfällt', { exact: true }).waitFor();
    await cancelled.getByText('Geschlossen – Teamfortbildung', { exact: false }).waitFor();

    const services = page.getByRole('region', { name: 'Beratungsdienste in unseren Räumen' });
    await services
      .getByRole('region', { name: 'Jugendmigrationsdienst Nordstadt' })
      .getByText('Montag 10:00–12:00 · JMD · Raum 1.12 (U25-Team)', { exact: false })
      .waitFor();
    // The hours in the ABH are not the Jobcenter's.
    expect(await page.getByText('Migrationsberatung Innenstadt').count()).toBe(0);
    await expectAccessible(page, 'counselling hours in our premises');
  });

  it('R-OFF-1, R-OFF-4: counsellors see the partners’ offers as notifications and choose their digest', async () => {
    const page = await openPage();
    await signInThroughUi(page, 'berater@awo.example');
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Benachrichtigungen' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Benachrichtigungen' }).waitFor();
    await page.getByRole('heading', { name: 'Frauenintegrationskurs mit Kinderbetreuung' }).waitFor();
    await page
      .getByRole('button', { name: 'Als gelesen markieren: Frauenintegrationskurs mit Kinderbetreuung' })
      .click();
    await page.getByText('„Frauenintegrationskurs mit Kinderbetreuung“ ist als gelesen markiert.').waitFor();
    await page.getByLabel('täglich').check();
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.getByText('Ihre Einstellung wurde gespeichert.').waitFor();
    await expectAccessible(page, 'notifications');
  });
});

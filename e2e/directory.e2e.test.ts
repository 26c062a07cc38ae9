import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, signInThroughUi, usePages, countRequests, fieldError } from './browser.ts';
import { findLocales, translate } from '../src/web/find/messages.ts';
import { pdfText } from '../test/pdf.ts';

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

  it('R-DIR-2, R-UX-1: the page language lives in the address — a reload or a shared link keeps Arabic right to left, an unknown language is German', async () => {
    const page = await openPage({ phone: true });
    const language = () => new URL(page.url()).searchParams.get('lang');
    await page.goto('/finden');
    await page.getByRole('heading', { level: 1, name: translate('de', 'title') }).waitFor();
    await expect.poll(language).toBe('de');

    await page.getByLabel(translate('de', 'pageLanguage')).selectOption('ar');
    await page.getByRole('heading', { level: 1, name: translate('ar', 'title') }).waitFor();
    await expect.poll(language).toBe('ar');
    await page.getByLabel(translate('ar', 'place')).fill('12345');
    await page.getByRole('button', { name: translate('ar', 'search'), exact: true }).click();
    await page.getByRole('article', { name: 'Migrationsberatung Innenstadt' }).waitFor();
    // The search keeps its own parameters next to the language.
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('12345');
    expect(language()).toBe('ar');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: translate('ar', 'title') }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // The shared link runs its search at once, in Arabic.
    await page.getByRole('article', { name: 'Migrationsberatung Innenstadt' }).waitFor();

    // Switching back changes the address as well; the search stays in it.
    await page.getByLabel(translate('ar', 'pageLanguage')).selectOption('en');
    await expect.poll(language).toBe('en');
    expect(new URL(page.url()).searchParams.get('q')).toBe('12345');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');

    await page.goto('/finden?lang=xx');
    await page.getByRole('heading', { level: 1, name: translate('de', 'title') }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await expect.poll(language).toBe('de');
  });

  it('R-DIR-2, R-UX-1, R-UX-2: in Arabic and Farsi German names are isolated from the right-to-left text and lists use the script’s own punctuation, axe clean', async () => {
    const page = await openPage({ phone: true });
    await page.goto('/finden?lang=ar&q=12345');
    const office = page.getByRole('article', { name: 'Migrationsberatung Innenstadt' });
    await office.waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // Office name, provider and street sit in isolating elements of their own.
    await office
      .getByRole('heading', { level: 3 })
      .locator('bdi', { hasText: 'Migrationsberatung Innenstadt' })
      .waitFor();
    await office
      .locator('bdi', { hasText: /Musterstadt/ })
      .first()
      .waitFor();

    // The languages of the office in Arabic: joined by the Arabic "و", no Latin comma.
    const arabicList = (await office.locator('dd.languages').textContent()) ?? '';
    expect(arabicList).toContain('العربية');
    expect(arabicList).toContain(' و');
    expect(arabicList).not.toContain(',');
    await expectAccessible(page, 'public search results (Arabic, phone)');

    // Farsi, the other right-to-left language: the Arabic comma "،".
    await page.getByLabel(translate('ar', 'pageLanguage')).selectOption('fa');
    await page.getByRole('heading', { level: 1, name: translate('fa', 'title') }).waitFor();
    const farsiList = (await office.locator('dd.languages').textContent()) ?? '';
    expect(farsiList).toContain('،');
    expect(farsiList).not.toContain(',');
    await office
      .getByRole('heading', { level: 3 })
      .locator('bdi', { hasText: 'Migrationsberatung Innenstadt' })
      .waitFor();
    await expectAccessible(page, 'public search results (Farsi, phone)');
  });

  it('R-DIR-4, R-DIR-1, R-DIR-2: the open exports are linked from the search page with their formats, for the current search, and answer without sign-in, axe clean', async () => {
    const page = await openPage();
    await page.goto('/finden?lang=de');
    const openData = page.getByRole('region', { name: translate('de', 'openDataHeading') });
    const pdf = openData.getByRole('link', { name: /PDF/ });
    const ical = openData.getByRole('link', { name: /iCalendar/ });
    const hsds = openData.getByRole('link', { name: /JSON, Open Referral HSDS/ });
    await pdf.waitFor();
    expect(await pdf.getAttribute('href')).toBe('/api/public/directory/overview.pdf');
    expect(await ical.getAttribute('href')).toBe('/api/public/directory/hours.ics');
    expect(await hsds.getAttribute('href')).toBe('/api/public/directory/hsds');

    await page.getByLabel('Postleitzahl oder Ort', { exact: true }).fill('12345');
    await page.getByLabel('Beratung in dieser Sprache').selectOption({ label: 'Arabisch' });
    await page.getByRole('button', { name: 'Suchen', exact: true }).click();
    const office = page.getByRole('article', { name: 'Migrationsberatung Innenstadt' });
    await office.waitFor();
    await openData.getByRole('link', { name: translate('de', 'openDataPdfSearch') + ' (PDF)' }).waitFor();
    const searchPdf = await pdf.getAttribute('href');
    expect(searchPdf).toBe('/api/public/directory/overview.pdf?q=12345&language=ar');
    const officeCalendar = await office
      .getByRole('link', { name: `${translate('de', 'officeCalendar')} (iCalendar)` })
      .getAttribute('href');
    expect(officeCalendar).toMatch(/^\/api\/public\/directory\/hours\.ics\?office=[0-9a-f-]{36}$/);
    await expectAccessible(page, 'public search with the open data block');

    // This browser profile never signed in: every export answers all the same.
    expect((await page.context().cookies()).length).toBe(0);
    const response = await page.request.get(searchPdf!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const text = await pdfText(await response.body());
    expect(text).toContain('Migrationsberatung Innenstadt');
    expect(text).toContain('Suche: 12345, Sprache Arabisch');
    const calendar = await page.request.get(officeCalendar!);
    expect(calendar.status()).toBe(200);
    expect(await calendar.text()).toContain('BEGIN:VCALENDAR');
    const directory = await page.request.get((await hsds.getAttribute('href'))!);
    expect(directory.status()).toBe(200);
    expect(((await directory.json()) as { hsds_version: string }).hsds_version).toBe('3.0');
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

  it('R-SEC-4, R-ORG-2: the office form checks with the server’s own rules: a four-digit postcode and a wrong e-mail address at their fields on the first submit, nothing sent; a saved change updates its row without reading the list again', async () => {
    const page = await openPage();
    await signInThroughUi(page, 'admin@awo.example');
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Beratungsstellen' })
      .click();
    await page.getByRole('table').waitFor();
    const sent = countRequests(page, 'PATCH', /^\/api\/offices\/[^/]+$/);
    const listed = countRequests(page, 'GET', /^\/api\/organisations\/[^/]+\/offices$/);
    await page
      .getByRole('button', { name: 'Bearbeiten: Migrationsberatung Innenstadt', exact: true })
      .click();
    const form = page.getByRole('region', {
      name: 'Beratungsstelle bearbeiten: Migrationsberatung Innenstadt',
      exact: true,
    });
    const postcode = form.getByLabel('Postleitzahl', { exact: true });
    const email = form.getByLabel('E-Mail-Adresse', { exact: true }).first();
    await postcode.fill('1234');
    await email.fill('beratung.awo');
    await form.getByRole('button', { name: 'Speichern', exact: true }).click();

    await form.getByText('Bitte eine fünfstellige Postleitzahl angeben.', { exact: true }).waitFor();
    expect(await fieldError(postcode)).toBe('Bitte eine fünfstellige Postleitzahl angeben.');
    expect(await fieldError(email)).toBe('Bitte eine gültige E-Mail-Adresse angeben.');
    expect(await postcode.getAttribute('aria-invalid')).toBe('true');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'office form with problems');
    expect(sent()).toBe(0);

    // Corrected, the form sends once and the row shows the answer.
    await postcode.fill('10117');
    await email.fill('innenstadt@awo.example');
    await form.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.getByText('innenstadt@awo.example', { exact: true }).waitFor();
    expect(sent()).toBe(1);
    expect(listed()).toBe(0);
  });

  it('R-SEC-4, R-OFF-1: a course provider’s new course is checked with the server’s own rules — category, a short title and free places at their fields, then an end before the start, nothing sent', async () => {
    const page = await openPage();
    await signInThroughUi(page, 'kurse@vhs.example');
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    await page.getByRole('link', { name: 'Angebote', exact: true }).first().click();
    await page.getByRole('button', { name: 'Kurs veröffentlichen', exact: true }).click();
    const sent = countRequests(page, 'POST', /\/api\/organisations\/[^/]+\/offers$/);
    const form = page.getByRole('region', { name: 'Kurs veröffentlichen', exact: true });
    await form.getByLabel('Titel', { exact: true }).fill('B1');
    await form.getByLabel('Freie Plätze', { exact: true }).fill('viele');
    await form.getByLabel('Beginn', { exact: true }).fill('2027-03-01');
    await form.getByLabel('Ende', { exact: true }).fill('2027-02-01');
    await form.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();

    const title = form.getByLabel('Titel', { exact: true });
    await expect.poll(() => fieldError(title)).toBe('Bitte mindestens 3 Zeichen eingeben.');
    expect(await fieldError(form.getByLabel('Kategorie', { exact: true }))).toBe('Bitte ausfüllen.');
    expect(await fieldError(form.getByLabel('Freie Plätze', { exact: true }))).toBe(
      'Bitte eine Zahl angeben.',
    );
    await expectAccessible(page, 'new course with problems');
    // Once the fields are right, the schema's rule across them speaks: the end lies before the start.
    await title.fill('Integrationskurs B1 am Abend');
    await form.getByLabel('Kategorie', { exact: true }).selectOption({ index: 1 });
    await form.getByLabel('Freie Plätze', { exact: true }).fill('4');
    await form.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
    await expect
      .poll(() => fieldError(form.getByLabel('Ende', { exact: true })))
      .toBe('Das Ende muss nach dem Beginn liegen.');
    expect(sent()).toBe(0);
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
    const text = await pdfText(await response.body());
    for (const name of [
      'Migrationsberatung Innenstadt',
      'Jugendmigrationsdienst Nordstadt',
      'Migrationsberatung Südstadt',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toContain('in Räumen: Ausländerbehörde Musterstadt');
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

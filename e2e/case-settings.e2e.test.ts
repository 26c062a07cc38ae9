import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, signInThroughUi, usePages } from './browser.ts';

const openPage = usePages();

const heading = (page: Page, name: string): Locator =>
  page.getByRole('heading', { level: 1, name, exact: true });

const mainNavigation = (page: Page): Locator =>
  page.getByRole('navigation', { name: 'Hauptnavigation', exact: true });

async function signIn(page: Page, email: string): Promise<void> {
  await signInThroughUi(page, email);
  await heading(page, 'Übersicht').waitFor();
}

async function openFromNavigation(page: Page, item: string): Promise<void> {
  await mainNavigation(page).getByRole('link', { name: item, exact: true }).click();
  await heading(page, item).waitFor();
}

/** The administrator of the AWO demo organisation on the settings page. */
async function settingsPage(): Promise<Page> {
  const page = await openPage();
  await signIn(page, 'admin@awo.example');
  await openFromNavigation(page, 'Falldaten-Einstellungen');
  return page;
}

const retention = (page: Page) => page.getByRole('region', { name: 'Aufbewahrungsfrist', exact: true });
const yearsField = (page: Page) =>
  retention(page).getByLabel('Aufbewahrungsfrist in Jahren nach Fallabschluss', { exact: true });

async function saveRetention(page: Page, years: string): Promise<void> {
  await yearsField(page).fill(years);
  await retention(page).getByRole('button', { name: 'Aufbewahrungsfrist speichern', exact: true }).click();
}

describe('case data settings and deletion records of a provider’s administration', () => {
  it('R-CASE-5: an administrator adds a topic, renames and deactivates it, and sees the list saved — axe clean', async () => {
    const page = await settingsPage();
    const topics = page.getByRole('region', { name: 'Themen', exact: true });
    await topics.getByRole('rowheader', { name: 'Anerkennung von Abschlüssen', exact: true }).waitFor();
    await page.getByText('Standardliste von Koop').first().waitFor();
    await expectAccessible(page, 'case settings');

    await topics.getByRole('button', { name: 'Liste bearbeiten: Themen', exact: true }).click();
    await topics.getByRole('button', { name: 'Eintrag hinzufügen', exact: true }).click();
    const added = topics.getByRole('group', { name: /\(neu\)$/ });
    const german = added.getByLabel('Bezeichnung (Deutsch)', { exact: true });
    expect(await german.evaluate((element) => element === document.activeElement)).toBe(true);
    await german.fill('Digitale Teilhabe');

    // The English label is missing: the server's German message appears at that field.
    const save = topics.getByRole('button', { name: '„Themen“ speichern', exact: true });
    await save.click();
    const english = added.getByLabel('Bezeichnung (Englisch)', { exact: true });
    await added.getByText('Bitte eine englische Bezeichnung angeben.', { exact: true }).waitFor();
    expect(await english.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'case settings: list editor with a field error');

    await english.fill('Digital participation');
    await save.click();
    await topics.getByText('Die Liste „Themen“ wurde gespeichert.', { exact: true }).waitFor();
    const row = topics.getByRole('row', { name: /^Digitale Teilhabe Digital participation/ });
    await row.getByText('digitale_teilhabe', { exact: true }).waitFor();
    await topics.getByText('Von Ihrer Organisation angepasst', { exact: true }).waitFor();

    // Saved on the server: after a reload the entry is there; rename and deactivate it.
    await page.reload();
    await heading(page, 'Falldaten-Einstellungen').waitFor();
    await topics.getByRole('button', { name: 'Liste bearbeiten: Themen', exact: true }).click();
    const entry = topics.getByRole('group', { name: /\(Code digitale_teilhabe\)$/ });
    await entry
      .getByLabel('Bezeichnung (Deutsch)', { exact: true })
      .fill('Digitale Teilhabe und Online-Dienste');
    await entry.getByLabel('Aktiv – kann neu gewählt werden', { exact: true }).uncheck();
    await save.click();
    await topics.getByText('Die Liste „Themen“ wurde gespeichert.', { exact: true }).waitFor();
    const renamed = topics.getByRole('row', { name: /^Digitale Teilhabe und Online-Dienste / });
    await renamed.getByText('deaktiviert', { exact: true }).waitFor();
    await page.reload();
    await renamed.getByText('deaktiviert', { exact: true }).waitFor();
  });

  it('R-CON-5, R-SEC-4: an administrator sets the retention period, is told in German when it is invalid (checked with the server’s own schema, nothing sent), and sees it saved; a stale page reloads after a conflict', async () => {
    const page = await settingsPage();
    let sent = 0;
    page.on('request', (request) => {
      if (request.method() === 'PUT' && new URL(request.url()).pathname === '/api/case-settings') sent += 1;
    });
    await retention(page)
      .getByText(
        'Abgeschlossene Fälle werden nach Ablauf dieser Frist automatisch gelöscht oder anonymisiert, sofern keine Aufbewahrungssperre gesetzt ist; anonyme Statistikdaten bleiben erhalten.',
        { exact: true },
      )
      .waitFor();
    expect(await yearsField(page).inputValue()).toBe('3');

    await saveRetention(page, '0');
    await retention(page)
      .getByText(
        'Die Aufbewahrungsfrist bitte als ganze Zahl von Jahren angeben, mindestens 1 und höchstens 30.',
        { exact: true },
      )
      .waitFor();
    expect(await yearsField(page).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'case settings: invalid retention period');
    expect(sent).toBe(0);

    // A second tab of the same person saves first; the first tab's save is a conflict.
    const stale = await page.context().newPage();
    await stale.goto('/falldaten-einstellungen');
    await heading(stale, 'Falldaten-Einstellungen').waitFor();
    await saveRetention(page, '5');
    await retention(page).getByText('Die Aufbewahrungsfrist wurde gespeichert.', { exact: true }).waitFor();
    await retention(page).getByText('Zurzeit gilt: 5 Jahre nach Fallabschluss.', { exact: true }).waitFor();
    await page.reload();
    await expect.poll(() => yearsField(page).inputValue()).toBe('5');

    await saveRetention(stale, '4');
    await retention(stale)
      .getByText('Der Datensatz wurde inzwischen geändert – bitte neu laden.', { exact: true })
      .waitFor();
    await retention(stale).getByRole('button', { name: 'Neu laden', exact: true }).click();
    await expect.poll(() => yearsField(stale).inputValue()).toBe('5');

    // Back to the default of three years, from the reloaded tab.
    await saveRetention(stale, '3');
    await retention(stale).getByText('Zurzeit gilt: 3 Jahre nach Fallabschluss.', { exact: true }).waitFor();
  });

  it('R-CON-5: the Löschprotokoll lists earlier erasures — when, what kind, which rule — axe clean', async () => {
    const page = await openPage();
    await signIn(page, 'admin@awo.example');
    await openFromNavigation(page, 'Löschprotokoll');
    const table = page.getByRole('table', { name: '3 gelöschte Fälle', exact: true });
    await table.waitFor();
    expect(await table.getByRole('rowheader').count()).toBe(3);
    expect(await table.getByText('Aufbewahrungsfrist nach Fallabschluss').count()).toBe(3);
    // Requirement ids are for the people who build Koop, not for its users.
    expect(await page.getByText(/R-[A-Z]+-\d/).count()).toBe(0);
    await table.getByText('MBE · Case Management', { exact: true }).waitFor();
    await table.getByText('JMD · Kurzberatung', { exact: true }).waitFor();
    await page.getByText('Die Einträge enthalten keine personenbezogenen Daten.', { exact: false }).waitFor();
    await expectAccessible(page, 'deletion records');
  });

  it('R-CON-5, R-CASE-5: a counsellor sees neither entry, and their addresses answer "not found"', async () => {
    const page = await openPage();
    await signIn(page, 'berater@awo.example');
    const items = await mainNavigation(page).getByRole('link').allTextContents();
    expect(items).toContain('Meine Fälle');
    expect(items).not.toContain('Falldaten-Einstellungen');
    expect(items).not.toContain('Löschprotokoll');
    for (const path of ['/falldaten-einstellungen', '/loeschprotokoll']) {
      await page.goto(path);
      await heading(page, 'Seite nicht gefunden').waitFor();
    }
  });
});

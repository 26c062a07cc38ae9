import { describe, expect, it } from 'vitest';
import { expectAccessible, signInThroughUi, usePages } from './browser.ts';

const openPage = usePages();

describe('cooperation agreements', () => {
  it(
    'R-AGR-1, R-AGR-2, R-AGR-6: a manager sees the overdue action of a meeting and starts a Jobcenter agreement from its checklist — axe clean',
    { timeout: 120_000 },
    async () => {
      const page = await openPage();
      await signInThroughUi(page, 'leitung@awo.example');
      await page.getByRole('heading', { level: 1, name: 'Übersicht', exact: true }).waitFor();
      await page.getByRole('heading', { name: 'Überfällige Aufgaben aus Kooperationstreffen' }).waitFor();

      await page.getByRole('link', { name: 'Kooperationen', exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Kooperationen' }).waitFor();
      await expect
        .poll(() =>
          page.getByRole('link', { name: 'Kooperationsvereinbarung Clearingstelle Musterstadt' }).count(),
        )
        .toBeGreaterThan(0);
      await expectAccessible(page, 'agreements list');

      const form = page.getByRole('form', { name: 'Neue Kooperation beginnen' });
      await form.getByRole('radio', { name: 'Jobcenter (Leitlinien als Checkliste)' }).check();
      const partner = form.getByLabel('Partner');
      const jobcenter = await partner
        .locator('option')
        .evaluateAll((options) =>
          options
            .map((o) => (o as HTMLOptionElement).value)
            .filter((_, i) => options[i]?.textContent?.includes('Jobcenter')),
        );
      expect(jobcenter.length).toBeGreaterThan(0);
      await partner.selectOption(jobcenter[0] ?? '');
      await form.getByLabel('Titel').fill('Vereinbarung mit dem Jobcenter Nord');
      await form.getByRole('button', { name: 'Kooperation beginnen' }).click();

      await page.getByRole('heading', { level: 1, name: 'Vereinbarung mit dem Jobcenter Nord' }).waitFor();
      await page.getByRole('heading', { name: 'Regelungen' }).waitFor();
      // Every item of the Jobcenter guidelines is a clause to tick.
      await expect
        .poll(() => page.getByRole('checkbox', { name: /^Gehört zur Vereinbarung: / }).count())
        .toBeGreaterThan(3);
      await expectAccessible(page, 'agreement detail');
    },
  );

  it(
    'R-AGR-3, R-ORG-3: the ABH’s staff read the clearing-office agreement of their authority and comment on it — axe clean',
    { timeout: 120_000 },
    async () => {
      const page = await openPage();
      await signInThroughUi(page, 'sachbearbeitung@abh.example');
      await page.getByRole('heading', { level: 1, name: 'Übersicht', exact: true }).waitFor();
      await page.getByRole('link', { name: 'Kooperationen', exact: true }).first().click();
      await page
        .getByRole('link', { name: 'Kooperationsvereinbarung Clearingstelle Musterstadt' })
        .first()
        .click();
      await page
        .getByRole('heading', { level: 1, name: 'Kooperationsvereinbarung Clearingstelle Musterstadt' })
        .waitFor();

      const comment = 'Die Räume im Erdgeschoss stehen ab März zur Verfügung.';
      const form = page.getByRole('form', { name: 'Kommentar' });
      await form.getByRole('textbox', { name: /^Kommentar/ }).fill(comment);
      await form.getByRole('button', { name: 'Kommentar senden' }).click();
      await page.getByText(comment).first().waitFor();
      await expectAccessible(page, 'agreement as the partner sees it');
    },
  );
});

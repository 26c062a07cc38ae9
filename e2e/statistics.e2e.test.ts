import { describe, expect, it } from 'vitest';
import { expectAccessible, signInThroughUi, usePages } from './browser.ts';

const openPage = usePages();

describe('counselling statistics and the evaluation of a cooperation', () => {
  it(
    'R-STAT-2, R-STAT-3, R-STAT-5: a manager reads the counselling figures with small counts hidden, then the evaluation with the Jobcenter — axe clean',
    { timeout: 120_000 },
    async () => {
      const page = await openPage();
      await signInThroughUi(page, 'leitung@awo.example');
      await page.getByRole('heading', { level: 1, name: 'Übersicht', exact: true }).waitFor();
      await page.getByRole('link', { name: 'Statistik', exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Statistik' }).waitFor();
      await page.getByRole('heading', { name: 'Überblick' }).waitFor();
      // Small counts show as hidden, never as a number.
      await expect.poll(() => page.locator('.suppressed').count()).toBeGreaterThan(0);
      await expect.poll(() => page.getByRole('link', { name: 'CSV' }).count()).toBeGreaterThan(0);
      await expectAccessible(page, 'counselling statistics');

      const partner = page.getByLabel('Partnerorganisation');
      const jobcenter = await partner
        .locator('option')
        .evaluateAll((options) =>
          options
            .filter((o) => o.textContent?.includes('Jobcenter Musterstadt'))
            .map((o) => (o as HTMLOptionElement).value),
        );
      expect(jobcenter.length).toBe(1);
      await partner.selectOption(jobcenter[0] ?? '');
      await page.getByRole('button', { name: 'Auswertung öffnen' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Auswertung der Kooperation mit Jobcenter Musterstadt' })
        .waitFor();
      await expectAccessible(page, 'evaluation of a cooperation');
    },
  );
});

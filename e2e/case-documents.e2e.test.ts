import { describe, expect, it } from 'vitest';
import { expectAccessible, signInThroughUi, usePages } from './browser.ts';

const openPage = usePages();

describe('client documents in the client’s language', () => {
  it('R-UX-1, R-CON-5: the case page offers the documents in German and the client’s language, chosen by name', async () => {
    const page = await openPage();
    await signInThroughUi(page, 'berater@awo.example');
    await page.getByRole('link', { name: 'Meine Fälle' }).first().click();
    await page
      .getByRole('region', { name: 'Offene Fälle' })
      .getByRole('link', { name: /Amina Haddad/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /Amina Haddad – Fall/ }).waitFor();

    const select = page.getByLabel('Sprache der Dokumente');
    // Preselected from the client's languages (Arabic, German), shown by name.
    expect(await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe(
      'Deutsch und Arabisch (العربية)',
    );
    const art15 = page.getByRole('link', { name: 'Auskunft Art. 15 (PDF)' });
    expect(await art15.getAttribute('href')).toMatch(/\/export\.pdf\?language=ar$/);
    await expectAccessible(page, 'case page with document language');

    await select.selectOption({ label: 'Deutsch und Ukrainisch (українська)' });
    const href = await art15.getAttribute('href');
    expect(href).toMatch(/\/export\.pdf\?language=uk$/);
    expect(await page.getByRole('link', { name: 'Fallzusammenfassung (PDF)' }).getAttribute('href')).toMatch(
      /\/summary\.pdf\?language=uk$/,
    );
    const response = await page.request.get(new URL(href!, page.url()).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
  });
});

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, signInThroughUi, usePages } from './browser.ts';

const openPage = usePages();

/** The contacts of the current half-year, as the clearing office's report counts them. */
async function contactsInReport(page: Page): Promise<number> {
  const now = new Date();
  const half = now.getMonth() < 6 ? 1 : 2;
  const response = await page.request.get(`/api/clearing/report?year=${now.getFullYear()}&half=${half}`);
  expect(response.status()).toBe(200);
  const report = (await response.json()) as { total: { value: number | null } };
  return report.total.value ?? 0;
}

describe('the clearing office', () => {
  it(
    'R-CLR-1, R-CLR-4, R-UX-2, R-STAT-1: five contacts by keyboard alone in a few keystrokes each, one while offline that arrives once; the half-year report — axe clean',
    { timeout: 120_000 },
    async () => {
      const page = await openPage();
      await signInThroughUi(page, 'clearing@awo.example');
      await page.getByRole('heading', { level: 1, name: 'Übersicht', exact: true }).waitFor();
      await page.getByRole('link', { name: 'Clearingstelle', exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Clearingstelle' }).waitFor();
      await expectAccessible(page, 'clearing office contact form');
      const before = await contactsInReport(page);

      let keystrokes = 0;
      const press = async (...keys: string[]) => {
        for (const key of keys) {
          await page.keyboard.press(key);
          keystrokes += 1;
        }
      };
      const saved = () =>
        page.waitForResponse(
          (r) =>
            r.request().method() === 'POST' &&
            r.url().endsWith('/api/clearing/contacts') &&
            r.status() === 201,
        );
      const form = page.getByRole('form', { name: 'Kontakt erfassen' });
      // Staff on duty start in the first group of the form ("Zugang").
      await form.getByRole('radio', { name: 'über die Ausländerbehörde' }).focus();

      const timings: number[] = [];
      const contact = async (keys: string[]) => {
        const started = Date.now();
        const answer = saved();
        await press(...keys);
        await answer;
        timings.push(Date.now() - started);
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')))
          .toBe('wayIn');
      };

      // 1: the defaults as they stand — through the ABH, 27–44 …: Enter saves.
      await contact(['Enter']);
      // 2: recommended by another institution (arrow), 45–64 (Tab, arrow), then save.
      await contact(['ArrowRight', 'Tab', 'ArrowRight', 'Enter']);
      // The last choices stay for the next contact.
      await expect
        .poll(() =>
          form.getByRole('radio', { name: 'auf Empfehlung anderer Institutionen oder Personen' }).isChecked(),
        )
        .toBe(true);
      // 3: back to the ABH; gender female (Tab ×2, arrow wraps from "keine Angabe" to "weiblich").
      await contact(['ArrowLeft', 'Tab', 'Tab', 'ArrowRight', 'Enter']);
      // 4: the welcome package handed over: six groups on (Tab ×6), "ja", save.
      await contact(['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'ArrowLeft', 'Enter']);
      expect(await form.getByRole('radio', { name: 'ja' }).isChecked()).toBe(true);

      // 5: 65 and over (Tab, arrow); the connection drops; the contact waits in the browser and is sent once when it returns.
      await page.context().setOffline(true);
      await press('Tab', 'ArrowRight', 'Enter');
      await page.getByText('Keine Verbindung: Der Kontakt wartet in diesem Browser').waitFor();
      await page.getByText('1 Kontakt wartet auf die Verbindung.').waitFor();
      const arrived = saved();
      await page.context().setOffline(false);
      await arrived;
      await page.getByText('1 wartender Kontakt wurde gesendet.').waitFor();
      await page.getByText('In dieser Sitzung 5 Kontakte gespeichert.').waitFor();

      expect(await contactsInReport(page)).toBe(before + 5);
      // Five contacts in 21 keystrokes: about four a contact, each well under 10 s.
      expect(keystrokes).toBeLessThanOrEqual(21);
      expect(Math.max(...timings)).toBeLessThan(10_000);
      await expectAccessible(page, 'clearing office after five contacts');

      // The half-year report: charts with their tables.
      await page
        .getByRole('link', { name: 'Halbjahresbericht der Clearingstelle', exact: true })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: 'Halbjahresbericht der Clearingstelle' }).waitFor();
      const months = page.getByRole('table', { name: 'Kontakte nach Monat' });
      await months.waitFor();
      expect(await months.getByRole('row').count()).toBe(7);
      await page
        .getByRole('table', { name: 'Zugang' })
        .getByRole('rowheader', { name: 'über die Ausländerbehörde' })
        .waitFor();
      await page.getByRole('img', { name: /Balkendiagramm: Sprache/ }).waitFor();
      await page.getByRole('link', { name: 'Als PDF' }).waitFor();
      await expectAccessible(page, 'half-year report');
    },
  );
});

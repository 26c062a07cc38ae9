import { describe, expect, it } from 'vitest';
import { pdfText } from '../test/pdf.ts';
import { expectAccessible, signInThroughUi, usePages } from './browser.ts';

const openPage = usePages();

describe('a partner without Koop access', () => {
  it(
    'R-REF-5, R-RED-4: the counsellor prints a letter with a code, the course office opens it without an account on a phone, answers once, and the answer lands in the case — axe clean',
    { timeout: 120_000 },
    async () => {
      const subject = `Anmeldung zum Kurs ${Date.now()}`;
      const page = await openPage();
      await signInThroughUi(page, 'berater@awo.example');
      await page.getByRole('heading', { level: 1, name: 'Übersicht', exact: true }).waitFor();
      await page.getByRole('link', { name: 'Meine Fälle', exact: true }).first().click();
      await page
        .getByRole('region', { name: 'Offene Fälle' })
        .getByRole('link', { name: /Amina Haddad/ })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: /Amina Haddad – Fall/ }).waitFor();
      const section = page.getByRole('region', { name: 'Einwilligungen und Austausch', exact: true });

      // A disclosure under the consent to the course office of Lingua, which is not on Koop.
      await section.getByRole('button', { name: 'Mitteilung senden', exact: true }).click();
      const composer = section.getByRole('form', { name: 'Mitteilung an einen Partner' });
      const consent = composer.getByLabel('Einwilligung', { exact: true });
      const option = await consent
        .locator('option', { hasText: 'Bildungswerk Lingua Musterstadt, Kursbüro Lingua' })
        .first()
        .textContent();
      await consent.selectOption({ label: option!.trim() });
      await composer
        .getByLabel('Art der Mitteilung')
        .selectOption({ label: 'Ergebnis der Kompetenzanalyse und Bedarfe' });
      await composer.getByLabel('Betreff').fill(subject);
      await composer
        .getByRole('group', { name: 'Inhalt' })
        .getByLabel('Sprachstand und Kurse')
        .fill('Deutsch A2; sucht einen Integrationskurs mit Kinderbetreuung am Vormittag.');
      const sent = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/disclosures'),
      );
      await composer.getByRole('button', { name: 'Mitteilung senden' }).click();
      expect((await sent).status()).toBe(201);
      const thread = section
        .getByRole('article')
        .filter({ has: page.getByRole('heading', { name: subject }) });
      await thread.waitFor();

      // Deliver it: this installation sends no mail, so the form says so at its field; a letter works.
      await thread.getByText('An eine Stelle ohne Koop-Zugang übermitteln').click();
      const delivery = thread.getByRole('form', { name: 'An eine Stelle ohne Koop-Zugang übermitteln' });
      expect(await delivery.getByLabel('E-Mail-Adresse der Stelle').inputValue()).toBe(
        'kursbuero@lingua.example',
      );
      await thread.getByText('Noch kein Link und kein Brief.').waitFor();
      await expectAccessible(page, 'delivery to a partner without Koop access');
      await delivery.getByRole('button', { name: 'Sicheren Link senden' }).click();
      await delivery
        .getByText('Diese Installation versendet keine E-Mails. Bitte drucken Sie einen Brief mit Code.')
        .waitFor();

      // The letter as the server sent it: the code is on it and nowhere else.
      let bytes: Buffer = Buffer.alloc(0);
      await page.route('**/letter.pdf', async (route) => {
        const response = await route.fetch();
        expect(response.status()).toBe(200);
        expect(response.headers()['content-type']).toBe('application/pdf');
        bytes = await response.body();
        await route.fulfill({ response });
      });
      const popup = page.context().waitForEvent('page');
      await delivery.getByRole('button', { name: 'Brief mit Code drucken' }).click();
      await (await popup).close();
      await thread.getByText('Der Brief wurde erstellt und geöffnet.', { exact: false }).waitFor();
      expect(bytes.length).toBeGreaterThan(1000);
      const text = await pdfText(bytes);
      expect(text).toContain('Es geht um: Amina Haddad');
      expect(text).not.toContain('Kinderbetreuung am Vormittag');
      const number = /Nummer (\d{6,9})/.exec(text)?.[1];
      const code = /Code ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(text)?.[1];
      expect(number && code, text).toBeTruthy();
      const row = thread
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: `Brief Nr. ${number}` }) });
      await row.getByRole('cell', { name: 'noch nicht geöffnet' }).waitFor();

      // The course office on a phone, without an account: a wrong code first, then the right one.
      const office = await openPage({ phone: true });
      await office.goto('/antwort');
      await office.getByRole('heading', { level: 1, name: 'Nachricht der Migrationsberatung' }).waitFor();
      const open = office.getByRole('form', { name: 'Brief mit Code öffnen' });
      await expectAccessible(office, 'answer page, letter form');
      expect(await office.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
      await open.getByLabel('Nummer').fill(number!);
      await open.getByLabel('Code', { exact: true }).fill('AAAAA-AAAAA');
      await open.getByLabel('Geburtsjahr der Person').fill('1988');
      await open.getByRole('button', { name: 'Öffnen' }).click();
      await office.getByText('Nummer, Code oder Geburtsjahr stimmen nicht.', { exact: false }).waitFor();
      await open.getByLabel('Code', { exact: true }).fill(code!.toLowerCase());
      await open.getByRole('button', { name: 'Öffnen' }).click();
      await office.getByRole('heading', { level: 1, name: /an Kursbüro Lingua/ }).waitFor();
      await office
        .getByText('Deutsch A2; sucht einen Integrationskurs mit Kinderbetreuung am Vormittag.')
        .waitFor();
      await office.getByText(/^Die Migrationsberatung ist eigenständig und unabhängig\./).waitFor();
      await expectAccessible(office, 'answer page with the message');

      const answer = office.getByRole('form', { name: 'Antworten' });
      await answer.getByLabel('Ihr Name').fill('Petra Lehmann');
      // The consent covers name and contact data and language courses — nothing else can be typed.
      expect(await answer.getByRole('group', { name: 'Inhalt' }).getByRole('textbox').count()).toBe(2);
      await answer
        .getByRole('group', { name: 'Inhalt' })
        .getByLabel('Sprachstand und Kurse')
        .fill('Platz im Kurs ab 4. Januar, Kinderbetreuung vormittags ist frei.');
      await answer.getByRole('button', { name: 'Antwort senden' }).click();
      await office
        .getByText('Danke. Ihre Antwort ist bei der Beratungsstelle angekommen.', { exact: false })
        .waitFor();
      await expectAccessible(office, 'answer page after the answer');

      // The answer is in the case's thread, and the letter is answered.
      await page.reload();
      const again = page
        .getByRole('region', { name: 'Einwilligungen und Austausch', exact: true })
        .getByRole('article')
        .filter({ has: page.getByRole('heading', { name: subject }) });
      await again.getByText('Platz im Kurs ab 4. Januar, Kinderbetreuung vormittags ist frei.').waitFor();
      await again
        .getByText(/Petra Lehmann/)
        .first()
        .waitFor();
      await again.getByText('An eine Stelle ohne Koop-Zugang übermitteln').click();
      await again
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: `Brief Nr. ${number}` }) })
        .getByRole('cell', { name: 'beantwortet' })
        .waitFor();
      await expectAccessible(page, 'case page with the answer through the letter');
    },
  );
});

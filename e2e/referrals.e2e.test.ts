import { describe, expect, it } from 'vitest';
import { expectAccessible, signInThroughUi, usePages } from './browser.ts';

const openPage = usePages();

describe('referrals from a Jobcenter to counselling', () => {
  it(
    'R-REF-1, R-REF-3, R-REF-4, R-RED-2: Jobcenter prints a slip, sends a named referral; the office accepts it into a case; the Jobcenter reads "angenommen" — axe clean',
    { timeout: 120_000 },
    async () => {
      const familyName = `Saleh-${Date.now().toString(36)}`;
      const jobcenter = await openPage();
      await signInThroughUi(jobcenter, 'pap@jobcenter.example');
      await jobcenter.getByRole('heading', { level: 1, name: 'Übersicht', exact: true }).waitFor();
      await jobcenter.getByRole('link', { name: 'An Beratung verweisen', exact: true }).first().click();
      await jobcenter.getByRole('heading', { level: 1, name: 'An Beratung verweisen' }).waitFor();

      // What the person says: place, language, age, topic — nothing that names them.
      const ask = jobcenter.getByRole('form', { name: 'Was sagt die Person?' });
      await ask.getByLabel('Postleitzahl oder Ort').fill('12345');
      await ask.getByLabel('Sprache der Person').selectOption({ label: 'Arabisch' });
      await ask.getByLabel('Alter').fill('40');
      await ask.getByLabel('Anliegen').selectOption({ label: 'Arbeit und Ausbildung' });
      await ask.getByRole('button', { name: 'Beratungsstellen finden' }).click();
      const offices = jobcenter.getByRole('region', { name: 'Passende Beratungsstellen' });
      const innenstadt = offices.getByRole('listitem').filter({ hasText: 'Migrationsberatung Innenstadt' });
      await innenstadt.waitFor();
      await expectAccessible(jobcenter, 'referral search with suitable offices');

      const slip = jobcenter.waitForResponse((r) => r.url().endsWith('/api/referrals/slip.pdf'));
      await offices.getByRole('button', { name: 'Hinweiszettel drucken' }).click();
      const printed = await slip;
      expect(printed.status()).toBe(200);
      expect(printed.headers()['content-type']).toBe('application/pdf');
      await offices.getByText('Gespeichert wurde nur eine anonyme Zahl.').waitFor();

      // The named referral: only with the signed consent.
      await innenstadt.getByRole('button', { name: 'Namentlich verweisen' }).click();
      const named = jobcenter.getByRole('form', { name: /Nur mit schriftlicher Einwilligung/ });
      await named.getByLabel('Vorname').fill('Karim');
      await named.getByLabel('Nachname').fill(familyName);
      await named.getByLabel('Telefon').fill('0176 5550999');
      await named.getByLabel('Vorher anrufen: Die Beratungsstelle ruft die Person zuerst an').check();
      await named.getByLabel('Ja – nur „angenommen“ oder „nicht angenommen“').check();
      expect(await named.getByLabel('Sprache des Einwilligungsformulars').inputValue()).toBe('ar');
      const form = jobcenter.waitForResponse((r) => r.url().endsWith('/api/referrals/consent-form.pdf'));
      await named.getByRole('button', { name: 'Einwilligungsformular drucken' }).click();
      expect((await form).status()).toBe(200);
      // Without the consent ticked, nothing is sent.
      await named.getByRole('button', { name: 'Verweisung senden' }).click();
      await named
        .getByText(/Ohne Einwilligung der Person geht keine namentliche Verweisung/)
        .first()
        .waitFor();
      await named.getByLabel('Die Person hat die Einwilligung unterschrieben').check();
      await expectAccessible(jobcenter, 'named referral form');
      const sending = jobcenter.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/api/referrals'),
      );
      await named.getByRole('button', { name: 'Verweisung senden' }).click();
      expect((await sending).status()).toBe(201);
      const sent = jobcenter.getByRole('region', { name: 'Gesendete Verweisungen' });
      const row = sent.getByRole('row').filter({ hasText: familyName });
      await row.getByText('noch offen').waitFor();

      // The office: its inbox, the referral, accept into a client and a case.
      const office = await openPage();
      await signInThroughUi(office, 'berater@awo.example');
      await office.getByRole('heading', { level: 1, name: 'Übersicht', exact: true }).waitFor();
      await office.getByRole('link', { name: 'Verweisungen', exact: true }).first().click();
      await office.getByRole('heading', { level: 1, name: 'Verweisungen' }).waitFor();
      await expectAccessible(office, 'referral inbox');
      await office.getByRole('link', { name: `Karim ${familyName}` }).click();
      await office.getByRole('heading', { level: 1, name: `Verweisung: Karim ${familyName}` }).waitFor();
      await office.getByText('Vorher anrufen: Die Beratungsstelle ruft die Person zuerst an').waitFor();
      await expectAccessible(office, 'one referral');
      const accept = office.getByRole('form', { name: 'Annehmen' });
      await accept.getByLabel('Kurzberatung').check();
      await accept.getByRole('button', { name: 'Annehmen und Fall öffnen' }).click();
      await office.getByRole('link', { name: 'Zum Fall' }).click();
      await office
        .getByRole('heading', { level: 1, name: new RegExp(`Karim ${familyName} – Fall`) })
        .waitFor();

      // The Jobcenter reads only "angenommen".
      await jobcenter.reload();
      await jobcenter
        .getByRole('region', { name: 'Gesendete Verweisungen' })
        .getByRole('row')
        .filter({ hasText: familyName })
        .getByText('angenommen', { exact: true })
        .waitFor();
      await expectAccessible(jobcenter, 'sent referrals with the outcome');
    },
  );
});

import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, signInThroughUi, usePages } from './browser.ts';

const openPage = usePages();

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Berlin' });

/** `months` after `day`, less a day: the longest validity, which the wizard proposes. */
function latestEnd(day: string, months = 12): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  if (end.getUTCDate() !== d) end.setUTCDate(0);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

const german = (iso: string) => iso.split('-').reverse().join('.');

/** Opens Amina Haddad's case from the caseload and waits for its exchange section. */
async function openAminasCase(page: Page): Promise<Locator> {
  await page.getByRole('link', { name: 'Meine Fälle', exact: true }).first().click();
  await page
    .getByRole('region', { name: 'Offene Fälle' })
    .getByRole('link', { name: /Amina Haddad/ })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: /Amina Haddad – Fall/ }).waitFor();
  const section = page.getByRole('region', { name: 'Einwilligungen und Austausch', exact: true });
  await section.getByRole('heading', { level: 3, name: 'Einwilligungen', exact: true }).waitFor();
  return section;
}

describe('consent-gated exchange with a partner', () => {
  it(
    'R-CON-1, R-CON-2, R-CON-3, R-RED-5, R-EXC-1, R-EXC-4, R-RED-4: consent → disclosure → partner answers → client copy — axe clean',
    { timeout: 120_000 },
    async () => {
      const subject = `Ergebnis der Kompetenzanalyse ${Date.now()}`;
      const page = await openPage();
      await signInThroughUi(page, 'berater@awo.example');
      await page.getByRole('heading', { level: 1, name: 'Übersicht', exact: true }).waitFor();
      let section = await openAminasCase(page);
      await expectAccessible(page, 'case page with its exchange section');

      // The consent, in the order of the form: recipient team, purpose, data, direction, validity.
      await section.getByRole('button', { name: 'Einwilligung erfassen', exact: true }).click();
      const wizard = section.getByRole('form', { name: 'Einwilligung erfassen' });
      await wizard.getByLabel('Partnerorganisation').selectOption({ label: 'Jobcenter Musterstadt' });
      await wizard.getByLabel('Team', { exact: true }).selectOption({ label: 'Team Integration' });
      await wizard.getByLabel('Abstimmung mit dem Jobcenter zur Integration').check();
      expect(await wizard.getByLabel('Name und Kontaktdaten').isChecked()).toBe(true);
      await wizard.getByLabel('Sprachstand und Kurse').check();
      await wizard.getByLabel('Ergebnisse der Sozial- und Kompetenzanalyse').check();
      // Health stands apart (Art. 9 DSGVO) and stays unticked.
      await wizard.getByText('Besondere Kategorie personenbezogener Daten (Art. 9 DSGVO)').waitFor();
      expect(await wizard.getByLabel('Gesundheit', { exact: true }).isChecked()).toBe(false);
      await wizard.getByLabel('in beide Richtungen').check();
      await wizard.getByLabel('wiederholt während der Gültigkeit').check();
      const until = latestEnd(today());
      expect(await wizard.getByLabel('Gültig ab').inputValue()).toBe(today());
      expect(await wizard.getByLabel('Gültig bis').inputValue()).toBe(until);
      // The form's language is the client's, by name.
      const language = wizard.getByLabel('Sprache des Formulars');
      expect(await language.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe(
        'Deutsch und Arabisch (العربية)',
      );
      await expectAccessible(page, 'consent wizard');

      const printed = page.waitForResponse((r) => r.url().includes('/consent-form.pdf'));
      await wizard.getByRole('button', { name: 'Formular drucken' }).click();
      const form = await printed;
      expect(form.status()).toBe(200);
      expect(form.headers()['content-type']).toBe('application/pdf');
      expect(form.url()).toMatch(/\?language=ar$/);
      await wizard.getByRole('link', { name: 'Formular (PDF) öffnen' }).waitFor();

      await wizard.getByLabel('am Bildschirm unterschrieben').check();
      const given = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/consents'),
      );
      await wizard.getByRole('button', { name: 'Einwilligung erfassen' }).click();
      expect((await given).status()).toBe(201);
      const consent = section
        .getByRole('article')
        .filter({
          has: page.getByRole('heading', { name: 'Jobcenter Musterstadt, Team Integration gültig' }),
        })
        .filter({ hasText: `${german(today())} bis ${german(until)}` });
      await consent.waitFor();
      await consent.getByText('am Bildschirm unterschrieben, Formular auf Deutsch und Arabisch').waitFor();
      await consent
        .getByRole('button', { name: 'Einwilligung für Jobcenter Musterstadt, Team Integration widerrufen' })
        .waitFor();

      // The message: only the categories the consent covers get a text area.
      await section.getByRole('button', { name: 'Mitteilung senden', exact: true }).click();
      const composer = section.getByRole('form', { name: 'Mitteilung an einen Partner' });
      await composer.getByLabel('Einwilligung', { exact: true }).selectOption({
        label: `Jobcenter Musterstadt, Team Integration – Abstimmung mit dem Jobcenter zur Integration – gültig bis ${german(until)}`,
      });
      await composer
        .getByLabel('Art der Mitteilung')
        .selectOption({ label: 'Ergebnis der Kompetenzanalyse und Bedarfe' });
      await composer.getByLabel('Betreff').fill(subject);
      const texts = composer.getByRole('group', { name: 'Inhalt' });
      expect(await texts.getByRole('textbox').count()).toBe(3);
      expect(await texts.getByLabel('Gesundheit').count()).toBe(0);
      await texts
        .getByLabel('Ergebnisse der Sozial- und Kompetenzanalyse')
        .fill('Sprachniveau A2, Berufserfahrung als Schneiderin; Bedarf: Berufssprachkurs B1.');
      await expectAccessible(page, 'disclosure composer');
      const sent = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/disclosures'),
      );
      await composer.getByRole('button', { name: 'Mitteilung senden' }).click();
      expect((await sent).status()).toBe(201);
      let thread = section.getByRole('article').filter({ has: page.getByRole('heading', { name: subject }) });
      await thread.getByRole('link', { name: 'Kopie drucken (PDF)' }).waitFor();
      await thread.getByLabel('Übergabe', { exact: true }).waitFor();
      await expectAccessible(page, 'case page after the disclosure');

      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();

      // The partner: the independence of counselling first, then the message — nothing of the case.
      await signInThroughUi(page, 'pap@jobcenter.example');
      await page.getByRole('heading', { level: 1, name: 'Übersicht', exact: true }).waitFor();
      await page.getByRole('link', { name: 'Posteingang', exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Posteingang' }).waitFor();
      await page.getByText('Unabhängigkeit der Migrationsberatung').waitFor();
      await page.getByText(/^Die Migrationsberatung ist eigenständig und unabhängig\./).waitFor();
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: subject }) });
      await row.getByText('Amina Haddad, geb. 12.04.1988').waitFor();
      await row.getByText('1 neu').waitFor();
      await row.getByText(`in beide Richtungen · gültig bis ${german(until)}`).waitFor();
      await expectAccessible(page, 'inbox');

      await row.getByRole('link', { name: subject }).click();
      await page.getByRole('heading', { level: 1, name: subject }).waitFor();
      await page.getByText('Unabhängigkeit der Migrationsberatung').waitFor();
      await page
        .getByText('Sprachniveau A2, Berufserfahrung als Schneiderin; Bedarf: Berufssprachkurs B1.')
        .waitFor();
      const contacts = page.getByRole('region', { name: 'Ansprechpersonen' });
      await contacts
        .getByRole('heading', { name: 'Zentrale Ansprechpersonen: Jobcenter Musterstadt' })
        .waitFor();
      await contacts.getByRole('link', { name: 'zentrale@jobcenter.example' }).waitFor();
      await contacts.getByRole('link', { name: 'berater@awo.example' }).waitFor();
      await expectAccessible(page, 'thread page of the partner');

      await page.getByRole('button', { name: 'Antworten oder Mitteilung senden' }).click();
      const reply = page.getByRole('form', { name: `Antworten: ${subject}` });
      expect(await reply.getByLabel('Art der Mitteilung').inputValue()).toBe('answer');
      await reply
        .getByLabel('Sprachstand und Kurse')
        .fill('Ein Platz im Berufssprachkurs B1 ab dem 1. des Monats ist reserviert.');
      const answered = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/messages'),
      );
      await reply.getByRole('button', { name: 'Senden' }).click();
      expect((await answered).status()).toBe(201);
      await page.getByText('Ihre Nachricht wurde gesendet.').waitFor();
      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();

      // Back on the case: the answer, and the client's copy printed and handed over.
      await signInThroughUi(page, 'berater@awo.example');
      await page.getByRole('heading', { level: 1, name: 'Übersicht', exact: true }).waitFor();
      section = await openAminasCase(page);
      thread = section.getByRole('article').filter({ has: page.getByRole('heading', { name: subject }) });
      await thread
        .getByText('Ein Platz im Berufssprachkurs B1 ab dem 1. des Monats ist reserviert.')
        .waitFor();
      await thread
        .getByText(/^Antwort · Paula Ansprechpartnerin, Jobcenter Musterstadt, Team Integration, /)
        .waitFor();
      const href = await thread.getByRole('link', { name: 'Kopie drucken (PDF)' }).getAttribute('href');
      const copy = await page.request.get(new URL(href!, page.url()).toString());
      expect(copy.status()).toBe(200);
      expect(copy.headers()['content-type']).toBe('application/pdf');
      await thread.getByLabel('Übergabe', { exact: true }).selectOption({ label: 'persönlich übergeben' });
      const handedOver = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/handover'),
      );
      await thread.getByRole('button', { name: 'Übergabe erfassen' }).click();
      expect((await handedOver).status()).toBe(200);
      await thread.getByText(/^Kopie persönlich übergeben am /).waitFor();
      await expectAccessible(page, 'case page with the answer and the handed-over copy');
    },
  );

  it(
    'R-RED-1, R-RED-5: a team lead who broke the glass records a legal basis other than consent; the counsellor sends one disclosure under it, with its client copy — axe clean',
    { timeout: 120_000 },
    async () => {
      const subject = `Familiäre Situation ${Date.now()}`;
      const basisTerm = 'Schutzauftrag bei Kindeswohlgefährdung (§ 8a SGB VIII, § 4 KKG)';
      const recordButton = 'Rechtsgrundlage ohne Einwilligung feststellen';

      // The counsellor's case, without any consent: its number, and no legal basis to record.
      const counsellor = await openPage();
      await signInThroughUi(counsellor, 'berater@awo.example');
      await counsellor.getByRole('link', { name: 'Meine Fälle', exact: true }).first().click();
      await counsellor.getByLabel('Name, Geburtsdatum oder Fallnummer').fill('okafor');
      await counsellor.getByRole('button', { name: 'Suchen', exact: true }).click();
      await counsellor.getByRole('link', { name: /öffnen \(Okafor\)$/ }).click();
      const heading = counsellor.getByRole('heading', { level: 1, name: /^Grace Okafor – Fall / });
      await heading.waitFor();
      const caseNumber = /Fall (\d{4}-\d{5})/.exec((await heading.textContent()) ?? '')![1]!;
      let section = counsellor.getByRole('region', { name: 'Einwilligungen und Austausch', exact: true });
      await section.getByRole('heading', { level: 3, name: 'Einwilligungen', exact: true }).waitFor();
      expect(await section.getByRole('button', { name: recordButton }).count()).toBe(0);
      expect(await section.getByRole('button', { name: 'Mitteilung senden', exact: true }).count()).toBe(0);

      // The team lead finds the case by its number; the case page asks for the reason first.
      const lead = await openPage();
      await signInThroughUi(lead, 'leitung@awo.example');
      await lead.getByRole('link', { name: 'Team' }).first().click();
      await lead.getByRole('textbox', { name: 'Fallnummer' }).fill(caseNumber);
      await lead.getByRole('button', { name: 'Fall finden' }).click();
      await lead.getByRole('link', { name: 'Mit Begründung öffnen' }).click();
      await lead.getByRole('heading', { level: 1, name: 'Fall außerhalb Ihres Fallbestands' }).waitFor();
      await lead
        .getByRole('textbox', { name: 'Grund', exact: true })
        .fill('Prüfung einer Rechtsgrundlage ohne Einwilligung');
      await lead.getByRole('button', { name: 'Fall mit Begründung öffnen' }).click();
      await lead.getByRole('heading', { level: 1, name: /^Grace Okafor – Fall / }).waitFor();
      const leadSection = lead.getByRole('region', { name: 'Einwilligungen und Austausch', exact: true });

      // The legal basis: to a team, on a named ground with its norm, justified, for named data only.
      await leadSection.getByRole('button', { name: recordButton }).click();
      const form = leadSection.getByRole('form', { name: recordButton });
      await leadSection
        .getByText(
          'Das ersetzt nie, die Person selbst um ihre Einwilligung zu bitten, und gilt nur für eine einzige Weitergabe.',
        )
        .waitFor();
      await form.getByLabel('Partnerorganisation').selectOption({ label: 'Jobcenter Musterstadt' });
      await form.getByLabel('Team', { exact: true }).selectOption({ label: 'Team Integration' });
      await form.getByLabel(basisTerm).check();
      await form
        .getByLabel('Begründung')
        .fill(
          'Gewichtige Anhaltspunkte für eine Gefährdung der Tochter; Abstimmung mit dem Jobcenter nötig.',
        );
      // Name and contact details go with every message; health stands apart and stays unticked.
      expect(await form.getByLabel('Name und Kontaktdaten').isChecked()).toBe(true);
      await form.getByLabel('Familiäre Situation').check();
      expect(await form.getByLabel('Gesundheit', { exact: true }).isChecked()).toBe(false);
      await expectAccessible(lead, 'legal basis form');
      const recorded = lead.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/legal-bases'),
      );
      await form.getByRole('button', { name: 'Rechtsgrundlage feststellen' }).click();
      const answer = await recorded;
      expect(answer.status()).toBe(201);
      expect(answer.request().postDataJSON()).toMatchObject({
        basis: 'child_protection',
        categories: ['identity_contact', 'family_situation'],
      });
      const basisEntry = leadSection.getByRole('article').filter({
        has: lead.getByRole('heading', {
          name: 'Jobcenter Musterstadt, Team Integration noch nicht verwendet',
        }),
      });
      await basisEntry.getByText(basisTerm).waitFor();
      await basisEntry.getByText(/^von Lena Leitung am /).waitFor();
      // The team lead decides the ground; sending stays with the counsellor.
      expect(await leadSection.getByRole('button', { name: 'Mitteilung senden', exact: true }).count()).toBe(
        0,
      );
      await expectAccessible(lead, 'case page with the recorded legal basis');

      // The counsellor sends one disclosure under it: only the data it covers get a text area.
      await counsellor.reload();
      section = counsellor.getByRole('region', { name: 'Einwilligungen und Austausch', exact: true });
      await section.getByRole('button', { name: 'Mitteilung senden', exact: true }).click();
      const composer = section.getByRole('form', { name: 'Mitteilung an einen Partner' });
      const grounds = composer.getByLabel('Einwilligung oder Rechtsgrundlage', { exact: true });
      expect(await grounds.inputValue()).toBe('');
      await grounds.selectOption({
        label: `Ohne Einwilligung: ${basisTerm} – Jobcenter Musterstadt, Team Integration`,
      });
      await composer.getByText(/^Diese Mitteilung geht ohne Einwilligung, .* Lena Leitung/).waitFor();
      await composer.getByLabel('Art der Mitteilung').selectOption({ label: 'Wichtige Änderung' });
      await composer.getByLabel('Betreff').fill(subject);
      const texts = composer.getByRole('group', { name: 'Inhalt' });
      expect(await texts.getByRole('textbox').count()).toBe(2);
      await texts
        .getByLabel('Familiäre Situation')
        .fill('Die Tochter ist seit zwei Wochen nicht in der Kita.');
      await expectAccessible(counsellor, 'disclosure composer under a legal basis');
      const sent = counsellor.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/disclosures'),
      );
      await composer.getByRole('button', { name: 'Mitteilung senden' }).click();
      const response = await sent;
      expect(response.status()).toBe(201);
      const body = response.request().postDataJSON() as Record<string, unknown>;
      expect(body.kind).toBe('serious_change');
      expect(body.legalBasisId).toMatch(/^[0-9a-f-]{36}$/);
      expect(body).not.toHaveProperty('consentId');
      expect(body).not.toHaveProperty('purpose');

      const thread = section
        .getByRole('article')
        .filter({ has: counsellor.getByRole('heading', { name: subject }) });
      await thread
        .getByText(`Ohne Einwilligung gesendet, auf gesetzlicher Grundlage: ${basisTerm}`)
        .waitFor();
      const href = await thread.getByRole('link', { name: 'Kopie drucken (PDF)' }).getAttribute('href');
      const copy = await counsellor.request.get(new URL(href!, counsellor.url()).toString());
      expect(copy.status()).toBe(200);
      expect(copy.headers()['content-type']).toBe('application/pdf');
      // One transfer: the legal basis is used, and nothing is left to send under.
      await section
        .getByRole('heading', { name: 'Jobcenter Musterstadt, Team Integration verwendet' })
        .waitFor();
      expect(await section.getByRole('button', { name: 'Mitteilung senden', exact: true }).count()).toBe(0);
      await expectAccessible(counsellor, 'case page after the disclosure under a legal basis');
    },
  );

  it(
    'R-CON-1: an administrator sets the longest validity and adds an own purpose; the consent wizard follows both — axe clean',
    { timeout: 120_000 },
    async () => {
      const admin = await openPage();
      await signInThroughUi(admin, 'admin@awo.example');
      await admin.getByRole('heading', { level: 1, name: 'Übersicht', exact: true }).waitFor();
      await admin.goto('/falldaten-einstellungen');
      await admin.getByRole('heading', { level: 1, name: 'Falldaten-Einstellungen', exact: true }).waitFor();
      const validity = admin.getByRole('region', { name: 'Gültigkeit einer Einwilligung', exact: true });
      const months = validity.getByLabel('Längste Gültigkeit in Monaten', { exact: true });
      const saveMonths = async (value: string) => {
        await months.fill(value);
        await validity.getByRole('button', { name: 'Gültigkeit speichern', exact: true }).click();
      };
      expect(await months.inputValue()).toBe('12');
      await saveMonths('30');
      await validity.getByText(/mindestens 1 und höchstens 24\.$/).waitFor();
      expect(await months.getAttribute('aria-invalid')).toBe('true');
      await saveMonths('6');
      await validity.getByText('Zurzeit gilt: höchstens 6 Monate.', { exact: true }).waitFor();

      const purposes = admin.getByRole('region', { name: 'Zwecke einer Einwilligung', exact: true });
      await purposes
        .getByRole('button', { name: 'Liste bearbeiten: Zwecke einer Einwilligung', exact: true })
        .click();
      await purposes.getByRole('button', { name: 'Eintrag hinzufügen', exact: true }).click();
      const added = purposes.getByRole('group', { name: /\(neu\)$/ });
      await added
        .getByLabel('Bezeichnung (Deutsch)', { exact: true })
        .fill('Unterstützung bei der Wohnungssuche');
      await added.getByLabel('Bezeichnung (Englisch)', { exact: true }).fill('Help finding a flat');
      await purposes
        .getByRole('button', { name: '„Zwecke einer Einwilligung“ speichern', exact: true })
        .click();
      await purposes
        .getByText('Die Liste „Zwecke einer Einwilligung“ wurde gespeichert.', { exact: true })
        .waitFor();
      await expectAccessible(admin, 'case settings with the consent rules');

      const page = await openPage();
      await signInThroughUi(page, 'berater@awo.example');
      await page.getByRole('heading', { level: 1, name: 'Übersicht', exact: true }).waitFor();
      const section = await openAminasCase(page);
      await section.getByRole('button', { name: 'Einwilligung erfassen', exact: true }).click();
      const wizard = section.getByRole('form', { name: 'Einwilligung erfassen' });
      await wizard.getByLabel('Unterstützung bei der Wohnungssuche', { exact: true }).check();
      expect(await wizard.getByLabel('Gültig bis').inputValue()).toBe(latestEnd(today(), 6));
      await wizard
        .getByText('Höchstens 6 Monate – so legt es Ihre Organisation fest.', { exact: true })
        .waitFor();
      // A longer validity is refused in the browser, with the provider's rule, before anything is sent.
      await wizard.getByLabel('Gültig bis').fill(latestEnd(today(), 7));
      await wizard.getByRole('button', { name: 'Formular drucken' }).click();
      await wizard
        .getByText(
          `Eine Einwilligung gilt bei Ihrer Organisation höchstens 6 Monate (bis ${german(latestEnd(today(), 6))}).`,
          { exact: true },
        )
        .waitFor();
      await expectAccessible(page, 'consent wizard with the provider’s rules');
      await wizard.getByRole('button', { name: 'Abbrechen', exact: true }).click();

      // Back to the default of twelve months.
      await saveMonths('12');
      await validity.getByText('Zurzeit gilt: höchstens 12 Monate.', { exact: true }).waitFor();
    },
  );
});

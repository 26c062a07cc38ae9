import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addLanguages, expectAccessible, signInThroughUi, usePages } from './browser.ts';

const openPage = usePages();

/** The name attribute of the focused element. */
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('name') ?? '');

/** Today in Berlin, where the server and the browser context (see browser.ts) keep their calendar. */
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Berlin' });

/** Whether a request reads a whole case (GET /api/cases/:id). */
const isCaseRead = (method: string, url: string) =>
  method === 'GET' && /\/api\/cases\/[0-9a-f-]{36}$/.test(new URL(url).pathname);

/** Clicks a save button and waits for the change and its confirmation. */
async function save(page: Page, button: Locator, method: string, urlPart: string): Promise<void> {
  const changed = page.waitForResponse((r) => r.request().method() === method && r.url().includes(urlPart));
  await button.click();
  const response = await changed;
  expect(response.status(), `${method} ${urlPart}: ${await response.text()}`).toBeLessThan(300);
  // R-UX-2: the save is confirmed in the page's live region, which screen readers announce.
  await page
    .getByRole('status')
    .getByText(/^Gespeichert um \d\d:\d\d:\d\d Uhr\.$/)
    .waitFor();
}

describe('a counsellor’s day in case management', () => {
  it('R-CASE-1..5, R-CASE-8, R-UX-2: register a client, intake, analysis, plan with agreement, a contact, closure and search; the saves read the case no second time — axe clean', async () => {
    const page = await openPage();
    await signInThroughUi(page, 'berater@awo.example');
    await page.getByRole('link', { name: 'Meine Fälle' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Meine Fälle' }).waitFor();
    await page.getByRole('region', { name: 'Offene Fälle' }).getByText('Amina Haddad').waitFor();
    await expectAccessible(page, 'caseload');

    // Register a client: the age suggests MBE.
    await page.getByRole('link', { name: 'Klient/in aufnehmen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Klient/in aufnehmen' }).waitFor();
    await page.getByLabel('Vorname').first().fill('Katarina');
    await page.getByLabel('Name oder Pseudonym').fill('Müller-Dragan');
    await page.getByLabel('Geburtsdatum').fill('1982-06-14');
    await page.getByText(/Jahre: Migrationsberatung für erwachsene Zugewanderte/).waitFor();
    await addLanguages(page, 'Sprachen', ['Serbisch', 'Deutsch']);
    await page.getByRole('button', { name: 'Familienangehörige/n hinzufügen' }).click();
    await expect.poll(() => focusedName(page)).toBe('familyMembers.0.relation');
    await page.getByLabel('Zugangsweg').selectOption({ label: 'Integrationskurs' });
    await expectAccessible(page, 'register a client');
    await page.getByRole('button', { name: 'Aufnehmen und Fall eröffnen' }).click();

    await page
      .getByRole('heading', { level: 1, name: /Katarina Müller-Dragan – Fall \d{4}-\d{5}/ })
      .waitFor();
    await expectAccessible(page, 'new case');
    // From here on every save answers with what the page shows: one request each, no read of the case.
    const caseReads: string[] = [];
    const changes: string[] = [];
    page.on('request', (r) => {
      if (isCaseRead(r.method(), r.url())) caseReads.push(r.url());
      if (['PUT', 'POST', 'PATCH'].includes(r.method()))
        changes.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });

    // Sondierungsgespräch
    const intake = page.getByRole('region', { name: 'Sondierungsgespräch' });
    // Every section is read first; "Bearbeiten" opens its form in place.
    await intake.getByRole('button', { name: 'Bearbeiten: Sondierungsgespräch' }).click();
    await intake.getByLabel('Anlass').fill('Anerkennung des Lehramtsstudiums');
    await intake.getByLabel('Anerkennung von Abschlüssen').check();
    await save(page, intake.getByRole('button', { name: 'Speichern' }), 'PUT', '/intake');
    await intake.getByText('Anerkennung des Lehramtsstudiums').waitFor();
    expect(await intake.getByRole('button', { name: 'Speichern' }).count()).toBe(0);

    // Sozial- und Kompetenzanalyse, health marked as special category
    const analysis = page.getByRole('region', { name: 'Sozial- und Kompetenzanalyse' });
    await analysis.getByRole('button', { name: 'Bearbeiten: Sozial- und Kompetenzanalyse' }).click();
    await analysis.getByLabel('Deutschkenntnisse').selectOption('B1');
    await analysis.getByLabel('Gesundheit (besondere Kategorie, Art. 9 DSGVO)').fill('keine Einschränkungen');
    await save(page, analysis.getByRole('button', { name: 'Speichern' }), 'PUT', '/analysis');
    await page.getByText(/· Sozial- und Kompetenzanalyse ·/).waitFor();

    // Förderplan: marking it agreed without date and form is refused, in German, at the fields
    const plan = page.getByRole('region', { name: 'Förderplan' });
    await plan.getByRole('button', { name: 'Bearbeiten: Förderplan' }).click();
    await plan.getByLabel('Anlass').fill('Anerkennung und Arbeit als Lehrerin');
    await plan.getByLabel('Ziel', { exact: true }).fill('Unterrichten an einer Grundschule');
    // Typing starts once the new field has focus, as a person sees the cursor there first.
    await plan.getByRole('button', { name: 'Ziel hinzufügen' }).click();
    await expect.poll(() => focusedName(page)).toBe('goals.0.title');
    await page.keyboard.type('Anerkennung beantragen');
    await plan.getByRole('button', { name: 'Schritt zu Ziel 1 hinzufügen' }).click();
    await expect.poll(() => focusedName(page)).toBe('goals.0.steps.0.title');
    await page.keyboard.type('Zeugnisse beglaubigen lassen');
    await plan.getByLabel('Die ratsuchende Person hat dem Förderplan zugestimmt').check();
    await plan.getByLabel('Zugestimmt am').fill('');
    await plan.getByRole('button', { name: 'Förderplan speichern' }).click();
    await plan
      .getByText('Bitte angeben, wann die ratsuchende Person dem Förderplan zugestimmt hat.')
      .waitFor();
    await expectAccessible(page, 'plan with errors');
    await plan.getByLabel('Zugestimmt am').fill(today());
    await plan.getByLabel('Wie zugestimmt').selectOption({ label: 'mündlich' });
    await save(page, plan.getByRole('button', { name: 'Förderplan speichern' }), 'PUT', '/plan');
    await page.getByText(/· Umsetzung ·/).waitFor();
    // The refused plan was never sent; each section was saved with one request and the phase moved
    // on from the answers alone.
    expect(changes.map((c) => c.replace(/[0-9a-f-]{36}/, ':id'))).toEqual([
      'PUT /api/cases/:id/intake',
      'PUT /api/cases/:id/analysis',
      'PUT /api/cases/:id/plan',
    ]);
    expect(caseReads).toEqual([]);

    // A contact
    const contacts = page.getByRole('region', { name: 'Kontakte und Termine' });
    await contacts.getByRole('button', { name: 'Kontakt oder Termin erfassen' }).click();
    // At midnight this morning: a held contact cannot lie in the future.
    await contacts.getByLabel('Zeitpunkt').fill(`${today()}T00:00`);
    await contacts.getByLabel('Dauer in Minuten').fill('45');
    await contacts.getByLabel('Notiz').fill('Förderplan besprochen');
    await save(page, contacts.getByRole('button', { name: 'Kontakt speichern' }), 'POST', '/contacts');
    await page
      .getByRole('region', { name: 'Kontakte und Termine' })
      .getByRole('cell', { name: 'Förderplan besprochen' })
      .waitFor();

    // R-CASE-7: the responsibilities from the source text are visible
    await page
      .getByRole('region', { name: 'Wer ist wofür zuständig' })
      .getByRole('rowheader', { name: /^Sprachstandsfeststellung/ })
      .waitFor();
    await expectAccessible(page, 'case with plan and contact');

    // Closure
    const closure = page.getByRole('region', { name: 'Abschluss' });
    await closure.getByRole('button', { name: 'Abschluss erfassen' }).click();
    await closure.getByLabel('Abschlussgrund').selectOption({ label: 'Ziele erreicht' });
    await save(page, closure.getByRole('button', { name: 'Fall abschließen' }), 'POST', '/close');
    await page.getByRole('button', { name: 'Fall wieder aufnehmen' }).waitFor();

    // Search: "Muller" finds "Müller-Dragan"
    await page.getByRole('link', { name: 'Meine Fälle' }).first().click();
    await page.getByLabel('Name, Geburtsdatum oder Fallnummer').fill('Muller');
    await page.getByRole('button', { name: 'Suchen', exact: true }).click();
    await page.getByRole('rowheader', { name: 'Katarina Müller-Dragan' }).waitFor();
    await expectAccessible(page, 'search results');
  });

  it('R-SEC-4, R-CASE-1: the new-client form checks with the server’s schema — a birth date in the future and no name show at their fields on the first submit, nothing is sent', async () => {
    const page = await openPage();
    await signInThroughUi(page, 'berater@awo.example');
    await page.getByRole('link', { name: 'Meine Fälle' }).first().click();
    await page.getByRole('link', { name: 'Klient/in aufnehmen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Klient/in aufnehmen' }).waitFor();
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') sent.push(r.url());
    });
    const [year, month, day] = today().split('-').map(Number) as [number, number, number];
    const nextYear = `${year + 1}-${String(month).padStart(2, '0')}-${String(Math.min(day, 28)).padStart(2, '0')}`;
    await page.getByLabel('Vorname').first().fill('Jonas');
    await page.getByLabel('Geburtsdatum').fill(nextYear);
    await page.getByRole('button', { name: 'Aufnehmen und Fall eröffnen' }).click();
    await page.getByText('Bitte einen Namen oder ein Pseudonym angeben.').first().waitFor();
    await page.getByText('Das Geburtsdatum darf nicht in der Zukunft liegen.').first().waitFor();
    expect(await page.getByLabel('Name oder Pseudonym').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Geburtsdatum').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
    await expectAccessible(page, 'new client with two problems');
  });

  it('R-SEC-4, R-CASE-4: a plan step due 01.01.1800 is refused at its field before anything is sent', async () => {
    const page = await openPage();
    await signInThroughUi(page, 'berater@caritas.example');
    await openCase(page, 'Elena Popescu');
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PUT') sent.push(r.url());
    });
    const plan = page.getByRole('region', { name: 'Förderplan' });
    await plan.getByRole('button', { name: 'Bearbeiten: Förderplan' }).click();
    await plan.getByRole('button', { name: 'Ziel hinzufügen' }).click();
    await expect.poll(() => focusedName(page)).toMatch(/^goals\.\d+\.title$/);
    await page.keyboard.type('Sprachkurs abschließen');
    await plan
      .getByRole('button', { name: /^Schritt zu Ziel \d+ hinzufügen$/ })
      .last()
      .click();
    await expect.poll(() => focusedName(page)).toMatch(/^goals\.\d+\.steps\.\d+\.title$/);
    await page.keyboard.type('Prüfung anmelden');
    const due = plan.locator('[name$=".dueOn"]').last();
    await due.fill('1800-01-01');
    await plan.getByRole('button', { name: 'Förderplan speichern' }).click();
    await expect.poll(() => due.getAttribute('aria-invalid')).toBe('true');
    await plan
      .getByText(/01\.01\.2000/)
      .first()
      .waitFor();
    expect(sent).toEqual([]);
  });

  it('R-CASE-4, R-UX-2: the plan editor is used with the keyboard alone', async () => {
    const page = await openPage();
    await signInThroughUi(page, 'berater@caritas.example');
    await page.getByRole('link', { name: 'Meine Fälle' }).first().click();
    await page
      .getByRole('link', { name: /Elena Popescu/ })
      .first()
      .click();
    const plan = page.getByRole('region', { name: 'Förderplan' });
    await plan.getByRole('button', { name: 'Bearbeiten: Förderplan' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('reason');
    await plan.getByRole('button', { name: 'Ziel hinzufügen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('goals.1.title');
    await page.keyboard.type('Kinderbetreuung sichern');
    // Tab to "add a step to goal 2" and press Enter: focus lands in the new step.
    for (
      let i = 0;
      i < 12 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Schritt hinzufügen';
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('goals.1.steps.0.title');
    await page.keyboard.type('Kitaplatz beim Jugendamt anfragen');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedName(page)).toBe('goals.1.steps.0.responsible');
    await page.keyboard.press('ArrowDown');
    // Move the new goal up, with the keyboard.
    await plan.getByRole('button', { name: 'Ziel 2 nach oben' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('[name="goals.0.title"]').inputValue()).toBe('Kinderbetreuung sichern');
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/plan'));
    await plan.getByRole('button', { name: 'Förderplan speichern' }).focus();
    await page.keyboard.press('Enter');
    expect((await saved).status()).toBe(200);
    // Back in the read view, the moved goal first, focus on the section's button.
    await expect.poll(() => focusedLabel(page)).toBe('Bearbeiten: Förderplan');
    await expect
      .poll(() => plan.locator('ol.plan-goals > li').first().textContent())
      .toMatch(/^Kinderbetreuung sichern \(.+\)Kitaplatz beim Jugendamt anfragen – Beratung/);
    await expectAccessible(page, 'plan editor after keyboard use');
  });

  it('R-CON-8, R-RED-4: a team lead sees counts, opens a case only with a reason; a Jobcenter has no case pages', async () => {
    const page = await openPage();
    await signInThroughUi(page, 'leitung@awo.example');
    await page.getByRole('link', { name: 'Team' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Fallbestände im Team' }).waitFor();
    expect(await page.getByText('Amina Haddad').count()).toBe(0);
    await expectAccessible(page, 'team view');

    const partner = await openPage();
    await signInThroughUi(partner, 'pap@jobcenter.example');
    await partner.getByRole('link', { name: 'Verzeichnis' }).first().waitFor();
    expect(await partner.getByRole('link', { name: 'Meine Fälle' }).count()).toBe(0);
  });
});

/** The accessible name (aria-label or text) of the focused element. */
const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active?.getAttribute('aria-label') ?? active?.textContent?.trim() ?? '';
  });

/** Opens one of the counsellor's open cases from the caseload. */
async function openCase(page: Page, clientName: string): Promise<void> {
  await page.getByRole('link', { name: 'Meine Fälle' }).first().click();
  await page
    .getByRole('link', { name: new RegExp(`\\(${clientName}\\)$`) })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${clientName} – Fall`) }).waitFor();
}

describe('changing what was recorded, from the case page', () => {
  it('R-CASE-1: edits a client’s details from the case page; a problem shows at its field — axe clean with the panel open', async () => {
    const page = await openPage();
    await signInThroughUi(page, 'berater@awo.example');
    await openCase(page, 'Oleksandr Kovalenko');

    const person = page.getByRole('region', { name: 'Angaben zur Person', exact: true });
    await person.getByRole('button', { name: 'Angaben ändern' }).click();
    const panel = page.getByRole('region', { name: 'Angaben zur Person ändern' });
    await expect.poll(() => focusedLabel(page)).toBe('Angaben zur Person ändern');
    // The registration's fields, filled in from the record.
    expect(await panel.getByLabel('Name oder Pseudonym').inputValue()).toBe('Kovalenko');
    expect(await panel.getByLabel('Telefon').inputValue()).toBe('0176 98765432');
    expect(await panel.locator('[name="familyMembers.1.givenName"]').inputValue()).toBe('Maksym');
    await expectAccessible(page, 'client edit panel');

    await panel.getByLabel('Telefon').fill('0176 5550123');
    await addLanguages(panel, 'Sprachen', ['Deutsch']);
    await panel.getByLabel('Jahr der Einreise').fill(String(new Date().getFullYear() + 1));
    await panel.getByRole('button', { name: 'Familienangehörige/n hinzufügen' }).click();
    await expect.poll(() => focusedName(page)).toBe('familyMembers.2.relation');
    await panel.getByLabel('Beziehung (Person 3)').selectOption({ label: 'Elternteil' });
    await panel.locator('[name="familyMembers.2.givenName"]').fill('Halyna');
    await panel.locator('[name="familyMembers.2.birthYear"]').fill('1956');

    // The server's problem+json appears next to its field, which takes focus.
    const refused = page.waitForResponse((r) => r.request().method() === 'PATCH');
    await panel.getByRole('button', { name: 'Speichern' }).click();
    expect((await refused).status()).toBe(400);
    await panel.getByText('Das Jahr der Einreise darf nicht in der Zukunft liegen.').waitFor();
    await expect.poll(() => focusedName(page)).toBe('arrivalYear');
    expect(await panel.getByLabel('Jahr der Einreise').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'client edit panel with a field error');

    await panel.getByLabel('Jahr der Einreise').fill('2021');
    await save(page, panel.getByRole('button', { name: 'Speichern' }), 'PATCH', '/api/clients/');
    await person.getByText('0176 5550123').waitFor();
    await person.getByText('Ukrainisch, Russisch, Deutsch').waitFor();
    await person.getByText('2021', { exact: true }).waitFor();
    await person.getByText(/Elternteil Halyna \(1956\)/).waitFor();
    // Iryna and Maksym kept their records (and ids): they are still listed.
    await person.getByText(/Partner\/in Iryna \(1981\), Kind Maksym \(2010\)/).waitFor();
    expect(await page.getByRole('region', { name: 'Angaben zur Person ändern' }).count()).toBe(0);
    await expect.poll(() => focusedLabel(page)).toBe('Angaben ändern');

    // Changed elsewhere meanwhile (a second tab): saving answers 409 and says so; "Neu laden"
    // starts the form again from the current record.
    await person.getByRole('button', { name: 'Angaben ändern' }).click();
    await panel.getByLabel('E-Mail').fill('o.kovalenko@example.org');
    const other = await page.context().newPage();
    await other.goto(page.url());
    await other.getByRole('button', { name: 'Angaben ändern' }).click();
    const otherPanel = other.getByRole('region', { name: 'Angaben zur Person ändern' });
    await otherPanel.getByLabel('Telefon').fill('0176 5550999');
    await save(other, otherPanel.getByRole('button', { name: 'Speichern' }), 'PATCH', '/api/clients/');
    const conflict = page.waitForResponse((r) => r.request().method() === 'PATCH');
    await panel.getByRole('button', { name: 'Speichern' }).click();
    expect((await conflict).status()).toBe(409);
    await panel.getByRole('button', { name: 'Neu laden' }).click();
    await expect.poll(() => panel.getByLabel('Telefon').inputValue()).toBe('0176 5550999');
    expect(await panel.getByLabel('E-Mail').inputValue()).toBe('');
    await expectAccessible(page, 'client edit panel after a conflict');
  });

  it('R-CASE-5, R-CASE-6: edits a recorded contact and a recorded activity in the form used for recording — axe clean with the panels open', async () => {
    const page = await openPage();
    await signInThroughUi(page, 'berater@awo.example');
    await openCase(page, 'Amina Haddad');

    // R-CASE-5: the contact of a month ago
    const contacts = page.getByRole('region', { name: 'Kontakte und Termine', exact: true }).first();
    await contacts
      .getByRole('row')
      .filter({ hasText: 'Kitaplatz besprochen' })
      .getByRole('button', { name: /^Bearbeiten: Kontakt vom / })
      .click();
    const contactPanel = page.getByRole('region', { name: /^Kontakt vom .+ bearbeiten$/ });
    await contactPanel.waitFor();
    // The recording form, filled in; it takes the place of the empty one.
    expect(await contactPanel.getByLabel('Notiz').inputValue()).toBe('Kitaplatz besprochen');
    expect(await contactPanel.getByLabel('Dauer in Minuten').inputValue()).toBe('15');
    expect(await contactPanel.getByLabel('Form').inputValue()).toBe('phone');
    expect(await page.getByRole('button', { name: 'Kontakt speichern' }).count()).toBe(0);
    await expectAccessible(page, 'contact edit panel');
    await contactPanel.getByLabel('Dauer in Minuten').fill('25');
    await contactPanel.getByLabel('Notiz').fill('Kitaplatz besprochen, Anmeldung bei der Kita Sonnenblume');
    await save(page, contactPanel.getByRole('button', { name: 'Speichern' }), 'PATCH', '/contacts/');
    const changedRow = contacts
      .getByRole('row')
      .filter({ hasText: 'Kitaplatz besprochen, Anmeldung bei der Kita Sonnenblume' });
    await changedRow.getByRole('cell', { name: '25 Min.' }).waitFor();
    await contacts.getByRole('button', { name: 'Kontakt oder Termin erfassen' }).waitFor();

    // R-CASE-6: the childcare arranged during the integration course
    const activities = page
      .getByRole('region', { name: 'Begleitung im Integrationskurs und Kinderbetreuung', exact: true })
      .first();
    await activities
      .getByRole('button', { name: 'Bearbeiten: Aktivität 1 (Vermittlung von Kinderbetreuung)' })
      .click();
    const activityPanel = page.getByRole('region', {
      name: 'Aktivität 1 bearbeiten: Vermittlung von Kinderbetreuung',
    });
    expect(await activityPanel.getByLabel('Betreuungsort').inputValue()).toBe(
      'Kita Sonnenblume, kursbegleitende Betreuung',
    );
    await expectAccessible(page, 'activity edit panel');
    await activityPanel.getByLabel('Stand').selectOption({ label: 'abgeschlossen' });
    // A finished activity ends today at the latest (the demo course runs for months more).
    await activityPanel.getByLabel('Ende', { exact: true }).fill(new Date().toISOString().slice(0, 10));
    await activityPanel.getByLabel('Betreuungsort').fill('Kita Regenbogen');
    await save(page, activityPanel.getByRole('button', { name: 'Speichern' }), 'PATCH', '/activities/');
    const activityRow = activities.getByRole('row').filter({ hasText: 'Kita Regenbogen' });
    await activityRow.getByRole('cell', { name: 'abgeschlossen' }).waitFor();
    await expect
      .poll(() => focusedLabel(page))
      .toBe('Bearbeiten: Aktivität 1 (Vermittlung von Kinderbetreuung)');

    // Cancelling closes the panel without a request.
    await activities
      .getByRole('button', { name: 'Bearbeiten: Aktivität 1 (Vermittlung von Kinderbetreuung)' })
      .click();
    await activityPanel.getByRole('button', { name: 'Abbrechen' }).click();
    expect(await activityPanel.count()).toBe(0);
    await activities.getByRole('button', { name: 'Aktivität erfassen' }).waitFor();
  });

  it('R-CON-5: a team lead sets a legal hold with a reason and releases it; the counsellor is offered neither — axe clean', async () => {
    // The counsellor's closed case: no legal-hold button, as the policy does not list it for her.
    const counsellor = await openPage();
    await signInThroughUi(counsellor, 'berater@awo.example');
    await counsellor.getByRole('link', { name: 'Meine Fälle' }).first().click();
    await counsellor.getByLabel('Name, Geburtsdatum oder Fallnummer').fill('yildiz');
    await counsellor.getByRole('button', { name: 'Suchen', exact: true }).click();
    await counsellor.getByRole('link', { name: /öffnen \(Yıldız\)$/ }).click();
    const heading = counsellor.getByRole('heading', { level: 1, name: /^Mehmet Yıldız – Fall / });
    await heading.waitFor();
    const caseNumber = /Fall (\d{4}-\d{5})/.exec((await heading.textContent()) ?? '')![1]!;
    await counsellor.getByRole('button', { name: 'Fall wieder aufnehmen' }).waitFor();
    expect(await counsellor.getByRole('button', { name: /Aufbewahrungssperre/ }).count()).toBe(0);

    // The team lead finds the case by its number and opens it with a reason.
    const page = await openPage();
    await signInThroughUi(page, 'leitung@awo.example');
    await page.getByRole('link', { name: 'Team' }).first().click();
    await page.getByRole('textbox', { name: 'Fallnummer' }).fill(caseNumber);
    await page.getByRole('button', { name: 'Fall finden' }).click();
    await page.getByRole('link', { name: 'Mit Begründung öffnen' }).click();
    await page
      .getByRole('textbox', { name: 'Grund', exact: true })
      .fill('Anfrage des Sozialgerichts zu diesem Fall');
    await page.getByRole('button', { name: 'Fall mit Begründung öffnen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Mehmet Yıldız – Fall / }).waitFor();

    await page.getByRole('button', { name: 'Aufbewahrungssperre setzen' }).click();
    const setPanel = page.getByRole('region', { name: 'Aufbewahrungssperre setzen' });
    await expect.poll(() => focusedLabel(page)).toBe('Aufbewahrungssperre setzen');
    // Without a reason the server refuses, and says so at the field.
    const refused = page.waitForResponse((r) => r.url().endsWith('/legal-hold'));
    await setPanel.getByRole('button', { name: 'Sperre setzen' }).click();
    expect((await refused).status()).toBe(400);
    await setPanel.getByText('Bitte den Grund der Aufbewahrungssperre angeben.').waitFor();
    await expect.poll(() => focusedName(page)).toBe('reason');
    await expectAccessible(page, 'legal hold panel with a field error');
    await setPanel.getByLabel('Grund der Sperre').fill('Rechtsstreit anhängig, Anfrage des Sozialgerichts');
    await save(page, setPanel.getByRole('button', { name: 'Sperre setzen' }), 'POST', '/legal-hold');
    const notice = page.getByText('Aufbewahrungssperre: Dieser Fall wird nicht gelöscht');
    await notice.waitFor();
    await page.getByText('Rechtsstreit anhängig, Anfrage des Sozialgerichts').waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Aufbewahrungssperre aufheben');
    await expectAccessible(page, 'case with a legal hold');

    await page.getByRole('button', { name: 'Aufbewahrungssperre aufheben' }).click();
    const releasePanel = page.getByRole('region', { name: 'Aufbewahrungssperre aufheben' });
    await releasePanel
      .getByText(
        /Der Fall wurde am \d{2}\.\d{2}\.\d{4} abgeschlossen; die Aufbewahrungsfrist beträgt \d+ Jahre? nach Abschluss\./,
      )
      .waitFor();
    await expectAccessible(page, 'legal hold release panel');
    await save(page, releasePanel.getByRole('button', { name: 'Sperre aufheben' }), 'POST', '/legal-hold');
    await page.getByRole('button', { name: 'Aufbewahrungssperre setzen' }).waitFor();
    expect(await notice.count()).toBe(0);
  });

  it('R-CASE-5, R-UX-2: a recorded contact is edited with the keyboard alone', async () => {
    const page = await openPage();
    await signInThroughUi(page, 'berater@caritas.example');
    await openCase(page, 'Samir Al-Hassan');

    /** Presses Tab until the focused element matches, at most `limit` times. */
    const tabTo = async (matches: () => Promise<boolean>, limit = 60) => {
      for (let i = 0; i < limit && !(await matches()); i++) await page.keyboard.press('Tab');
      expect(await matches()).toBe(true);
    };
    await page.getByRole('heading', { level: 1 }).focus();
    await tabTo(async () => (await focusedLabel(page)).startsWith('Bearbeiten: Kontakt vom'));
    const editButton = await focusedLabel(page);
    await page.keyboard.press('Enter');
    // Focus moves to the panel's heading.
    await expect.poll(() => focusedLabel(page)).toMatch(/^Kontakt vom .+ bearbeiten$/);
    await tabTo(async () => (await focusedName(page)) === 'durationMinutes');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('40');
    await tabTo(async () => (await focusedName(page)) === 'note');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Fragen zum Chancen-Aufenthaltsrecht, Unterlagen besprochen');
    await tabTo(async () => (await focusedLabel(page)) === 'Speichern', 10);
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH');
    await page.keyboard.press('Enter');
    expect((await saved).status()).toBe(200);
    const contacts = page.getByRole('region', { name: 'Kontakte und Termine', exact: true }).first();
    await contacts
      .getByRole('cell', { name: 'Fragen zum Chancen-Aufenthaltsrecht, Unterlagen besprochen' })
      .waitFor();
    await contacts.getByRole('cell', { name: '40 Min.' }).waitFor();
    // Back on the row's button, ready for the next step.
    await expect.poll(() => focusedLabel(page)).toBe(editButton);
    await expectAccessible(page, 'case after editing a contact with the keyboard');
  });

  it('R-UX-2, R-CASE-3: a counsellor records a contact and changes the phase by keyboard alone, and the page reads the case only once — axe clean', async () => {
    const page = await openPage();
    await signInThroughUi(page, 'berater@caritas.example');
    await openCase(page, 'Elena Popescu');
    await page.getByRole('navigation', { name: 'Abschnitte des Falls' }).waitFor();
    const caseReads: string[] = [];
    page.on('request', (r) => {
      if (isCaseRead(r.method(), r.url())) caseReads.push(r.url());
    });
    const status = page.getByRole('status').getByText(/^Gespeichert um \d\d:\d\d:\d\d Uhr\.$/);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    // The shortcut listed on the page opens the contact form, focus in its first field.
    await page.getByText('Tastenkürzel').waitFor();
    await page.keyboard.press('Alt+Shift+K');
    await expect.poll(() => focusedName(page)).toBe('startsAt');
    // At midnight this morning (a held contact cannot lie in the future). Chromium orders the parts of a
    // date field by its own interface language (US English here), not by the page's.
    const [year, month, day] = today().split('-');
    await page.keyboard.type(`${month}${day}${year}`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('1200A');
    const contacts = page.getByRole('region', { name: 'Kontakte und Termine', exact: true });
    expect(await contacts.locator('[name="startsAt"]').inputValue()).toBe(`${today()}T00:00`);
    const tabTo = async (matches: () => Promise<boolean>, limit = 30) => {
      for (let i = 0; i < limit && !(await matches()); i++) await page.keyboard.press('Tab');
      expect(await matches()).toBe(true);
    };
    await tabTo(async () => (await focusedName(page)) === 'durationMinutes');
    await page.keyboard.type('20');
    await tabTo(async () => (await focusedName(page)) === 'note');
    await page.keyboard.type('Kitaplatz zugesagt');
    await tabTo(async () => (await focusedLabel(page)) === 'Kontakt speichern');
    const recorded = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.keyboard.press('Enter');
    expect((await recorded).status()).toBeLessThan(300);
    await status.waitFor();
    await contacts.getByRole('cell', { name: 'Kitaplatz zugesagt' }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Kontakt oder Termin erfassen');

    // A jump link leads to the case section; its "Bearbeiten" opens the form at the phase.
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => focusedLabel(page)).toBe('Fall');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('core-heading');
    await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe('Bearbeiten: Fall');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('phase');
    const core = page.getByRole('region', { name: 'Fall', exact: true });
    const before = await core.locator('[name="phase"]').inputValue();
    await page.keyboard.press(before === 'implementation' ? 'ArrowUp' : 'ArrowDown');
    const phase = await core.locator('[name="phase"]').inputValue();
    expect(phase).not.toBe(before);
    const phaseLabel = await core.locator(`[name="phase"] option[value="${phase}"]`).textContent();
    await tabTo(async () => (await focusedLabel(page)) === 'Speichern');
    const changed = page.waitForResponse((r) => r.request().method() === 'PATCH');
    await page.keyboard.press('Enter');
    expect((await changed).status()).toBe(200);
    await expect.poll(() => focusedLabel(page)).toBe('Bearbeiten: Fall');
    await core.getByText(phaseLabel!, { exact: true }).waitFor();
    await page.getByText(new RegExp(`· ${phaseLabel} ·`)).waitFor();
    await status.waitFor();

    // Both changes answered with what the page shows: the case was not read again.
    expect(caseReads).toEqual([]);
    await expectAccessible(page, 'case after recording a contact and changing the phase by keyboard');
    // No two landmarks or regions share a name (a best-practice rule, outside the WCAG tags).
    await page.keyboard.press('Alt+Shift+K');
    const landmarks = await new AxeBuilder({ page }).withRules(['landmark-unique']).analyze();
    expect(landmarks.violations.map((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
  });
});

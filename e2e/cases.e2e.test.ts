import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, signInThroughUi } from './browser.ts';

let browser: Browser;
let contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterEach(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  contexts = [];
});

afterAll(async () => {
  await browser?.close();
});

async function openPage(): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  return context.newPage();
}

/** The name attribute of the focused element. */
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('name') ?? '');

const today = () => new Date().toLocaleDateString('en-CA');

/** Clicks a save button and waits for the change and the case being loaded again. */
async function save(page: Page, button: Locator, method: string, urlPart: string): Promise<void> {
  const changed = page.waitForResponse((r) => r.request().method() === method && r.url().includes(urlPart));
  const reloaded = page.waitForResponse(
    (r) => r.request().method() === 'GET' && /\/api\/cases\/[0-9a-f-]{36}$/.test(new URL(r.url()).pathname),
  );
  await button.click();
  const response = await changed;
  expect(response.status(), `${method} ${urlPart}: ${await response.text()}`).toBeLessThan(300);
  await reloaded;
}

describe('a counsellor’s day in case management', () => {
  it('R-CASE-1..5, R-CASE-8: register a client, intake, analysis, plan with agreement, a contact, closure and search — axe clean', async () => {
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
    await page.getByLabel('Sprachen').fill('sr, de');
    await page.getByRole('button', { name: 'Familienangehörige/n hinzufügen' }).click();
    await expect.poll(() => focusedName(page)).toBe('familyMembers.0.relation');
    await page.getByLabel('Zugangsweg').selectOption({ label: 'Integrationskurs' });
    await expectAccessible(page, 'register a client');
    await page.getByRole('button', { name: 'Aufnehmen und Fall eröffnen' }).click();

    await page
      .getByRole('heading', { level: 1, name: /Katarina Müller-Dragan – Fall \d{4}-\d{5}/ })
      .waitFor();
    await expectAccessible(page, 'new case');

    // Sondierungsgespräch
    const intake = page.getByRole('region', { name: 'Sondierungsgespräch' });
    await intake.getByLabel('Anlass').fill('Anerkennung des Lehramtsstudiums');
    await intake.getByLabel('Anerkennung von Abschlüssen').check();
    await save(page, intake.getByRole('button', { name: 'Speichern' }), 'PUT', '/intake');

    // Sozial- und Kompetenzanalyse, health marked as special category
    const analysis = page.getByRole('region', { name: 'Sozial- und Kompetenzanalyse' });
    await analysis.getByLabel('Deutschkenntnisse').selectOption('B1');
    await analysis.getByLabel('Gesundheit (besondere Kategorie, Art. 9 DSGVO)').fill('keine Einschränkungen');
    await save(page, analysis.getByRole('button', { name: 'Speichern' }), 'PUT', '/analysis');
    await page.getByText(/· Sozial- und Kompetenzanalyse ·/).waitFor();

    // Förderplan: marking it agreed without date and form is refused, in German, at the fields
    const plan = page.getByRole('region', { name: 'Förderplan' });
    await plan.getByLabel('Anlass').fill('Anerkennung und Arbeit als Lehrerin');
    await plan.getByLabel('Ziel', { exact: true }).fill('Unterrichten an einer Grundschule');
    await plan.getByRole('button', { name: 'Ziel hinzufügen' }).click();
    await page.keyboard.type('Anerkennung beantragen');
    await plan.getByRole('button', { name: 'Schritt zu Ziel 1 hinzufügen' }).click();
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

    // A contact
    const contacts = page.getByRole('region', { name: 'Kontakte und Termine' });
    // Early this morning: a held contact cannot lie in the future.
    await contacts.getByLabel('Zeitpunkt').fill(`${today()}T00:30`);
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

  it('R-CASE-4, R-UX-2: the plan editor is used with the keyboard alone', async () => {
    const page = await openPage();
    await signInThroughUi(page, 'berater@caritas.example');
    await page.getByRole('link', { name: 'Meine Fälle' }).first().click();
    await page
      .getByRole('link', { name: /Elena Popescu/ })
      .first()
      .click();
    const plan = page.getByRole('region', { name: 'Förderplan' });
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
    await page.waitForResponse(
      (r) => r.request().method() === 'GET' && /\/api\/cases\/[0-9a-f-]{36}$/.test(r.url()),
    );
    expect(await page.locator('[name="goals.0.steps.0.title"]').inputValue()).toBe(
      'Kitaplatz beim Jugendamt anfragen',
    );
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

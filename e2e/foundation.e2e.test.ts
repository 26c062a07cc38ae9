import { Secret, TOTP } from 'otpauth';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityFeedbackEmail, accessibilityStatementDate } from '../src/web/lib/accessibility.ts';
import {
  demoPassword,
  expectAccessible,
  signInThroughUi,
  usePages,
  countRequests,
  fieldError,
} from './browser.ts';

/** A page in a fresh browser profile, closed after the test. */
const openPage = usePages();

const heading = (page: Page, name: string): Locator =>
  page.getByRole('heading', { level: 1, name, exact: true });

const mainNavigation = (page: Page, name = 'Hauptnavigation'): Locator =>
  page.getByRole('navigation', { name, exact: true });

const footerLink = (page: Page, name = 'Erklärung zur Barrierefreiheit'): Locator =>
  page.getByRole('contentinfo').getByRole('link', { name, exact: true });

/** Waits until the page's h1 says `name`. */
async function expectPage(page: Page, name: string): Promise<void> {
  await heading(page, name).waitFor();
}

/** Signs in through the sign-in page and waits for the dashboard. */
async function signIn(page: Page, email: string, password?: string): Promise<void> {
  await signInThroughUi(page, email, password);
  await expectPage(page, 'Übersicht');
}

/** The link texts of the main navigation. */
async function navigationItems(page: Page, name?: string): Promise<string[]> {
  const navigation = mainNavigation(page, name);
  await navigation.waitFor();
  return navigation.getByRole('link').allTextContents();
}

async function openFromNavigation(page: Page, item: string): Promise<void> {
  await mainNavigation(page).getByRole('link', { name: item, exact: true }).click();
  await expectPage(page, item);
}

/** Whether the element has the keyboard focus. */
const isFocused = (locator: Locator): Promise<boolean> =>
  locator.evaluate((element) => element === document.activeElement);

/**
 * A current security code that differs from `used`: when the authenticator would still show
 * the same code, the next step's code (accepted for clock drift) is taken instead.
 */
function freshCode(totp: TOTP, used: string): string {
  const now = totp.generate();
  return now !== used ? now : totp.generate({ timestamp: Date.now() + totp.period * 1000 });
}

/** On the Benutzer page: invites a counsellor and returns the invitation link shown. */
async function invitePerson(
  page: Page,
  person: { name: string; email: string },
  options: { checkAccessible?: boolean } = {},
): Promise<string> {
  await page.getByRole('button', { name: 'Person einladen', exact: true }).click();
  const form = page.getByRole('region', { name: 'Person einladen', exact: true });
  await form.getByLabel('E-Mail-Adresse', { exact: true }).fill(person.email);
  await form.getByLabel('Name', { exact: true }).fill(person.name);
  await form.getByRole('checkbox', { name: 'Berater/in', exact: true }).check();
  if (options.checkAccessible) await expectAccessible(page, 'invitation form');
  await form.getByRole('button', { name: 'Einladung senden', exact: true }).click();
  const link = page.getByLabel('Einladungslink', { exact: true });
  await link.waitFor();
  return link.inputValue();
}

describe('Koop in the browser: sign-in, roles, administration, language and accessibility', () => {
  it('R-SEC-3: a counsellor sets up the second factor and from then on signs in with a security code', async () => {
    const page = await openPage();
    await page.goto('/anmelden');
    await expectPage(page, 'Anmelden');
    await expectAccessible(page, 'sign-in');

    await signIn(page, 'jmd@awo.example');
    await expectAccessible(page, 'dashboard');
    await openFromNavigation(page, 'Mein Konto');

    // Changing how the account signs in asks for the password again.
    const secondFactor = page.getByRole('region', { name: 'Zweiter Faktor', exact: true });
    await secondFactor.getByRole('button', { name: 'Einrichtung starten', exact: true }).click();
    await secondFactor.getByText('Bitte geben Sie Ihr Passwort ein.', { exact: true }).waitFor();
    await secondFactor.getByLabel('Aktuelles Passwort', { exact: true }).fill('falsch-falsch');
    await secondFactor.getByRole('button', { name: 'Einrichtung starten', exact: true }).click();
    await secondFactor.getByText('Das aktuelle Passwort ist falsch.', { exact: true }).waitFor();
    await secondFactor.getByLabel('Aktuelles Passwort', { exact: true }).fill(demoPassword);
    await secondFactor.getByRole('button', { name: 'Einrichtung starten', exact: true }).click();
    const secretField = page.getByLabel('Schlüssel zur manuellen Eingabe', { exact: true });
    await secretField.waitFor();
    const totp = new TOTP({ secret: Secret.fromBase32(await secretField.inputValue()) });
    await expectAccessible(page, 'second-factor setup');
    const enrolmentCode = totp.generate();
    await page.getByLabel('Sicherheitscode', { exact: true }).fill(enrolmentCode);
    await page.getByRole('button', { name: 'Bestätigen', exact: true }).click();

    const recoveryCodes = page.getByRole('region', { name: 'Ihre Wiederherstellungscodes' });
    await recoveryCodes.waitFor();
    expect(await recoveryCodes.getByRole('listitem').count()).toBeGreaterThanOrEqual(8);
    await expectAccessible(page, 'recovery codes');
    await recoveryCodes.getByRole('button', { name: 'Ich habe die Codes gesichert', exact: true }).click();
    await page.getByText('Status: eingerichtet', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Abmelden', exact: true }).click();
    await expectPage(page, 'Anmelden');
    await page.getByText('Sie wurden abgemeldet.', { exact: true }).waitFor();

    await signInThroughUi(page, 'jmd@awo.example');
    await page.getByRole('heading', { name: 'Anmeldung bestätigen', exact: true }).waitFor();
    await expectAccessible(page, 'security code step');
    // The server's rule for the code runs before sending: a short code is refused at its field.
    const codeLogins = countRequests(page, 'POST', /^\/api\/auth\/login\/totp$/);
    const codeField = page.getByLabel('Sicherheitscode', { exact: true });
    await codeField.fill('123');
    await page.getByRole('button', { name: 'Bestätigen', exact: true }).click();
    await page.getByText('Bitte den sechsstelligen Code eingeben.', { exact: true }).waitFor();
    expect(await fieldError(codeField)).toBe('Bitte den sechsstelligen Code eingeben.');
    expect(codeLogins()).toBe(0);
    await codeField.fill(freshCode(totp, enrolmentCode));
    await page.getByRole('button', { name: 'Bestätigen', exact: true }).click();
    await expectPage(page, 'Übersicht');
    await page.getByText('Willkommen, Jonas Jugend.', { exact: true }).waitFor();
    expect(codeLogins()).toBe(1);
  });

  it('R-RED-4: every page a partner account reaches says that counselling is independent; a counsellor’s pages do not need it', async () => {
    const notice = (page: Page) =>
      page.getByRole('complementary', { name: 'Unabhängigkeit der Migrationsberatung', exact: true });
    for (const email of ['pap@jobcenter.example', 'sachbearbeitung@abh.example']) {
      const page = await openPage();
      await signIn(page, email);
      const items = await navigationItems(page);
      expect(items.length).toBeGreaterThan(2);
      for (const item of items) {
        await mainNavigation(page).getByRole('link', { name: item, exact: true }).click();
        await page.locator('main h1').first().waitFor();
        await notice(page).getByText('unabhängig von Behörden', { exact: false }).waitFor();
        expect(await notice(page).count(), `${email}: ${item}`).toBe(1);
      }
      await expectAccessible(page, `${email} with the independence notice`);
    }
    const counsellor = await openPage();
    await signIn(counsellor, 'berater@awo.example');
    expect(await notice(counsellor).count()).toBe(0);
  });

  it('R-ORG-4: partner staff have no user administration or audit log in the navigation', async () => {
    const page = await openPage();
    await signIn(page, 'pap@jobcenter.example');
    const items = await navigationItems(page);
    expect(items).toContain('Meine Organisation');
    expect(items).not.toContain('Benutzer');
    expect(items).not.toContain('Protokoll');
    expect(items).not.toContain('Organisationen');

    await openFromNavigation(page, 'Meine Organisation');
    await page
      .getByRole('region', { name: 'Stammdaten', exact: true })
      .getByText('Jobcenter Musterstadt')
      .first()
      .waitFor();
    // Partner staff may not see their colleagues, so no (seemingly empty) list of contacts appears.
    expect(await page.getByRole('region', { name: 'Zentrale Ansprechpersonen' }).count()).toBe(0);
    await expectAccessible(page, 'partner organisation');

    // The address alone does not open a page the navigation does not offer.
    await page.goto('/benutzer');
    await expectPage(page, 'Seite nicht gefunden');
  });

  it('R-ORG-4, R-ORG-3: an organisation administrator finds Benutzer, Beratungsstellen and Protokoll, and the central contacts', async () => {
    const page = await openPage();
    await signIn(page, 'admin@awo.example');
    const items = await navigationItems(page);
    expect(items).toEqual(expect.arrayContaining(['Benutzer', 'Beratungsstellen', 'Protokoll']));
    expect(items).not.toContain('Organisationen');
    await footerLink(page).waitFor();

    await openFromNavigation(page, 'Beratungsstellen');
    await page.getByRole('table').waitFor();
    await expectAccessible(page, 'offices');

    await openFromNavigation(page, 'Meine Organisation');
    const contacts = page.getByRole('region', { name: 'Zentrale Ansprechpersonen', exact: true });
    await contacts.getByRole('rowheader', { name: 'Lena Leitung', exact: true }).waitFor();
    await expectAccessible(page, 'own organisation');
  });

  it('R-SEC-4, R-ORG-1: a new organisation is checked with the server’s own rules — name, kind, postcode and e-mail at their fields on the first submit, nothing sent', async () => {
    const page = await openPage();
    await signIn(page, 'admin@koop.example');
    let sent = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/api\/organisations$/.test(request.url())) sent += 1;
    });
    await page.goto('/organisationen/neu');
    await expectPage(page, 'Neue Organisation');
    const form = page.getByRole('region', { name: 'Neue Organisation', exact: true });
    await form.getByLabel('Name der Organisation', { exact: true }).fill('X');
    await form.getByLabel('Postleitzahl', { exact: true }).fill('1234');
    await form.getByLabel('E-Mail-Adresse', { exact: true }).fill('poststelle');
    await form.getByRole('button', { name: 'Organisation anlegen', exact: true }).click();

    await form.getByText('Bitte mindestens 2 Zeichen eingeben.', { exact: true }).waitFor();
    await form.getByText('Bitte einen Wert aus der Liste wählen.', { exact: true }).waitFor();
    await form.getByText('Bitte eine fünfstellige Postleitzahl angeben.', { exact: true }).waitFor();
    await form.getByText('Bitte eine gültige E-Mail-Adresse angeben.', { exact: true }).waitFor();
    for (const label of ['Name der Organisation', 'Art', 'Postleitzahl', 'E-Mail-Adresse'])
      expect(await form.getByLabel(label, { exact: true }).getAttribute('aria-invalid'), label).toBe('true');
    expect(await isFocused(form.getByLabel('Name der Organisation', { exact: true }))).toBe(true);
    await expectAccessible(page, 'new organisation with problems');
    expect(sent).toBe(0);
  });

  it('R-ORG-1: the system administration finds Organisationen in the navigation', async () => {
    const page = await openPage();
    await signIn(page, 'admin@koop.example');
    expect(await navigationItems(page)).toContain('Organisationen');
    await openFromNavigation(page, 'Organisationen');
    await page.getByRole('table').waitFor();
    await expectAccessible(page, 'organisations');
  });

  it('R-UX-2: at phone width the navigation opens from the Menü button and closes after choosing a page', async () => {
    const page = await openPage({ phone: true });
    await signIn(page, 'berater@awo.example');
    const menu = page.getByRole('button', { name: 'Menü', exact: true });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await mainNavigation(page).isVisible()).toBe(false);

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await mainNavigation(page).waitFor();
    await expectAccessible(page, 'open menu at phone width');

    await openFromNavigation(page, 'Mein Konto');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await mainNavigation(page).isVisible()).toBe(false);
  });

  it('R-ORG-4, R-SEC-3: an administrator invites a person who activates the account; role changes and deactivation end their access', async () => {
    const person = { name: 'Nora Neumann', email: 'nora.neumann@awo.example' };
    const password = 'Sonnenblume-Neu-2026';
    const admin = await openPage();
    await signIn(admin, 'admin@awo.example');
    await openFromNavigation(admin, 'Benutzer');
    await admin.getByRole('table').waitFor();
    await expectAccessible(admin, 'users');
    const invitationUrl = await invitePerson(admin, person, { checkAccessible: true });
    expect(invitationUrl).toMatch(/\/einladung\/[^/]+$/);

    const invitee = await openPage();
    await invitee.goto(new URL(invitationUrl).pathname);
    await expectPage(invitee, 'Einladung annehmen');
    await invitee.getByText(`Guten Tag ${person.name}`).waitFor();
    await footerLink(invitee).waitFor();
    await expectAccessible(invitee, 'invitation');
    await invitee.getByLabel('Neues Passwort', { exact: true }).fill(password);
    await invitee.getByLabel('Neues Passwort wiederholen', { exact: true }).fill(password);
    await invitee.getByRole('button', { name: 'Konto aktivieren', exact: true }).click();
    await expectPage(invitee, 'Anmelden');
    await invitee.getByText('Ihr Konto ist eingerichtet.', { exact: false }).waitFor();
    expect(await invitee.getByLabel('E-Mail-Adresse', { exact: true }).inputValue()).toBe(person.email);
    await invitee.getByLabel('Passwort', { exact: true }).fill(password);
    await invitee.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await expectPage(invitee, 'Übersicht');
    await invitee.getByText(`Willkommen, ${person.name}.`, { exact: true }).waitFor();

    // The administrator sees the account active and adds a role.
    await admin.reload();
    const row = admin.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: person.name }) });
    await row.getByRole('cell', { name: 'Aktiv', exact: true }).waitFor();
    await row.getByRole('button', { name: `Bearbeiten: ${person.name}`, exact: true }).click();
    const editor = admin.getByRole('region', { name: `Benutzer bearbeiten: ${person.name}`, exact: true });
    await editor.getByRole('checkbox', { name: 'Teamleitung', exact: true }).check();
    await expectAccessible(admin, 'edit user');
    await editor.getByRole('button', { name: 'Speichern', exact: true }).click();
    await row.getByRole('cell', { name: 'Berater/in, Teamleitung', exact: true }).waitFor();

    // Deactivation asks first, then ends the person's open session.
    await row.getByRole('button', { name: `Deaktivieren: ${person.name}`, exact: true }).click();
    await row.getByRole('button', { name: 'Ja, deaktivieren', exact: true }).click();
    await row.getByRole('cell', { name: 'Deaktiviert', exact: true }).waitFor();

    await mainNavigation(invitee).getByRole('link', { name: 'Mein Konto', exact: true }).click();
    await expectPage(invitee, 'Anmelden');
    await signInThroughUi(invitee, person.email, password);
    await invitee.getByRole('alert').getByText('E-Mail-Adresse oder Passwort ist falsch.').waitFor();
  });

  it('R-SEC-4: the invitation form checks with the server’s own rules: every problem at its field on the first submit, nothing sent', async () => {
    const admin = await openPage();
    await signIn(admin, 'admin@awo.example');
    await openFromNavigation(admin, 'Benutzer');
    await admin.getByRole('table').waitFor();
    let sent = 0;
    admin.on('request', (request) => {
      if (request.method() === 'POST' && /\/api\/organisations\/[^/]+\/users$/.test(request.url())) sent += 1;
    });
    await admin.getByRole('button', { name: 'Person einladen', exact: true }).click();
    const form = admin.getByRole('region', { name: 'Person einladen', exact: true });
    await form.getByLabel('E-Mail-Adresse', { exact: true }).fill('nora.neumann');
    await form.getByLabel('Name', { exact: true }).fill(' N ');
    await form.getByRole('button', { name: 'Einladung senden', exact: true }).click();

    const email = form.getByLabel('E-Mail-Adresse', { exact: true });
    await form.getByText('Bitte eine gültige E-Mail-Adresse angeben.', { exact: true }).waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await isFocused(email)).toBe(true);
    expect(await form.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await form.getByText('Bitte mindestens 2 Zeichen eingeben.', { exact: true }).waitFor();
    await form.getByText('Bitte mindestens eine Rolle wählen.', { exact: true }).waitFor();
    await expectAccessible(admin, 'invitation form with problems');
    expect(sent).toBe(0);

    // Corrected, the same form sends once.
    await email.fill('nora.neu@awo.example');
    await form.getByLabel('Name', { exact: true }).fill('Nora Neu');
    await form.getByRole('checkbox', { name: 'Berater/in', exact: true }).check();
    await form.getByRole('button', { name: 'Einladung senden', exact: true }).click();
    await admin.getByLabel('Einladungslink', { exact: true }).waitFor();
    expect(sent).toBe(1);
  });

  it('R-SEC-4, R-UX-2: the password change checks with the server’s own rules: every problem at its field on the first submit, nothing sent', async () => {
    const page = await openPage();
    await signIn(page, 'berater@caritas.example');
    await openFromNavigation(page, 'Mein Konto');
    const section = page.getByRole('region', { name: 'Passwort ändern', exact: true });
    const sent = countRequests(page, 'POST', /^\/api\/auth\/password$/);
    const current = section.getByLabel('Aktuelles Passwort', { exact: true });
    const next = section.getByLabel('Neues Passwort', { exact: true });
    const repeat = section.getByLabel('Neues Passwort wiederholen', { exact: true });
    await next.fill('zu-kurz');
    await repeat.fill('zu-kurz-anders');
    await section.getByRole('button', { name: 'Passwort ändern', exact: true }).click();

    // The server schema's message for the empty field, the browser's for length and repetition.
    await section.getByText('Bitte ausfüllen.', { exact: true }).waitFor();
    expect(await fieldError(current)).toBe('Bitte ausfüllen.');
    expect(await fieldError(next)).toBe('Mindestens 12 Zeichen.');
    expect(await fieldError(repeat)).toBe('Die beiden Passwörter stimmen nicht überein.');
    for (const field of [current, next, repeat])
      expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await isFocused(current)).toBe(true);
    await section
      .getByRole('alert')
      .getByText('Die Eingabe ist ungültig. Bitte prüfen Sie die markierten Felder.')
      .waitFor();
    await expectAccessible(page, 'password form with problems');
    expect(sent()).toBe(0);

    // Complete, the form sends once; the server then judges the current password.
    await current.fill('nicht-das-richtige');
    await next.fill('Sonnenblume-Neu-2026');
    await repeat.fill('Sonnenblume-Neu-2026');
    await section.getByRole('button', { name: 'Passwort ändern', exact: true }).click();
    await section.getByText('Das aktuelle Passwort ist falsch.', { exact: true }).waitFor();
    expect(sent()).toBe(1);
    expect(await fieldError(repeat)).toBeNull();
  });

  it('R-SEC-4, R-SEC-3: the token form checks with the server’s own rules, and a new token joins the list without reading it again', async () => {
    const page = await openPage();
    await signIn(page, 'clearing@awo.example');
    await openFromNavigation(page, 'Mein Konto');
    const section = page.getByRole('region', { name: 'Persönliche API-Tokens', exact: true });
    // The list has loaded: the table, or the note that there are no tokens yet.
    await section
      .getByRole('table', { name: 'Ihre API-Tokens' })
      .or(section.getByText('Sie haben noch keine API-Tokens.', { exact: true }))
      .waitFor();
    const created = countRequests(page, 'POST', /^\/api\/auth\/tokens$/);
    const listed = countRequests(page, 'GET', /^\/api\/auth\/tokens$/);
    const name = section.getByLabel('Bezeichnung', { exact: true });
    await name.fill('   ');
    await section.getByRole('button', { name: 'Token erstellen', exact: true }).click();
    await section.getByText('Bitte ausfüllen.', { exact: true }).waitFor();
    expect(await fieldError(name)).toBe('Bitte ausfüllen.');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await isFocused(name)).toBe(true);
    await expectAccessible(page, 'token form with problems');
    expect(created()).toBe(0);

    const tokenName = `Auswertung ${Date.now()}`;
    await name.fill(tokenName);
    await section.getByRole('button', { name: 'Token erstellen', exact: true }).click();
    await section.getByLabel('Neues API-Token', { exact: true }).waitFor();
    const row = section.getByRole('row').filter({ has: page.getByRole('rowheader', { name: tokenName }) });
    await row.getByRole('cell', { name: 'Aktiv', exact: true }).waitFor();
    expect(created()).toBe(1);
    expect(listed()).toBe(0);
    expect(await name.inputValue()).toBe('');

    // Revoking answers with nothing, so the list is read again and shows the row revoked.
    await row.getByRole('button', { name: `Widerrufen: ${tokenName}`, exact: true }).click();
    await row.getByRole('button', { name: 'Ja, widerrufen', exact: true }).click();
    await row.getByRole('cell', { name: 'Widerrufen', exact: true }).waitFor();
    expect(listed()).toBe(1);
  });

  it('R-SEC-4, R-SEC-3: the sign-in and security-code forms check with the server’s own rules before sending', async () => {
    const page = await openPage();
    await page.goto('/anmelden');
    await expectPage(page, 'Anmelden');
    const logins = countRequests(page, 'POST', /^\/api\/auth\/login$/);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    const email = page.getByLabel('E-Mail-Adresse', { exact: true });
    await page.getByText('Bitte ausfüllen.', { exact: true }).first().waitFor();
    expect(await fieldError(email)).toBe('Bitte ausfüllen.');
    expect(await fieldError(page.getByLabel('Passwort', { exact: true }))).toBe('Bitte ausfüllen.');
    expect(await isFocused(email)).toBe(true);
    await expectAccessible(page, 'sign-in with problems');
    expect(logins()).toBe(0);
  });

  it('R-UX-2: marking a notification as read updates the list and the unread count without reading them again', async () => {
    const page = await openPage();
    await signIn(page, 'berater@caritas.example');
    await openFromNavigation(page, 'Benachrichtigungen');
    const markButtons = page.getByRole('button', { name: /^Als gelesen markieren: / });
    await markButtons.first().waitFor();
    const before = await markButtons.count();
    const intro = page.getByText(/^\d+ ungelesene Benachrichtigung/);
    const unread = Number((await intro.innerText()).split(' ')[0]);
    const title = ((await markButtons.first().getAttribute('aria-label')) ?? '').replace(
      'Als gelesen markieren: ',
      '',
    );
    const listed = countRequests(page, 'GET', /^\/api\/notifications$/);
    const marked = countRequests(page, 'POST', /^\/api\/notifications\/read$/);

    await markButtons.first().click();
    await page.getByText(`„${title}“ ist als gelesen markiert.`, { exact: true }).waitFor();
    // The marked notice leaves the unread list; the count is the server's answer.
    await expect.poll(() => markButtons.count()).toBe(before - 1);
    expect(
      await page.getByRole('button', { name: `Als gelesen markieren: ${title}`, exact: true }).count(),
    ).toBe(0);
    if (unread > 1)
      await page.getByText(`${unread - 1} ungelesene Benachrichtigung`, { exact: false }).waitFor();
    expect(marked()).toBe(1);
    expect(listed()).toBe(0);
  });

  it('R-UX-1: the interface switches to English and back, with <html lang> and the navigation following', async () => {
    const page = await openPage();
    await signIn(page, 'berater@caritas.example');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    const languages = page.getByRole('group', { name: 'Sprache', exact: true });

    await languages.getByRole('button', { name: 'English', exact: true }).click();
    await expectPage(page, 'Overview');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await navigationItems(page, 'Main navigation')).toEqual(
      expect.arrayContaining(['Overview', 'My organisation', 'My account']),
    );
    await page.getByRole('link', { name: 'Skip to content', exact: true }).waitFor({ state: 'attached' });
    await expectAccessible(page, 'dashboard in English');

    // The choice is kept in the profile: it survives a reload.
    await page.reload();
    await expectPage(page, 'Overview');
    const english = page.getByRole('group', { name: 'Language', exact: true });
    expect(await english.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

    await english.getByRole('button', { name: 'Deutsch', exact: true }).click();
    await expectPage(page, 'Übersicht');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await navigationItems(page)).toEqual(expect.arrayContaining(['Übersicht', 'Mein Konto']));
  });

  it('R-SEC-1: the administration filters the audit log by person and sees what was just done', async () => {
    const page = await openPage();
    await signIn(page, 'admin@awo.example');
    await openFromNavigation(page, 'Benutzer');
    await invitePerson(page, { name: 'Paul Protokoll', email: 'paul.protokoll@awo.example' });

    await openFromNavigation(page, 'Protokoll');
    await page.getByRole('table').waitFor();
    await page
      .getByLabel('Person', { exact: true })
      .selectOption({ label: 'Anton Admin (admin@awo.example)' });
    await page.getByRole('button', { name: 'Filter anwenden', exact: true }).click();
    await page.waitForURL(/actorUserId=/);

    // Each row says in a sentence who did what; no codes.
    const log = page.getByRole('table');
    const actors = log.locator('tbody td:nth-of-type(1) strong');
    await expect.poll(async () => new Set(await actors.allTextContents())).toEqual(new Set(['Anton Admin']));
    const events = await log.locator('tbody td:nth-of-type(1)').allTextContents();
    expect(events).toEqual(
      expect.arrayContaining([
        'Anton Admin hat eine Person eingeladen',
        'Anton Admin hat die Benutzerliste geöffnet',
        'Anton Admin hat sich angemeldet',
      ]),
    );
    expect(events.filter((event) => /[a-z]+\.[a-z_]+/.test(event))).toEqual([]);
    await expectAccessible(page, 'audit log');
  });

  it('R-UX-2: signing in works with the keyboard alone, and the skip link leads to the main content', async () => {
    const page = await openPage();
    await page.goto('/anmelden');
    await expectPage(page, 'Anmelden');

    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Zum Inhalt springen', exact: true });
    expect(await isFocused(skipLink)).toBe(true);
    expect(await skipLink.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await isFocused(page.getByRole('main'))).toBe(true);

    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByLabel('E-Mail-Adresse', { exact: true }))).toBe(true);
    await page.keyboard.type('clearing@awo.example');
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByLabel('Passwort', { exact: true }))).toBe(true);
    await page.keyboard.type('Koop-Demo-2026');
    await page.keyboard.press('Enter');
    await expectPage(page, 'Übersicht');
    // After the page changes, its heading has the focus and is announced.
    expect(await isFocused(heading(page, 'Übersicht'))).toBe(true);

    await page.reload();
    await expectPage(page, 'Übersicht');
    await page.keyboard.press('Tab');
    expect(await isFocused(skipLink)).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() =>
      document.querySelector('main')?.contains(document.activeElement),
    );
    expect(inMain).toBe(true);
  });

  it('R-UX-2: the accessibility statement is public, linked in the footer of every page, and in German and English', async () => {
    const page = await openPage();
    await page.goto('/anmelden');
    await expectPage(page, 'Anmelden');
    await footerLink(page).click();
    await expectPage(page, 'Erklärung zur Barrierefreiheit');
    expect(new URL(page.url()).pathname).toBe('/barrierefreiheit');
    await expectAccessible(page, 'accessibility statement');

    const text = await page.getByRole('main').innerText();
    const date = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${accessibilityStatementDate}T00:00:00Z`),
    );
    for (const expected of ['WCAG 2.1', 'EN 301 549', 'BITV 2.0', 'teilweise', 'PDF/UA', '§ 16', date]) {
      expect(text).toContain(expected);
    }
    const feedback = page.getByRole('link', { name: accessibilityFeedbackEmail, exact: true });
    expect(await feedback.getAttribute('href')).toBe(`mailto:${accessibilityFeedbackEmail}`);

    // Reachable directly, without signing in.
    await page.goto('/barrierefreiheit');
    await expectPage(page, 'Erklärung zur Barrierefreiheit');

    await page.getByRole('group', { name: 'Sprache' }).getByRole('button', { name: 'English' }).click();
    await expectPage(page, 'Accessibility statement');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await footerLink(page, 'Accessibility statement').waitFor();
    await expectAccessible(page, 'accessibility statement in English');
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Deutsch' }).click();
    await expectPage(page, 'Erklärung zur Barrierefreiheit');
  });
});

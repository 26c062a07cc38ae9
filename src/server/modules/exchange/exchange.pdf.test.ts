import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../../test/pdf.ts';
import { documentLanguages, type DocumentLanguage } from '../../documents/languages.ts';
import { documentTexts } from '../../documents/texts/index.ts';
import { defaultCategories } from '../cases/cases.categories.ts';
import {
  renderClientCopy,
  renderConsentForm,
  type ClientCopyData,
  type ConsentFormData,
  type PurposeOnForm,
} from './exchange.pdf.ts';
import {
  consentDirections,
  reviewedPurposes,
  consentRepetitions,
  dataCategories,
  dataCategoryNames,
  messageKinds,
} from './exchange.values.ts';

/**
 * The consent form and the client copy, read back the way a PDF viewer reads them. Text is
 * compared without whitespace, bidi marks and brackets: table cells and paragraphs wrap, and a
 * reader mirrors brackets and adds direction marks on a right-to-left page. Where a paragraph
 * in two columns runs onto the next page, the reader interleaves the columns, so a text also
 * counts as present when its words come in order close together. Arabic glyphs do not come
 * back from the PDF letter by letter, so the Arabic documents are checked by their font, their
 * script and the Latin words inside the Arabic sentences (§ 87 AufenthG, …); the Ukrainian
 * documents show that every text stands in the client's language too.
 */

const de = documentTexts.de;
const uk = documentTexts.uk;

/** A purpose of the default list, as a consent signed with it carries it. */
function listed(code: string, text: string | null = null): PurposeOnForm {
  const entry = defaultCategories.consentPurposes.find((e) => e.code === code)!;
  return { code, label: { de: entry.de, en: entry.en }, text };
}

const normalise = (text: string) => text.replace(/[\s\u061c\u200e\u200f\u2066-\u2069()]/g, '');

interface Read {
  flat: string;
  fonts: string[];
}

async function read(pdf: Buffer): Promise<Read> {
  const content = await readPdf(pdf);
  return { flat: normalise(content.text), fonts: content.fonts };
}

/** Whether the words of `text` stand in `flat` in order, with little else between them. */
function inOrder(flat: string, text: string): boolean {
  const words = text.split(/\s+/).map(normalise).filter(Boolean);
  const window = normalise(text).length * 2 + 600;
  for (let start = flat.indexOf(words[0] ?? ''); start >= 0; start = flat.indexOf(words[0]!, start + 1)) {
    let at = start;
    const found = words.every((word) => {
      const next = flat.indexOf(word, at);
      if (next < 0 || next - start > window) return false;
      at = next + word.length;
      return true;
    });
    if (found) return true;
  }
  return false;
}

const present = (doc: Read, text: string) => doc.flat.includes(normalise(text)) || inOrder(doc.flat, text);

const occurrences = (doc: Read, text: string) => doc.flat.split(normalise(text)).length - 1;

function expectAll(doc: Read, texts: string[]) {
  for (const text of texts) expect(present(doc, text), `missing: ${text}`).toBe(true);
}

function expectNone(doc: Read, texts: string[]) {
  for (const text of texts) expect(present(doc, text), `present: ${text}`).toBe(false);
}

/** A date as the documents print it for a language: Berlin time, Gregorian calendar. */
const dateIn = (language: DocumentLanguage, iso: string, withTime = false) =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
    timeZone: 'Europe/Berlin',
    calendar: 'gregory',
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));

const arabicScript = /[\u0600-\u06FF]/;
const otherScripts = /[\u0400-\u04FF\u0600-\u06FF]/;

const jobcenterForm = (language: DocumentLanguage): ConsentFormData => ({
  language,
  client: { name: 'Amira Haddad', birthDate: '1990-04-12' },
  provider: {
    name: 'Diakonisches Werk Musterstadt e. V.',
    address: 'Kirchplatz 3, 12345 Musterstadt',
    dataProtectionLaw: 'dsg_ekd',
    state: 'NW',
  },
  office: { name: 'MBE Musterstadt-Mitte', address: 'Lindenstraße 5, 12345 Musterstadt' },
  recipient: {
    organisationName: 'Jobcenter Musterstadt',
    organisationKind: 'jobcenter',
    teamName: 'Team Integration Süd',
    personName: 'Petra Berger',
  },
  purpose: listed(
    'integration_jobcenter',
    'Abstimmung über den Kooperationsplan und die Suche nach einem Berufssprachkurs',
  ),
  categories: ['health', 'identity_contact', 'language_courses', 'analysis_results'],
  direction: 'both',
  repetition: 'repeated',
  validFrom: '2026-03-02',
  validUntil: '2027-03-01',
  takenBy: 'Jana Beispiel',
  date: '2026-03-02',
});

const courseProviderForm = (language: DocumentLanguage): ConsentFormData => ({
  ...jobcenterForm(language),
  provider: {
    name: 'Caritasverband Musterstadt e. V.',
    address: null,
    dataProtectionLaw: 'dsgvo',
    state: 'BY',
  },
  office: null,
  recipient: {
    organisationName: 'Sprachschule Lingua',
    organisationKind: 'course_provider',
    teamName: 'Kursbüro Integrationskurse',
    personName: null,
  },
  purpose: listed('course_participation'),
  categories: ['identity_contact', 'course_attendance'],
  direction: 'to_partner',
  repetition: 'once',
});

/** Every fixed text of the Jobcenter form in one language, values filled in. */
function jobcenterFormTexts(language: DocumentLanguage): string[] {
  const t = documentTexts[language];
  const x = t.exchange;
  const c = x.consent;
  const data = jobcenterForm(language);
  return [
    c.title,
    c.intro,
    c.release,
    c.createdOn(dateIn(language, data.date)),
    c.clientHeading,
    t.person.birthDate,
    dateIn(language, '1990-04-12'),
    c.providerHeading,
    c.provider,
    c.office,
    c.recipientHeading,
    c.recipientOnly,
    x.organisation,
    x.team,
    x.contactPerson,
    c.categoriesHeading,
    c.categoriesOnly,
    ...(['identity_contact', 'language_courses', 'analysis_results', 'health'] as const).flatMap((code) => [
      x.categories[code].label,
      x.categories[code].explanation,
    ]),
    c.specialHeading,
    c.special,
    c.purposeHeading,
    x.purposes.integration_jobcenter,
    c.purposeOnly,
    x.directions.both,
    x.repetitions.repeated,
    c.validity(dateIn(language, data.validFrom), dateIn(language, data.validUntil)),
    c.voluntary,
    c.withdrawal,
    x.withdrawalHow,
    c.noticeHeading,
    c.jobcenterFile,
    c.publicBodies,
    x.dataProtectionHeading,
    t.law.dsg_ekd,
    t.art15.authority,
    x.complaint,
    c.signaturesHeading,
    c.declaration,
    c.placeDate,
    c.clientSignature('Amira Haddad'),
    c.staffSignature('Jana Beispiel'),
  ];
}

/** The data of the Jobcenter form, printed once as given. */
const jobcenterFormData = [
  'Amira Haddad',
  'Diakonisches Werk Musterstadt e. V.',
  'Kirchplatz 3, 12345 Musterstadt',
  'MBE Musterstadt-Mitte',
  'Lindenstraße 5, 12345 Musterstadt',
  'Jobcenter Musterstadt',
  'Team Integration Süd',
  'Petra Berger',
  'Abstimmung über den Kooperationsplan und die Suche nach einem Berufssprachkurs',
  'Der Beauftragte für den Datenschutz der EKD',
  'https://datenschutz.ekd.de',
];

describe('consent form', () => {
  it('R-CON-2, R-CON-7: the German consent form for a Jobcenter team holds every element of a release from confidentiality', async () => {
    const doc = await read(renderConsentForm(jobcenterForm('de')));
    expectAll(doc, [...jobcenterFormTexts('de'), ...jobcenterFormData, '§ 87 AufenthG']);
    // Exactly the chosen categories, no others.
    expectNone(doc, [
      de.exchange.categories.residence_status.label,
      de.exchange.categories.family_situation.label,
      de.exchange.categories.work_experience.label,
    ]);
    // German only: no second language beside it.
    expect(doc.flat).not.toMatch(otherScripts);
    expect(doc.flat).not.toContain(normalise(documentTexts.en.exchange.consent.voluntary));
  });

  it('R-CON-2: health is printed apart as a special category (Art. 9 DSGVO), after the other data', async () => {
    const doc = await read(renderConsentForm(jobcenterForm('de')));
    const x = de.exchange;
    const special = doc.flat.indexOf(normalise(x.consent.specialHeading));
    const health = doc.flat.indexOf(normalise(x.categories.health.label));
    expect(special).toBeGreaterThan(doc.flat.indexOf(normalise(x.categories.analysis_results.explanation)));
    expect(health).toBeGreaterThan(special);
    expect(doc.flat.indexOf(normalise(x.consent.purposeHeading))).toBeGreaterThan(health);
    expect(occurrences(doc, x.categories.health.label)).toBe(1);
  });

  it('R-CON-2, R-UX-1: the consent form in Ukrainian holds every element in German and in Ukrainian', async () => {
    const doc = await read(renderConsentForm(jobcenterForm('uk')));
    expectAll(doc, [...jobcenterFormTexts('de'), ...jobcenterFormTexts('uk'), ...jobcenterFormData]);
    // User text stands once; § 87 AufenthG in both languages.
    expect(occurrences(doc, 'Abstimmung über den Kooperationsplan')).toBe(1);
    expect(occurrences(doc, '§ 87 AufenthG')).toBe(2);
  });

  it('R-CON-2, R-UX-1: the consent form in Arabic holds the German text and the Arabic beside it, set in NotoSansArabic', async () => {
    const doc = await read(renderConsentForm(jobcenterForm('ar')));
    expect(doc.fonts.some((font) => font.startsWith('NotoSansArabic'))).toBe(true);
    expect(doc.flat).toMatch(arabicScript);
    expectAll(doc, [...jobcenterFormTexts('de'), ...jobcenterFormData]);
    // The Latin words of the Arabic sentences: the Jobcenter file, § 87 AufenthG, the ABH.
    expect(occurrences(doc, '§ 87 AufenthG')).toBe(2);
    expect(occurrences(doc, 'Leistungsminderungen')).toBe(2);
    expect(occurrences(doc, 'Ausländerbehörde')).toBe(2);
    // The client's name and the team are user text and stand once in their rows.
    expect(occurrences(doc, 'Team Integration Süd')).toBe(1);
  });

  it('R-CON-2, R-CON-7: for a course provider the form says nothing of a Jobcenter file or § 87 AufenthG, and without health no special category', async () => {
    for (const language of ['de', 'uk'] as const) {
      const doc = await read(renderConsentForm(courseProviderForm(language)));
      const t = documentTexts[language];
      const x = t.exchange;
      expectAll(doc, [
        'Sprachschule Lingua',
        'Kursbüro Integrationskurse',
        x.categories.identity_contact.label,
        x.categories.course_attendance.label,
        x.categories.course_attendance.explanation,
        x.purposes.course_participation,
        x.directions.to_partner,
        x.repetitions.once,
        x.consent.voluntary,
        x.consent.withdrawal,
        x.withdrawalHow,
        t.law.dsgvo,
        'Bayerisches Landesamt für Datenschutzaufsicht',
        'https://www.lda.bayern.de',
        x.consent.clientSignature('Amira Haddad'),
        x.consent.staffSignature('Jana Beispiel'),
      ]);
      for (const texts of [de, uk])
        expectNone(doc, [
          texts.exchange.consent.noticeHeading,
          texts.exchange.consent.jobcenterFile,
          texts.exchange.consent.publicBodies,
          texts.exchange.consent.specialHeading,
          texts.exchange.categories.health.label,
          texts.exchange.contactPerson,
          texts.exchange.purposeDetails,
        ]);
      expectNone(doc, ['§ 87', 'AufenthG', 'Leistungsminderungen', 'Art. 9']);
    }
  });

  it("R-CON-1, R-CON-2: a provider's own purpose prints as the provider words it — German beside Ukrainian, English on an English form", async () => {
    const own: PurposeOnForm = {
      code: 'housing_search',
      label: { de: 'Unterstützung bei der Wohnungssuche', en: 'Support in finding a flat' },
      text: null,
    };
    const ukForm = await read(renderConsentForm({ ...courseProviderForm('uk'), purpose: own }));
    expectAll(ukForm, [own.label.de]);
    expectNone(ukForm, [own.label.en, ...reviewedPurposes.map((p) => de.exchange.purposes[p])]);
    const enForm = await read(renderConsentForm({ ...courseProviderForm('en'), purpose: own }));
    expectAll(enForm, [own.label.de, own.label.en]);
  });

  it("R-CON-2: for the foreigners' authority the form names § 87 AufenthG and the file there, not the Jobcenter's", async () => {
    const data = jobcenterForm('de');
    const doc = await read(
      renderConsentForm({
        ...data,
        recipient: {
          ...data.recipient,
          organisationName: 'Ausländerbehörde Musterstadt',
          organisationKind: 'abh',
        },
        purpose: listed('residence_matters'),
      }),
    );
    expectAll(doc, [
      de.exchange.consent.abhFile,
      de.exchange.consent.publicBodies,
      de.exchange.purposes.residence_matters,
    ]);
    expectNone(doc, [de.exchange.consent.jobcenterFile]);
  });

  it('R-CON-2: a form for another partner has neither the public-body notice nor § 87 AufenthG', async () => {
    const data = courseProviderForm('de');
    const doc = await read(
      renderConsentForm({
        ...data,
        recipient: { ...data.recipient, organisationKind: 'other' },
        purpose: listed('other', 'Wohnungssuche'),
      }),
    );
    expectAll(doc, [de.exchange.purposes.other, de.exchange.purposeDetails, 'Wohnungssuche']);
    expectNone(doc, [de.exchange.consent.noticeHeading, '§ 87']);
  });
});

const copyData = (language: DocumentLanguage): ClientCopyData => ({
  language,
  client: { name: 'Amira Haddad', birthDate: '1990-04-12' },
  provider: { name: 'Diakonisches Werk Musterstadt e. V.', dataProtectionLaw: 'dsg_ekd', state: 'NW' },
  sender: {
    name: 'Jana Beispiel',
    office: 'MBE Musterstadt-Mitte',
    phone: '0221 123456',
    email: 'jana.beispiel@diakonie-musterstadt.example',
  },
  recipient: { organisationName: 'Jobcenter Musterstadt', teamName: 'Team Integration Süd' },
  // 23:30 UTC on 10 March is 00:30 on 11 March in Berlin.
  sentAt: '2026-03-10T23:30:00.000Z',
  kind: 'assessment_result',
  subject: 'Ergebnis der Sozial- und Kompetenzanalyse',
  sections: [
    { category: 'language_courses', text: 'Frau Haddad hat im Februar die Prüfung B1 bestanden.' },
    {
      category: 'analysis_results',
      text: 'Sie möchte als Pflegehelferin arbeiten.\nEin Praktikum ist geplant.',
    },
  ],
  consent: {
    purpose: listed('integration_jobcenter', 'Abstimmung über den Kooperationsplan'),
    validUntil: '2027-03-01',
  },
});

/** Every fixed text of the copy in one language, values filled in. */
function copyTexts(language: DocumentLanguage): string[] {
  const t = documentTexts[language];
  const x = t.exchange;
  const k = x.copy;
  return [
    k.title('Jobcenter Musterstadt'),
    k.intro('Jobcenter Musterstadt'),
    k.messageHeading,
    k.about,
    k.to,
    x.team,
    k.from,
    k.office,
    k.sentAt,
    dateIn(language, '2026-03-10T23:30:00.000Z', true),
    k.kind,
    x.messageKinds.assessment_result,
    k.subject,
    k.consentHeading,
    k.consentIntro,
    x.purposes.integration_jobcenter,
    x.validUntil,
    dateIn(language, '2027-03-01'),
    k.contentHeading,
    k.contentIntro,
    x.categories.language_courses.label,
    x.categories.analysis_results.label,
    k.controlHeading,
    k.control,
    x.withdrawalHow,
    t.law.dsg_ekd,
  ];
}

const copyUserText = [
  'Amira Haddad',
  'Jobcenter Musterstadt',
  'Team Integration Süd',
  'Jana Beispiel',
  'MBE Musterstadt-Mitte',
  '0221 123456',
  'jana.beispiel@diakonie-musterstadt.example',
  'Ergebnis der Sozial- und Kompetenzanalyse',
  'Abstimmung über den Kooperationsplan',
  'Frau Haddad hat im Februar die Prüfung B1 bestanden.',
  'Sie möchte als Pflegehelferin arbeiten. Ein Praktikum ist geplant.',
  'Der Beauftragte für den Datenschutz der EKD',
];

describe('client copy of a disclosure', () => {
  it('R-RED-5, R-CON-4: the German copy says to whom, from whom, when (Berlin time), what kind and under which consent', async () => {
    const doc = await read(renderClientCopy(copyData('de')));
    expectAll(doc, [...copyTexts('de'), ...copyUserText, 'Gesendet am 11.03.2026, 00:30']);
    expect(doc.flat).not.toMatch(otherScripts);
  });

  it('R-RED-5, R-CON-4, R-UX-1: the copy in Ukrainian has every text in German and Ukrainian, the sections as sent, once', async () => {
    const doc = await read(renderClientCopy(copyData('uk')));
    expectAll(doc, [...copyTexts('de'), ...copyTexts('uk'), ...copyUserText]);
    expect(occurrences(doc, 'Frau Haddad hat im Februar die Prüfung B1 bestanden.')).toBe(1);
    expect(occurrences(doc, 'Ein Praktikum ist geplant.')).toBe(1);
    expect(occurrences(doc, 'Ergebnis der Sozial- und Kompetenzanalyse')).toBe(1);
  });

  it('R-RED-5, R-UX-1: the copy in Arabic is set in NotoSansArabic, with the German frame and the sections once', async () => {
    const doc = await read(renderClientCopy(copyData('ar')));
    expect(doc.fonts.some((font) => font.startsWith('NotoSansArabic'))).toBe(true);
    expect(doc.flat).toMatch(arabicScript);
    expectAll(doc, [...copyTexts('de'), ...copyUserText]);
    expect(occurrences(doc, 'Frau Haddad hat im Februar die Prüfung B1 bestanden.')).toBe(1);
  });

  it('R-RED-5: health in a message is labelled as the special category; missing sender details are left out', async () => {
    const data = copyData('de');
    const doc = await read(
      renderClientCopy({
        ...data,
        kind: 'dropout_notice',
        sender: { ...data.sender, phone: null, email: null, office: null },
        sections: [
          { category: 'health', text: 'Nach einer Operation kann sie sechs Wochen nicht teilnehmen.' },
        ],
        consent: { ...data.consent!, purpose: listed('integration_jobcenter') },
      }),
    );
    expectAll(doc, [
      de.exchange.categories.health.label,
      'Nach einer Operation kann sie sechs Wochen nicht teilnehmen.',
      de.exchange.messageKinds.dropout_notice,
    ]);
    expectNone(doc, [
      de.person.phone,
      '0221 123456',
      'jana.beispiel@diakonie-musterstadt.example',
      de.exchange.purposeDetails,
      'MBE Musterstadt-Mitte',
    ]);
  });
});

describe('exchange texts', () => {
  it('R-UX-1, R-CON-2: every category, purpose, direction, repetition and message kind has its own label in every language', () => {
    for (const code of dataCategories)
      expect(de.exchange.categories[code].label).toBe(dataCategoryNames[code]);
    for (const language of documentLanguages.filter((l) => l !== 'de')) {
      const x = documentTexts[language].exchange;
      for (const code of dataCategories) {
        expect(x.categories[code].label, `${language} ${code}`).not.toBe(de.exchange.categories[code].label);
        expect(x.categories[code].explanation, `${language} ${code}`).not.toBe(
          de.exchange.categories[code].explanation,
        );
      }
      for (const code of reviewedPurposes)
        expect(x.purposes[code], language).not.toBe(de.exchange.purposes[code]);
      for (const code of consentDirections)
        expect(x.directions[code], language).not.toBe(de.exchange.directions[code]);
      for (const code of consentRepetitions)
        expect(x.repetitions[code], language).not.toBe(de.exchange.repetitions[code]);
      for (const code of messageKinds)
        expect(x.messageKinds[code], language).not.toBe(de.exchange.messageKinds[code]);
      expect(x.consent.voluntary, language).not.toBe(de.exchange.consent.voluntary);
      expect(x.copy.control, language).not.toBe(de.exchange.copy.control);
      // The Jobcenter and public-body statements keep the legal references the client may need.
      expect(x.consent.publicBodies, language).toContain('§ 87 AufenthG');
      expect(x.consent.jobcenterFile, language).toContain('Leistungsminderungen');
    }
  });
});

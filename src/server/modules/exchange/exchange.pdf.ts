import {
  documentLocales as locales,
  rightToLeftLanguages,
  type DocumentLanguage,
} from '../../documents/languages.ts';
import {
  germanStates,
  supervisoryAuthorityFor,
  type SupervisoryAuthority,
} from '../../documents/supervisory-authorities.ts';
import { documentTexts, type DocumentTexts } from '../../documents/texts/index.ts';
import {
  mergeDocuments,
  renderCaseDocument,
  renderCaseDocumentOffThread,
  type CaseDocument,
  type DocBlock,
} from '../cases/cases.pdf.ts';
import type { DataProtectionLaw, GermanState } from '../organisations/organisations.values.ts';
import type {
  ConsentDirection,
  ConsentPurpose,
  ConsentRepetition,
  DataCategory,
  LegalBasis,
  MessageKind,
} from './exchange.values.ts';
import { dataCategories, isReviewedPurpose, specialCategories } from './exchange.values.ts';
import { legalBasesOtherThanConsent } from '../../terms.ts';

/**
 * The two client-facing documents of consent-gated exchange, in German and beside it in the
 * client's language (R-UX-1): the consent form, which releases the counselling service from
 * confidentiality for one named team, named data, one purpose and a period (R-CON-2, R-CON-7),
 * and the client's copy of a disclosure, so the client knows what was said about them (R-RED-5,
 * R-CON-4). Both are built once per language from the same data and merged text by text
 * (`mergeDocuments`); user text (names, the purpose's words, the message) is German and stands
 * once. Layout and rendering are those of the case documents: Typst, data only as JSON.
 */

export interface ConsentFormData {
  /** The client's document language; 'de' = German only. */
  language: DocumentLanguage;
  /** birthDate ISO yyyy-mm-dd. */
  client: { name: string; birthDate: string | null };
  provider: {
    name: string;
    address: string | null;
    dataProtectionLaw: 'dsgvo' | 'kdg' | 'dsg_ekd' | null;
    state: string | null;
  };
  office: { name: string; address: string | null } | null;
  recipient: {
    organisationName: string;
    organisationKind: 'jobcenter' | 'abh' | 'course_provider' | 'other';
    teamName: string;
    personName: string | null;
  };
  purpose: PurposeOnForm;
  categories: DataCategory[];
  direction: ConsentDirection;
  repetition: ConsentRepetition;
  /** ISO dates. */
  validFrom: string;
  validUntil: string;
  /** The staff member's name. */
  takenBy: string;
  /** ISO date the form is printed for. */
  date: string;
}

export interface ClientCopyData {
  language: DocumentLanguage;
  client: { name: string; birthDate: string | null };
  provider: { name: string; dataProtectionLaw: 'dsgvo' | 'kdg' | 'dsg_ekd' | null; state: string | null };
  sender: { name: string; office: string | null; phone: string | null; email: string | null };
  recipient: { organisationName: string; teamName: string };
  /** ISO timestamp; printed as Berlin local date and time. */
  sentAt: string;
  kind: MessageKind;
  subject: string;
  sections: { category: DataCategory; text: string }[];
  /** Files sent with the message, listed by name (the counselling office prints them with the copy). */
  attachments?: { category: DataCategory; filename: string }[];
  /** The consent it went under — or null, and the legal basis other than consent instead. */
  consent: { purpose: PurposeOnForm; validUntil: string } | null;
  legalBasis?: { basis: LegalBasis; justification: string } | null;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Dates and times in Berlin time, in the language's own way, always in the Gregorian calendar. */
function formatter(language: DocumentLanguage, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}:${withTime}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[language], {
      timeZone: 'Europe/Berlin',
      calendar: 'gregory',
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

/** An ISO date (yyyy-mm-dd) as a calendar day: noon UTC is the same day in Berlin. */
const dateIn = (language: DocumentLanguage, isoDate: string) =>
  formatter(language, false).format(new Date(`${isoDate.slice(0, 10)}T12:00:00Z`));

const dateTimeIn = (language: DocumentLanguage, isoTimestamp: string) =>
  formatter(language, true).format(new Date(isoTimestamp));

/** A name (user text, mostly Latin script) kept left to right inside a right-to-left sentence. */
const embed = (language: DocumentLanguage, name: string) =>
  rightToLeftLanguages.has(language) ? `\u2066${name}\u2069` : name;

const present = <T>(row: [string, T | null | undefined]): row is [string, T] =>
  row[1] !== null && row[1] !== undefined && row[1] !== '';

/** Label/value rows, leaving out those without a value. */
const rowsOf = (rows: [string, string | null | undefined][]): [string, string][] => rows.filter(present);

const stateOf = (state: string | null): GermanState | null =>
  state && (germanStates as readonly string[]).includes(state) ? (state as GermanState) : null;

/** The provider's law and the authority supervising it (R-CON-7), with the way to complain. */
function dataProtectionBlock(
  t: DocumentTexts,
  provider: { name: string; dataProtectionLaw: DataProtectionLaw | null },
  authority: SupervisoryAuthority,
): DocBlock {
  const x = t.exchange;
  return {
    level: 2,
    title: x.dataProtectionHeading,
    rows: rowsOf([
      [x.controller, provider.name],
      [t.art15.applicableLaw, t.law[provider.dataProtectionLaw ?? 'dsgvo']],
      [t.art15.authority, authority.name],
      [t.art15.website, authority.url],
    ]),
    paragraphs: [x.complaint],
  };
}

/** Builds a document in German and, from the same data, in `other`, merged text by text. */
function bilingual(other: DocumentLanguage, build: (language: DocumentLanguage) => CaseDocument) {
  const german = build('de');
  return mergeDocuments(german, other === 'de' ? null : build(other), other);
}

/** Renders a document built in German and in `other` together. */
function renderBilingual(
  other: DocumentLanguage,
  build: (language: DocumentLanguage) => CaseDocument,
): Buffer {
  return renderCaseDocument(bilingual(other, build));
}

/** A consent's purpose: the code of the provider's list, its label as signed, own words. */
export interface PurposeOnForm {
  code: ConsentPurpose;
  label: { de: string; en: string };
  text: string | null;
}

/**
 * The purpose's label — the reviewed text where the purpose has one, otherwise the provider's
 * own label (English on the English side, German on every other) — and, where the consent has
 * them, its own words (German, printed once).
 */
function purposeRows(
  t: DocumentTexts,
  language: DocumentLanguage,
  purpose: PurposeOnForm,
): [string, string][] {
  const x = t.exchange;
  return rowsOf([
    [x.purpose, purposeLabel(t, language, purpose)],
    [x.purposeDetails, purpose.text?.trim()],
  ]);
}

/** A purpose's words on a document in `language`: reviewed where it has them, else as signed. */
export function purposeLabel(t: DocumentTexts, language: DocumentLanguage, purpose: PurposeOnForm): string {
  if (isReviewedPurpose(purpose.code)) return t.exchange.purposes[purpose.code];
  return language === 'en' ? purpose.label.en : purpose.label.de;
}

/**
 * R-CON-2, R-CON-7: the consent form. Every element of a release from confidentiality: who
 * consents, who discloses, the one team it is for, exactly which data (health apart, Art. 9
 * DSGVO), the purpose, direction and repetition, validity, voluntariness, withdrawal, what a
 * public body does with what it receives, the law and the supervisory authority, signatures.
 */
export function renderConsentForm(data: ConsentFormData): Buffer {
  const authority = supervisoryAuthorityFor(data.provider.dataProtectionLaw, stateOf(data.provider.state));
  const chosen = new Set(data.categories);
  const ordinary = dataCategories.filter((c) => chosen.has(c) && !specialCategories.includes(c));
  const special = dataCategories.filter((c) => chosen.has(c) && specialCategories.includes(c));
  const kind = data.recipient.organisationKind;
  const publicBody = kind === 'jobcenter' || kind === 'abh';

  return renderBilingual(data.language, (language) => {
    const t = documentTexts[language];
    const x = t.exchange;
    const c = x.consent;
    const date = (iso: string) => dateIn(language, iso);
    const categoryRows = (codes: DataCategory[]): [string, string][] =>
      codes.map((code) => [x.categories[code].label, x.categories[code].explanation]);

    const blocks: DocBlock[] = [
      {
        level: 2,
        title: c.clientHeading,
        rows: rowsOf([
          [t.person.name, data.client.name],
          [t.person.birthDate, data.client.birthDate ? date(data.client.birthDate) : null],
        ]),
      },
      {
        level: 2,
        title: c.providerHeading,
        rows: rowsOf([
          [c.provider, data.provider.name],
          [t.art15.address, data.provider.address],
          [c.office, data.office?.name],
          [t.art15.address, data.office?.address],
        ]),
      },
      {
        level: 2,
        title: c.recipientHeading,
        rows: rowsOf([
          [x.organisation, data.recipient.organisationName],
          [x.team, data.recipient.teamName],
          [x.contactPerson, data.recipient.personName],
        ]),
        paragraphs: [c.recipientOnly],
      },
      {
        level: 2,
        title: c.categoriesHeading,
        paragraphs: [c.categoriesOnly],
        rows: categoryRows(ordinary),
      },
    ];
    if (special.length > 0)
      blocks.push({
        level: 3,
        title: c.specialHeading,
        paragraphs: [c.special],
        rows: categoryRows(special),
      });
    blocks.push(
      {
        level: 2,
        title: c.purposeHeading,
        rows: purposeRows(t, language, data.purpose),
        paragraphs: [c.purposeOnly],
      },
      {
        level: 2,
        title: c.wayHeading,
        rows: [
          [c.direction, x.directions[data.direction]],
          [c.repetition, x.repetitions[data.repetition]],
        ],
      },
      {
        level: 2,
        title: c.validityHeading,
        paragraphs: [c.validity(date(data.validFrom), date(data.validUntil))],
      },
      { level: 2, title: c.rightsHeading, paragraphs: [c.voluntary, c.withdrawal, x.withdrawalHow] },
    );
    if (publicBody) {
      blocks.push({
        level: 2,
        title: c.noticeHeading,
        paragraphs: [
          ...(kind === 'jobcenter' ? [c.jobcenterFile] : []),
          ...(kind === 'abh' ? [c.abhFile] : []),
          c.publicBodies,
        ],
      });
    }
    blocks.push(dataProtectionBlock(t, data.provider, authority), {
      level: 2,
      title: c.signaturesHeading,
      paragraphs: [c.declaration],
      signatures: [
        c.placeDate,
        c.clientSignature(embed(language, data.client.name)),
        c.placeDate,
        c.staffSignature(embed(language, data.takenBy)),
      ],
    });

    return {
      title: c.title,
      intro: [c.intro, c.release, c.createdOn(date(data.date))],
      footer: `${embed(language, data.provider.name)} · ${c.footer}`,
      blocks,
    };
  });
}

/**
 * R-RED-5, R-CON-4: the client's copy of a disclosure: to whom, from whom, when, what kind of
 * message under which consent, and each section as it was sent, so the client keeps control
 * over what is said about them.
 */
export function renderClientCopy(data: ClientCopyData): Buffer {
  return renderCaseDocument(clientCopyDocument(data));
}

/** The client's copy, set on the render thread: the sending request's event loop stays free. */
export function renderClientCopyOffThread(data: ClientCopyData): Promise<Buffer> {
  return renderCaseDocumentOffThread(clientCopyDocument(data));
}

function clientCopyDocument(data: ClientCopyData) {
  const authority = supervisoryAuthorityFor(data.provider.dataProtectionLaw, stateOf(data.provider.state));

  return bilingual(data.language, (language) => {
    const t = documentTexts[language];
    const x = t.exchange;
    const k = x.copy;
    const organisation = data.recipient.organisationName;

    return {
      title: k.title(embed(language, organisation)),
      intro: [k.intro(embed(language, organisation))],
      footer: `${embed(language, data.provider.name)} · ${k.footer}`,
      blocks: [
        {
          level: 2,
          title: k.messageHeading,
          rows: rowsOf([
            [k.about, data.client.name],
            [t.person.birthDate, data.client.birthDate ? dateIn(language, data.client.birthDate) : null],
            [k.to, organisation],
            [x.team, data.recipient.teamName],
            [k.from, data.sender.name],
            [k.office, data.sender.office],
            [t.person.phone, data.sender.phone],
            [t.person.email, data.sender.email],
            [k.sentAt, dateTimeIn(language, data.sentAt)],
            [k.kind, x.messageKinds[data.kind]],
            [k.subject, data.subject],
          ]),
        },
        data.consent
          ? {
              level: 2,
              title: k.consentHeading,
              paragraphs: [k.consentIntro],
              rows: [
                ...purposeRows(t, language, data.consent.purpose),
                [x.validUntil, dateIn(language, data.consent.validUntil)],
              ],
            }
          : {
              level: 2,
              title: k.legalBasisHeading,
              paragraphs: [k.legalBasisIntro],
              rows: data.legalBasis
                ? [
                    [
                      k.legalBasis,
                      `${x.legalBases[data.legalBasis.basis]} (${legalBasesOtherThanConsent[data.legalBasis.basis].basis})`,
                    ],
                    [k.justification, data.legalBasis.justification],
                  ]
                : [],
            },
        { level: 2, title: k.contentHeading, paragraphs: [k.contentIntro] },
        ...data.sections.map((section): DocBlock => ({
          level: 3,
          title: x.categories[section.category].label,
          paragraphs: [section.text],
        })),
        ...((data.attachments ?? []).length > 0
          ? [
              {
                level: 3,
                title: k.attachments,
                rows: (data.attachments ?? []).map((a): [string, string] => [
                  x.categories[a.category].label,
                  a.filename,
                ]),
              } satisfies DocBlock,
            ]
          : []),
        {
          level: 2,
          title: k.controlHeading,
          paragraphs: data.consent ? [k.control, x.withdrawalHow] : [k.controlLegalBasis],
        },
        dataProtectionBlock(t, data.provider, authority),
      ],
    };
  });
}

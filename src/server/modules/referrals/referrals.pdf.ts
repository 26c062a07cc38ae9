import QRCode from 'qrcode';
import type { z } from 'zod';
import {
  documentLocales as locales,
  rightToLeftLanguages,
  type DocumentLanguage,
} from '../../documents/languages.ts';
import { documentTexts, type DocumentTexts } from '../../documents/texts/index.ts';
import { renderTypstPdfOffThread, typstFonts } from '../../documents/typst.ts';
import {
  bilingualPrelude,
  mergeDocuments,
  renderCaseDocumentOffThread,
  type CaseDocument,
} from '../cases/cases.pdf.ts';
import type { publicSearchResultSchema } from '../directory/directory.schemas.ts';
import { languageName } from '../directory/languages.ts';
import { mbeonLink } from './referrals.values.ts';

/**
 * The two client-facing documents of referrals, in German and beside it in the person's
 * language (R-UX-1): the referral slip a Jobcenter or ABH hands over — the nearest suitable
 * offices with their hours, languages and a map link, the online counselling with a QR code
 * (R-UX-3), and the statement that counselling is voluntary, independent and not a condition
 * for anything (R-REF-3) — and the short consent to a named referral. The slip names nobody.
 */

type SuitableOffice = z.infer<typeof publicSearchResultSchema>;

/** A text in German and, where it reads differently, in the person's language. */
interface Phrase {
  de: string;
  other?: string;
}

function phraseOf(
  language: DocumentLanguage,
  pick: (t: DocumentTexts, language: DocumentLanguage) => string,
) {
  const de = pick(documentTexts.de, 'de');
  if (language === 'de') return { de };
  const other = pick(documentTexts[language], language);
  return other === de ? { de } : { de, other };
}

/** A day of the coming week in the language's own way ("Mi., 25. März"), Gregorian calendar. */
function dayName(language: DocumentLanguage, isoDate: string): string {
  return new Intl.DateTimeFormat(locales[language], {
    timeZone: 'Europe/Berlin',
    calendar: 'gregory',
    numberingSystem: 'latn',
    weekday: 'short',
    day: 'numeric',
    month: 'long',
  }).format(new Date(`${isoDate}T12:00:00Z`));
}

function languagesIn(language: DocumentLanguage, codes: readonly string[]): string {
  if (language === 'de') return codes.map((code) => languageName(code)).join(', ');
  const names = new Intl.DisplayNames([locales[language]], { type: 'language' });
  return codes.map((code) => names.of(code) ?? code).join(', ');
}

function servicesIn(t: DocumentTexts, services: readonly string[]): string {
  return services.map((s) => (s === 'JMD' ? t.case.serviceJMD : t.case.serviceMBE)).join(' · ');
}

/** The office's hours of the coming days, one line a day (times are the same in every language). */
function hoursIn(language: DocumentLanguage, office: SuitableOffice): string[] {
  const t = documentTexts[language].referral;
  return office.days
    .filter((day) => !day.closed && day.slots.length > 0)
    .map((day) => {
      const slots = day.slots.map((slot) =>
        [
          `${slot.opensAt}–${slot.closesAt}`,
          slot.service,
          slot.byAppointment ? t.byAppointment : null,
          slot.place ? slot.place.name : null,
        ]
          .filter(Boolean)
          .join(' '),
      );
      return `${dayName(language, day.date)}: ${slots.join('; ')}`;
    });
}

const qrSvg = (url: string) => QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });

export interface SlipData {
  language: DocumentLanguage;
  offices: SuitableOffice[];
}

/** The data of the slip, German and the person's language side by side; QR codes as SVG text. */
export async function slipDocument(data: SlipData) {
  const { language } = data;
  const p = (pick: (t: DocumentTexts['referral']) => string) => phraseOf(language, (t) => pick(t.referral));
  const links = new Map<string, { label: string; url: string }>([
    [mbeonLink.url, { label: mbeonLink.label, url: mbeonLink.url }],
  ]);
  for (const office of data.offices)
    for (const link of office.onlineLinks)
      links.set(link.url, { label: link.label ?? link.platform, url: link.url });

  return {
    lang: language,
    rtl: rightToLeftLanguages.has(language),
    title: p((t) => t.slipTitle),
    intro: p((t) => t.slipIntro),
    voluntary: p((t) => t.voluntary),
    officesHeading: p((t) => t.officesHeading),
    labels: {
      address: p((t) => t.address),
      contact: p((t) => t.contact),
      hours: p((t) => t.hours),
      languages: p((t) => t.languages),
      services: p((t) => t.services),
      map: p((t) => t.map),
    },
    noHours: p((t) => t.noHours),
    offices: await Promise.all(
      data.offices.map(async (office) => ({
        name: office.name,
        provider: office.providerName,
        address: `${office.street}, ${office.postcode} ${office.city}`,
        contact: [office.phone, office.email, office.website].filter(Boolean).join(' · '),
        services: phraseOf(language, (t) => servicesIn(t, office.suitableServices)),
        languages: phraseOf(language, (_t, l) => languagesIn(l, office.languages)),
        hours: hoursIn('de', office).map((de, i): Phrase => {
          const other = language === 'de' ? undefined : hoursIn(language, office)[i];
          return other === undefined || other === de ? { de } : { de, other };
        }),
        mapUrl: office.mapUrl,
        mapQr: await qrSvg(office.mapUrl),
      })),
    ),
    online: {
      heading: p((t) => t.onlineHeading),
      intro: p((t) => t.onlineIntro),
      scan: p((t) => t.scan),
      links: await Promise.all([...links.values()].map(async (l) => ({ ...l, qr: await qrSvg(l.url) }))),
    },
    footer: p((t) => t.footer),
  };
}

const slipTemplate = `
${bilingualPrelude}#let qr(svg) = image(bytes(svg), format: "svg", width: 2.3cm)

#set document(title: title-of(data.title))
#set page(paper: "a4", margin: (x: 1.8cm, top: 1.6cm, bottom: 2cm),
  footer: context [#set text(size: 8pt, fill: luma(90)); #both(data.footer)])
#set text(font: ${typstFonts}, size: 9.5pt, lang: "de")
#set par(justify: false)

#text(15pt, weight: "bold", data.title.de)
#if data.title.at("other", default: none) != none { other(data.title.other, size: 14pt, weight: "bold") }
#para(data.intro)
#block(fill: luma(236), inset: 8pt, radius: 3pt, width: 100%, para(data.voluntary))

#text(12pt, weight: "bold", data.officesHeading.de)
#if data.officesHeading.at("other", default: none) != none { other(data.officesHeading.other, size: 11pt, weight: "bold") }
#for o in data.offices {
  block(breakable: false, width: 100%, above: 8pt, below: 6pt, stroke: 0.4pt + luma(190), inset: 7pt, radius: 3pt,
    grid(columns: (1fr, 2.5cm), column-gutter: 10pt, {
      text(11pt, weight: "bold", o.name)
      linebreak()
      text(8.5pt, o.provider)
      table(columns: (30%, 1fr), stroke: none, inset: 3pt,
        both(data.labels.services, weight: "bold"), both(o.services),
        both(data.labels.address, weight: "bold"), o.address,
        both(data.labels.contact, weight: "bold"), o.contact,
        both(data.labels.languages, weight: "bold"), both(o.languages),
        both(data.labels.hours, weight: "bold"),
          if o.hours.len() == 0 { both(data.noHours) } else { for h in o.hours { both(h) } },
        both(data.labels.map, weight: "bold"), text(8pt, o.mapUrl),
      )
    }, align(center, qr(o.mapQr))))
}

#v(4pt)
#text(12pt, weight: "bold", data.online.heading.de)
#if data.online.heading.at("other", default: none) != none { other(data.online.heading.other, size: 11pt, weight: "bold") }
#para(data.online.intro)
#grid(columns: (1fr,) * calc.min(3, data.online.links.len()), column-gutter: 10pt, row-gutter: 8pt,
  ..data.online.links.map(l => align(center, {
    qr(l.qr)
    linebreak()
    text(8.5pt, weight: "bold", l.label)
    linebreak()
    text(8pt, l.url)
  })))
#align(center, text(8pt, both(data.online.scan)))
`;

/** R-REF-1, R-REF-3, R-UX-3: the referral slip, set on the render thread. */
export async function renderSlip(data: SlipData): Promise<Buffer> {
  return renderTypstPdfOffThread(slipTemplate, await slipDocument(data));
}

export interface ReferralConsentData {
  language: DocumentLanguage;
  person: { name: string; contact: string };
  office: { name: string; providerName: string; address: string };
  referrer: { organisationName: string; staffName: string };
  callFirst: boolean;
  feedbackAllowed: boolean;
}

/**
 * R-REF-1, R-RED-1: the short consent to a named referral — which office receives name and
 * contact, for what, whether the referrer may learn the outcome — to sign before it is sent.
 * Laid out with the template of the client documents.
 */
export function renderReferralConsent(data: ReferralConsentData): Promise<Buffer> {
  const build = (language: DocumentLanguage): CaseDocument => {
    const c = documentTexts[language].referral.consent;
    return {
      title: c.title,
      intro: [c.intro],
      footer: c.footer,
      blocks: [
        {
          level: 2,
          title: c.recipient,
          rows: [
            [c.person, data.person.name],
            [c.contact, data.person.contact],
            [c.recipient, `${data.office.name} (${data.office.providerName}), ${data.office.address}`],
            [c.referrer, `${data.referrer.organisationName} – ${data.referrer.staffName}`],
          ],
        },
        {
          level: 2,
          title: c.purposeHeading,
          paragraphs: [c.purpose, c.handOn, ...(data.callFirst ? [c.callFirst] : [])],
        },
        {
          level: 2,
          title: c.feedbackHeading,
          paragraphs: [data.feedbackAllowed ? c.feedbackYes : c.feedbackNo],
        },
        {
          level: 2,
          title: c.voluntaryHeading,
          paragraphs: [c.withdraw],
          signatures: [c.placeDate, c.signature],
        },
      ],
    };
  };
  const german = build('de');
  return renderCaseDocumentOffThread(
    mergeDocuments(german, data.language === 'de' ? null : build(data.language), data.language),
  );
}

import type { RequestContext } from '../../http/request-context.ts';
import { recordAudit } from '../../audit/audit.ts';
import { documentLanguageFor, type DocumentLanguage } from '../../documents/languages.ts';
import {
  supervisoryAuthorityFor,
  type SupervisoryAuthority,
} from '../../documents/supervisory-authorities.ts';
import { documentTexts, type DocumentTexts } from '../../documents/texts/index.ts';
import { germanValueLabels, type ValueLabelGroup } from '../../documents/texts/labels.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import type { DataProtectionLaw, GermanState } from '../organisations/organisations.values.ts';
import { caseResource, loadCase, loadCategories, loadClient, type Categories } from './cases.access.ts';
import { canCase } from './cases.policy.ts';
import type { CategoryKey } from './cases.categories.ts';
import { mergeDocuments, renderCaseDocument, type CaseDocument, type DocBlock } from './cases.pdf.ts';
import { presentCaseCore, readCaseContent } from './cases.presenters.ts';
import * as casesRepo from './cases.repository.ts';
import { berlinToday, germanDate } from './cases.rules.ts';
import { retentionYearsOf } from './cases.service.ts';
import * as clientsRepo from './clients.repository.ts';
import { countryName } from '../directory/countries.ts';
import { languageName } from '../directory/languages.ts';
import { presentClientCore } from './clients.service.ts';
import { exchangeOfClient } from '../exchange/exchange.service.ts';
import { purposeLabel } from '../exchange/exchange.pdf.ts';

/**
 * R-CON-5: everything stored about a client (Art. 15 DSGVO) as JSON and as a readable PDF, and
 * the case summary a counsellor prints for the client. The export is for the client: it holds
 * the health note too; nothing here goes to a partner. Both PDFs are in German and beside it in
 * the client's language (R-UX-1): the documents are built once per language from the same data.
 */

type CaseContent = Awaited<ReturnType<typeof readCaseContent>>;
type CaseCore = ReturnType<typeof presentCaseCore>;
type ClientCore = ReturnType<typeof presentClientCore>;

/** How one language prints codes: value lists, the organisation's categories, languages, countries. */
interface Printer {
  t: DocumentTexts;
  label(group: ValueLabelGroup, code: string | null | undefined): string;
  category(key: CategoryKey, code: string | null | undefined): string;
  categories(key: CategoryKey, codes: readonly string[]): string;
  languages(codes: readonly string[]): string;
  country(code: string | null | undefined): string;
}

function printerFor(language: DocumentLanguage, categories: Categories): Printer {
  const t = documentTexts[language];
  // Names of languages and countries in the client's language, from ICU; German where ICU has none.
  const icu = (type: 'language' | 'region') =>
    language === 'de' || language === 'en'
      ? null
      : new Intl.DisplayNames([language], { type, fallback: 'none' });
  const languageNames = icu('language');
  const countryNames = icu('region');
  const nameLocale = language === 'en' ? 'en' : 'de';
  const category = (key: CategoryKey, code: string | null | undefined) => {
    if (!code) return '–';
    const entry = categories[key].find((e) => e.code === code);
    if (!entry) return code;
    return language === 'en' ? entry.en : entry.de;
  };
  return {
    t,
    label(group, code) {
      if (!code) return '–';
      const translated = (t.labels[group] as Record<string, string> | undefined)?.[code];
      return translated ?? (germanValueLabels[group] as Record<string, string>)[code] ?? code;
    },
    category,
    categories: (key, codes) => (codes.length === 0 ? '–' : codes.map((c) => category(key, c)).join(', ')),
    /** Languages and countries by name, never by code (R-UX-1). */
    languages: (codes) =>
      codes.length === 0
        ? '–'
        : codes.map((c) => languageNames?.of(c) ?? languageName(c, nameLocale)).join(', '),
    country: (code) => (code ? (countryNames?.of(code) ?? countryName(code, nameLocale)) : '–'),
  };
}

const textOr = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? '–' : String(value);

const dateOr = (value: string | null | undefined) => (value ? germanDate(value) : '–');

const berlinDateTime = (iso: string) =>
  new Date(iso).toLocaleString('de-DE', {
    timeZone: 'Europe/Berlin',
    dateStyle: 'medium',
    timeStyle: 'short',
  });

const joinPresent = (parts: (string | null | undefined)[]) =>
  parts.filter((v) => v && v !== '–').join('; ') || '–';

function personBlocks(client: ClientCore, p: Printer): DocBlock[] {
  const { t } = p;
  const name = [client.givenName, client.familyName].filter(Boolean).join(' ');
  const blocks: DocBlock[] = [
    {
      level: 2,
      title: t.person.heading,
      rows: [
        [client.pseudonymous ? t.person.pseudonym : t.person.name, name],
        [
          t.person.birthDate,
          client.birthDate
            ? germanDate(client.birthDate)
            : t.person.ageGroup(p.label('ageGroup', client.ageGroup)),
        ],
        [t.person.gender, p.label('gender', client.gender)],
        [t.person.citizenship, p.country(client.citizenship)],
        [t.person.languages, p.languages(client.languages)],
        [t.person.phone, textOr(client.phone)],
        [t.person.email, textOr(client.email)],
        [t.person.reachability, textOr(client.contactNote)],
        [t.person.arrivalYear, textOr(client.arrivalYear)],
        [t.person.residenceStatus, p.category('residenceStatusGroups', client.residenceStatusGroup)],
      ],
    },
  ];
  if (client.familyMembers.length > 0) {
    blocks.push({
      level: 3,
      title: t.person.familyHeading,
      table: {
        header: [t.person.relation, t.person.givenName, t.person.birthYear, t.person.counselledAlongside],
        rows: client.familyMembers.map((f) => [
          p.label('relation', f.relation),
          textOr(f.givenName),
          textOr(f.birthYear),
          f.counselledAlongside ? t.common.yes : t.common.no,
        ]),
      },
    });
  }
  return blocks;
}

function situationOf(p: Printer, s: CaseCore['situationStart']): string {
  return p.t.common.situation({
    livelihood: p.category('livelihood', s.livelihood),
    german: textOr(s.languageLevel),
    work: p.label('work', s.work),
  });
}

function caseBlocks(
  core: CaseCore,
  content: CaseContent,
  p: Printer,
  options: { health: boolean; accessLog: boolean; contacts: boolean },
): DocBlock[] {
  const { t } = p;
  const c = t.case;
  const blocks: DocBlock[] = [
    {
      level: 2,
      title: c.heading(core.caseNumber),
      rows: [
        [c.service, core.service === 'MBE' ? c.serviceMBE : c.serviceJMD],
        [c.caseType, p.label('caseType', core.caseType)],
        [c.counsellor, core.owner.name],
        [c.openedOn, dateOr(core.openedOn)],
        [c.phase, p.label('phase', core.phase)],
        [c.wayIn, p.category('wayIn', core.wayIn)],
        [c.situationStart, situationOf(p, core.situationStart)],
        [c.closedOn, dateOr(core.closedOn)],
        ...(core.closedOn
          ? ([
              [c.closureReason, p.category('closureReasons', core.closureReason)],
              [c.situationEnd, situationOf(p, core.situationEnd)],
              [c.erasureFrom, dateOr(core.retentionEndsOn)],
            ] as [string, string][])
          : []),
      ],
    },
  ];
  const { intake, analysis, plan } = content;
  if (intake) {
    blocks.push({
      level: 3,
      title: c.intakeHeading(germanDate(intake.heldOn)),
      rows: [
        [c.reason, intake.reason],
        [c.concerns, textOr(intake.concerns)],
        [c.agreedNextSteps, textOr(intake.agreedNextSteps)],
        [c.topics, p.categories('topics', intake.topics)],
      ],
    });
  }
  if (analysis) {
    const rows: [string, string][] = [
      [c.germanLevel, textOr(analysis.germanLevel)],
      [c.otherLanguages, p.languages(analysis.otherLanguages)],
      [
        c.schooling,
        [
          p.label('schooling', analysis.schooling),
          analysis.schoolingYears ? t.common.years(analysis.schoolingYears) : null,
          analysis.schoolingNote,
        ]
          .filter(Boolean)
          .join('; '),
      ],
      [
        c.qualifications,
        analysis.qualifications.length === 0
          ? '–'
          : analysis.qualifications
              .map(
                (q) =>
                  `${q.title} (${p.category('qualificationTypes', q.type)}${q.country ? `, ${p.country(q.country)}` : ''}; ${c.recognition}: ${p.label('recognition', q.recognition)})`,
              )
              .join('\n'),
      ],
      [c.workExperience, textOr(analysis.workExperience)],
      [c.family, textOr(analysis.familySituation)],
      [c.housing, joinPresent([p.label('housing', analysis.housing), analysis.housingNote])],
      [
        t.person.residenceStatus,
        joinPresent([
          p.category('residenceStatusGroups', analysis.residenceStatusGroup),
          analysis.residenceNote,
        ]),
      ],
      [c.livelihood, joinPresent([p.categories('livelihood', analysis.livelihood), analysis.livelihoodNote])],
    ];
    if (options.health && analysis.health) rows.push([c.health, textOr(analysis.health.note)]);
    blocks.push({ level: 3, title: c.analysisHeading, rows });
  }
  if (plan) {
    blocks.push({
      level: 3,
      title: c.planHeading,
      rows: [
        [c.reason, textOr(plan.reason)],
        [c.goal, textOr(plan.goal)],
        [c.course, textOr(plan.course)],
        [
          c.agreement,
          plan.agreement.agreed
            ? `${c.agreedOn(dateOr(plan.agreement.agreedOn), p.label('method', plan.agreement.method))}${plan.agreement.note ? ` – ${plan.agreement.note}` : ''}`
            : c.notAgreed,
        ],
      ],
      table: {
        header: [c.goal, c.step, c.who, c.until, c.status],
        rows: plan.goals.flatMap((g) =>
          g.steps.length === 0
            ? [[g.title, '–', '–', '–', p.label('goalStatus', g.status)]]
            : g.steps.map((s, i) => [
                i === 0 ? `${g.title} (${p.label('goalStatus', g.status)})` : '',
                s.title,
                s.responsible === 'partner' ? textOr(s.partnerName) : p.label('responsible', s.responsible),
                dateOr(s.dueOn),
                p.label('stepStatus', s.status),
              ]),
        ),
      },
    });
  }
  if (options.contacts && content.contacts.length > 0) {
    blocks.push({
      level: 3,
      title: c.contactsHeading,
      table: {
        header: [c.when, c.form, c.status, c.duration, c.topics, c.note],
        rows: content.contacts.map((x) => [
          berlinDateTime(x.startsAt),
          p.label('form', x.form),
          p.label('contactStatus', x.status),
          x.durationMinutes ? t.common.minutes(x.durationMinutes) : '–',
          p.categories('topics', x.topics),
          textOr(x.note),
        ]),
      },
    });
  }
  if (content.activities.length > 0) {
    blocks.push({
      level: 3,
      title: c.activitiesHeading,
      table: {
        header: [c.kind, c.status, c.place, c.period, c.note],
        rows: content.activities.map((a) => [
          p.label('activity', a.kind),
          p.label('activityStatus', a.status),
          [a.courseProviderName, a.courseName, a.childcarePlace].filter(Boolean).join(', ') || '–',
          `${dateOr(a.startsOn)} – ${dateOr(a.endsOn)}`,
          textOr(a.note),
        ]),
      },
    });
  }
  blocks.push({
    level: 3,
    title: c.responsibilitiesHeading,
    table: {
      header: [c.task, c.responsible, c.note],
      rows: content.responsibilities.map((r) => [r.label, r.responsibleLabel, textOr(r.note)]),
    },
  });
  if (options.accessLog && content.accessGrants.length > 0) {
    blocks.push({
      level: 3,
      title: c.accessHeading,
      table: {
        header: [c.when, c.person, c.reason],
        rows: content.accessGrants.map((g) => [berlinDateTime(g.grantedAt), g.userName, g.reason]),
      },
    });
  }
  return blocks;
}

interface Controller {
  name: string;
  dataProtectionLaw: DataProtectionLaw | null;
  state: GermanState | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
}

async function controllerOf(ctx: RequestContext): Promise<Controller> {
  const organisation = await findOrganisation(ctx.trx, ctx.actor.organisationId);
  const place = [organisation?.postcode, organisation?.city].filter(Boolean).join(' ');
  return {
    name: organisation?.name ?? '',
    dataProtectionLaw: (organisation?.data_protection_law ?? null) as DataProtectionLaw | null,
    state: (organisation?.state ?? null) as GermanState | null,
    address: [organisation?.street, place].filter(Boolean).join(', ') || null,
    phone: organisation?.phone ?? null,
    email: organisation?.email ?? null,
    website: organisation?.website ?? null,
  };
}

/**
 * The authority a client may complain to: for a provider under the DSGVO the state authority of
 * its Land; where the provider has not said its Land, the state authority in general (with the
 * federal list of their addresses).
 */
const authorityOf = (controller: Controller): SupervisoryAuthority =>
  supervisoryAuthorityFor(controller.dataProtectionLaw, controller.state);

/** The information Art. 15 (1) a–h and (2) DSGVO requires beside the data, in one language. */
type ClientExchange = Awaited<ReturnType<typeof exchangeOfClient>>;

function art15Information(
  language: DocumentLanguage,
  facts: {
    controller: Controller;
    retentionYears: number;
    healthRecorded: boolean;
    exchange: ClientExchange;
  },
) {
  const t = documentTexts[language];
  const { controller, exchange } = facts;
  const dataOf = (categories: readonly string[]) =>
    categories
      .map((c) => t.exchange.categories[c as keyof DocumentTexts['exchange']['categories']].label)
      .join(', ');
  const dayOf = (iso: string) => germanDate(iso.slice(0, 10));
  const a = t.art15;
  const authority = authorityOf(controller);
  return {
    controller: {
      name: controller.name,
      address: controller.address,
      phone: controller.phone,
      email: controller.email,
      website: controller.website,
      applicableLaw: t.law[controller.dataProtectionLaw ?? 'dsgvo'],
      dataProtectionContact: a.noDataProtectionContact,
    },
    purposes: a.purposes,
    dataCategories: facts.healthRecorded ? [...a.categories, a.healthCategory] : a.categories,
    recipients: {
      // Every disclosure made about the client, with its recipient team, date and data (R-CON-4).
      disclosures: exchange.disclosures.map((d) => ({
        recipient: d.recipient,
        sentOn: berlinDateTime(d.sentAt),
        data: dataOf(d.categories),
      })),
      statement: exchange.disclosures.length > 0 ? a.disclosuresIntro : a.noDisclosures,
      possibleRecipients: [a.possibleRecipientsIntro, ...a.possibleRecipients],
    },
    consents: {
      statement: exchange.consents.length > 0 ? a.consentsHeading : a.noConsents,
      items: exchange.consents.map((c) => ({
        recipient: c.recipient,
        purpose: c.purpose.text
          ? `${purposeLabel(t, language, c.purpose)}: ${c.purpose.text}`
          : purposeLabel(t, language, c.purpose),
        data: dataOf(c.categories),
        direction: t.exchange.directions[c.direction],
        validity: `${germanDate(c.validFrom)} – ${germanDate(c.validUntil)}`,
        withdrawn: c.withdrawnAt ? `${a.withdrawnOn} ${dayOf(c.withdrawnAt)}` : null,
      })),
    },
    storagePeriod: { retentionYears: facts.retentionYears, rule: a.storage(facts.retentionYears) },
    rights: {
      rectification: a.rightRectification,
      erasure: a.rightErasure,
      restriction: a.rightRestriction,
      objection: a.rightObjection,
      withdrawal: a.rightWithdrawal,
    },
    complaint: { statement: a.complaint, authority },
    sources: [a.sourceClient, a.sourcePartners],
    automatedDecisionMaking: a.automated,
    thirdCountryTransfers: a.transfers,
  };
}

type Art15Information = ReturnType<typeof art15Information>;

const bullet = (text: string) => `– ${text}`;

function art15Blocks(t: DocumentTexts, info: Art15Information): DocBlock[] {
  const a = t.art15;
  const c = info.controller;
  return [
    {
      level: 2,
      title: a.controllerHeading,
      rows: [
        [a.controllerName, c.name],
        [a.address, textOr(c.address)],
        [t.person.phone, textOr(c.phone)],
        [t.person.email, textOr(c.email)],
        [a.website, textOr(c.website)],
        [a.applicableLaw, c.applicableLaw],
        [a.dataProtectionContact, c.dataProtectionContact],
      ],
    },
    { level: 2, title: a.purposesHeading, paragraphs: info.purposes.map(bullet) },
    { level: 2, title: a.categoriesHeading, paragraphs: info.dataCategories.map(bullet) },
    {
      level: 2,
      title: a.recipientsHeading,
      paragraphs: [info.recipients.statement],
      ...(info.recipients.disclosures.length > 0
        ? {
            table: {
              header: [a.recipient, a.sentOn, a.data],
              rows: info.recipients.disclosures.map((d) => [d.recipient, d.sentOn, d.data]),
            },
          }
        : {}),
    },
    {
      level: 2,
      title: a.consentsHeading,
      paragraphs: [
        ...(info.consents.items.length > 0 ? [] : [info.consents.statement]),
        a.possibleRecipientsIntro,
        ...a.possibleRecipients.map(bullet),
      ],
      ...(info.consents.items.length > 0
        ? {
            table: {
              header: [a.recipient, t.exchange.purpose, a.data, a.validity],
              rows: info.consents.items.map((c) => [
                c.recipient,
                c.purpose,
                `${c.data} (${c.direction})`,
                c.withdrawn ? `${c.validity}, ${c.withdrawn}` : c.validity,
              ]),
            },
          }
        : {}),
    },
    { level: 2, title: a.storageHeading, paragraphs: [info.storagePeriod.rule] },
    {
      level: 2,
      title: a.rightsHeading,
      paragraphs: [
        info.rights.rectification,
        info.rights.erasure,
        info.rights.restriction,
        info.rights.objection,
        info.rights.withdrawal,
      ].map(bullet),
    },
    {
      level: 2,
      title: a.complaintHeading,
      paragraphs: [info.complaint.statement],
      rows: [
        [a.authority, info.complaint.authority.name],
        ...(info.complaint.authority.url
          ? ([[a.website, info.complaint.authority.url]] as [string, string][])
          : []),
      ],
    },
    { level: 2, title: a.sourcesHeading, paragraphs: info.sources },
    { level: 2, title: a.automatedHeading, paragraphs: [info.automatedDecisionMaking] },
    { level: 2, title: a.transfersHeading, paragraphs: [info.thirdCountryTransfers] },
  ];
}

/** Everything about one client: the client, family members and every case with all its parts. */
async function collectClient(ctx: RequestContext, clientId: string, format: 'json' | 'pdf') {
  const loaded = await loadClient(ctx, clientId, 'client.export');
  const [family, categories, controller, retentionYears, exchange] = await Promise.all([
    clientsRepo.listFamilyMembers(ctx.trx, clientId),
    loadCategories(ctx),
    controllerOf(ctx),
    retentionYearsOf(ctx),
    exchangeOfClient(ctx, clientId),
  ]);
  const client = presentClientCore(loaded.row, family);
  const cases = [];
  for (const ref of loaded.cases) {
    const row = (await casesRepo.findCase(ctx.trx, ref.id))!;
    const resource = caseResource(row, loaded.grants.get(ref.id) ?? []);
    const health = canCase(ctx.actor, 'case.read_special', resource);
    const content = await readCaseContent(ctx.trx, row, { allowed: health });
    cases.push({ core: presentCaseCore(row, retentionYears), content, health });
  }
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'client.exported',
    entityType: 'client',
    entityId: clientId,
    details: { format, caseIds: loaded.cases.map((c) => c.id) },
  });
  const healthRecorded = cases.some((c) => c.health && c.content.analysis?.health);
  return { client, cases, categories, controller, retentionYears, healthRecorded, exchange };
}

/** The document languages: German, and the one asked for or else the client's own (R-UX-1). */
function languagesOf(clientLanguages: readonly string[], requested: DocumentLanguage | undefined) {
  return { other: requested ?? documentLanguageFor(clientLanguages) };
}

/** R-CON-5: the Art. 15 information as JSON, with the explanations in German and the client's language. */
export async function exportClientJson(ctx: RequestContext, clientId: string, language?: DocumentLanguage) {
  const { client, cases, controller, retentionYears, healthRecorded, exchange } = await collectClient(
    ctx,
    clientId,
    'json',
  );
  const { other } = languagesOf(client.languages, language);
  const facts = { controller, retentionYears, healthRecorded, exchange };
  return {
    generatedAt: ctx.now.toISOString(),
    language: other,
    controller: { name: controller.name, dataProtectionLaw: controller.dataProtectionLaw },
    information: art15Information('de', facts),
    translation: other === 'de' ? null : { language: other, information: art15Information(other, facts) },
    client,
    cases: cases.map((c): Record<string, unknown> => ({ ...c.core, ...c.content })),
  };
}

/** Builds a document in German and, from the same data, in `other`, and renders both together. */
function renderBilingual(
  other: DocumentLanguage,
  build: (language: DocumentLanguage) => CaseDocument,
): Buffer {
  const german = build('de');
  return renderCaseDocument(mergeDocuments(german, other === 'de' ? null : build(other), other));
}

/** R-CON-5: the Art. 15 information as a readable PDF, in German and the client's language. */
export async function exportClientPdf(
  ctx: RequestContext,
  clientId: string,
  language?: DocumentLanguage,
): Promise<Buffer> {
  const { client, cases, categories, controller, retentionYears, healthRecorded, exchange } =
    await collectClient(ctx, clientId, 'pdf');
  const { other } = languagesOf(client.languages, language);
  const name = [client.givenName, client.familyName].filter(Boolean).join(' ');
  const today = germanDate(berlinToday(ctx.now));
  return renderBilingual(other, (lang) => {
    const p = printerFor(lang, categories);
    const t = p.t;
    const info = art15Information(lang, { controller, retentionYears, healthRecorded, exchange });
    return {
      title: t.art15.title,
      intro: [t.art15.intro(controller.name), t.art15.createdFor(today, name)],
      footer: `${controller.name} · ${t.art15.footer}`,
      blocks: [
        ...art15Blocks(t, info),
        { level: 2, title: t.art15.storedDataHeading },
        ...personBlocks(client, p),
        ...cases.flatMap((c) =>
          caseBlocks(c.core, c.content, p, { health: c.health, accessLog: true, contacts: true }),
        ),
      ],
    };
  });
}

/**
 * A summary of one case to print for the client, in German and the client's language. Health
 * data stays out, and so do contacts: the summary must never serve as proof of attendance for an
 * authority (R-RED-2).
 */
export async function caseSummary(
  ctx: RequestContext,
  caseId: string,
  language?: DocumentLanguage,
): Promise<Buffer> {
  const loaded = await loadCase(ctx, caseId, 'case.read');
  const [client, family, categories, controller, retentionYears, content] = await Promise.all([
    clientsRepo.findClient(ctx.trx, loaded.row.client_id),
    clientsRepo.listFamilyMembers(ctx.trx, loaded.row.client_id),
    loadCategories(ctx),
    controllerOf(ctx),
    retentionYearsOf(ctx),
    readCaseContent(ctx.trx, loaded.row, { allowed: false }),
  ]);
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'case.summary_printed',
    entityType: 'case',
    entityId: caseId,
    reason: loaded.grant?.reason ?? null,
  });
  const core = presentCaseCore(loaded.row, retentionYears);
  const person = presentClientCore(client!, family);
  const { other } = languagesOf(person.languages, language);
  const today = germanDate(berlinToday(ctx.now));
  return renderBilingual(other, (lang) => {
    const p = printerFor(lang, categories);
    const t = p.t;
    return {
      title: t.summary.title(core.caseNumber),
      intro: [
        `${controller.name} – ${core.service === 'MBE' ? t.case.serviceMBE : t.case.serviceJMD}.`,
        `${t.summary.asOf(today)} ${t.summary.voluntary}`,
        // R-RED-2: counselling is never a condition for an authority, so nothing here certifies attendance.
        t.summary.notACertificate,
      ],
      footer: `${controller.name} · ${t.summary.footer(core.caseNumber)}`,
      blocks: [
        ...personBlocks(person, p),
        ...caseBlocks(core, content, p, { health: false, accessLog: false, contacts: false }),
      ],
    };
  });
}

import type { RequestContext } from '../../http/request-context.ts';
import { recordAudit } from '../../audit/audit.ts';
import { can } from '../../policy/policy.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import { caseResource, loadCase, loadCategories, loadClient, type Categories } from './cases.access.ts';
import type { CategoryKey } from './cases.categories.ts';
import { renderCaseDocument, type CaseDocument, type DocBlock } from './cases.pdf.ts';
import { presentCaseCore, readCaseContent } from './cases.presenters.ts';
import * as casesRepo from './cases.repository.ts';
import { berlinToday, germanDate } from './cases.rules.ts';
import { retentionYearsOf } from './cases.service.ts';
import * as clientsRepo from './clients.repository.ts';
import { countryName } from '../directory/countries.ts';
import { languageName } from '../directory/languages.ts';
import { presentClientCore } from './clients.service.ts';

/**
 * R-CON-5: everything stored about a client (Art. 15 DSGVO) as JSON and as a readable PDF, and
 * the case summary a counsellor prints for the client. The export is for the client: it holds
 * the health note too; nothing here goes to a partner.
 */

type CaseContent = Awaited<ReturnType<typeof readCaseContent>>;
type CaseCore = ReturnType<typeof presentCaseCore>;
type ClientCore = ReturnType<typeof presentClientCore>;

const lawNames: Record<string, string> = {
  dsgvo: 'DSGVO und BDSG',
  kdg: 'Gesetz über den Kirchlichen Datenschutz (KDG)',
  dsg_ekd: 'EKD-Datenschutzgesetz (DSG-EKD)',
};

const labels = {
  ageGroup: {
    under_12: 'unter 12 Jahre',
    '12_17': '12–17 Jahre',
    '18_26': '18–26 Jahre',
    '27_34': '27–34 Jahre',
    '35_44': '35–44 Jahre',
    '45_54': '45–54 Jahre',
    '55_64': '55–64 Jahre',
    '65_plus': '65 Jahre und älter',
  },
  schooling: {
    none: 'keine',
    primary: 'Grundschule',
    secondary: 'weiterführende Schule',
    upper_secondary: 'Abitur oder vergleichbar',
    university: 'Hochschule',
  },
  caseType: { short_counselling: 'Kurzberatung', case_management: 'Case Management' },
  phase: {
    intake: 'Sondierungsgespräch',
    analysis: 'Sozial- und Kompetenzanalyse',
    plan: 'Förderplan',
    implementation: 'Umsetzung',
  },
  gender: { female: 'weiblich', male: 'männlich', diverse: 'divers', not_stated: 'keine Angabe' },
  relation: {
    partner: 'Partner/in',
    child: 'Kind',
    parent: 'Elternteil',
    sibling: 'Geschwister',
    other: 'Sonstige',
  },
  form: {
    in_person: 'persönlich',
    phone: 'Telefon',
    video: 'Video',
    message: 'Nachricht',
    home_visit: 'Hausbesuch',
  },
  contactStatus: {
    planned: 'geplant',
    held: 'stattgefunden',
    missed: 'nicht wahrgenommen',
    cancelled: 'abgesagt',
  },
  activity: {
    course_support: 'Sozialpädagogische Begleitung im Integrationskurs',
    childcare: 'Kinderbetreuung',
  },
  activityStatus: { planned: 'geplant', active: 'läuft', done: 'abgeschlossen', cancelled: 'abgebrochen' },
  goalStatus: { open: 'offen', in_progress: 'in Arbeit', reached: 'erreicht', dropped: 'verworfen' },
  stepStatus: { open: 'offen', in_progress: 'in Arbeit', done: 'erledigt', dropped: 'verworfen' },
  responsible: { client: 'Ratsuchende Person', counsellor: 'Beratung', partner: 'Partner' },
  method: {
    spoken: 'mündlich',
    signed_paper: 'auf Papier unterschrieben',
    signed_on_screen: 'am Bildschirm unterschrieben',
    in_writing: 'schriftlich (Nachricht)',
  },
  work: {
    employed: 'erwerbstätig',
    self_employed: 'selbstständig',
    minor_employment: 'geringfügig beschäftigt',
    training: 'in Ausbildung',
    job_seeking: 'arbeitsuchend',
    not_seeking: 'nicht arbeitsuchend',
    unknown: 'unbekannt',
  },
  housing: {
    own_flat: 'eigene Wohnung',
    with_family: 'bei Angehörigen',
    shared_accommodation: 'Gemeinschaftsunterkunft',
    homeless: 'ohne Wohnung',
    other: 'sonstige',
  },
  recognition: {
    not_needed: 'nicht erforderlich',
    not_started: 'noch nicht beantragt',
    in_progress: 'läuft',
    recognised: 'anerkannt',
    partially_recognised: 'teilweise anerkannt',
    not_recognised: 'nicht anerkannt',
  },
} as const;

function label<T extends Record<string, string>>(map: T, code: string | null | undefined): string {
  if (!code) return '–';
  return (map as Record<string, string>)[code] ?? code;
}

function categoryLabel(categories: Categories, key: CategoryKey, code: string | null | undefined): string {
  if (!code) return '–';
  return categories[key].find((e) => e.code === code)?.de ?? code;
}

const list = (categories: Categories, key: CategoryKey, codes: readonly string[]) =>
  codes.length === 0 ? '–' : codes.map((c) => categoryLabel(categories, key, c)).join(', ');

/** Languages and countries by name, never by code (R-UX-1). */
const languagesOr = (codes: readonly string[]) =>
  codes.length === 0 ? '–' : codes.map((c) => languageName(c)).join(', ');
const countryOr = (code: string | null | undefined) => (code ? countryName(code) : '–');

const textOr = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? '–' : String(value);

const dateOr = (value: string | null | undefined) => (value ? germanDate(value) : '–');

const berlinDateTime = (iso: string) =>
  new Date(iso).toLocaleString('de-DE', {
    timeZone: 'Europe/Berlin',
    dateStyle: 'medium',
    timeStyle: 'short',
  });

function personBlocks(client: ClientCore, categories: Categories): DocBlock[] {
  const name = [client.givenName, client.familyName].filter(Boolean).join(' ');
  const blocks: DocBlock[] = [
    {
      level: 2,
      title: 'Angaben zur Person',
      rows: [
        [client.pseudonymous ? 'Pseudonym' : 'Name', name],
        [
          'Geburtsdatum',
          client.birthDate
            ? germanDate(client.birthDate)
            : `Altersgruppe ${label(labels.ageGroup, client.ageGroup)}`,
        ],
        ['Geschlecht', label(labels.gender, client.gender)],
        ['Staatsangehörigkeit', countryOr(client.citizenship)],
        ['Sprachen', languagesOr(client.languages)],
        ['Telefon', textOr(client.phone)],
        ['E-Mail', textOr(client.email)],
        ['Erreichbarkeit', textOr(client.contactNote)],
        ['Jahr der Einreise', textOr(client.arrivalYear)],
        [
          'Aufenthaltsstatus',
          categoryLabel(categories, 'residenceStatusGroups', client.residenceStatusGroup),
        ],
      ],
    },
  ];
  if (client.familyMembers.length > 0) {
    blocks.push({
      level: 3,
      title: 'Mitberatene Familienangehörige',
      table: {
        header: ['Beziehung', 'Vorname', 'Geburtsjahr', 'Mitberaten'],
        rows: client.familyMembers.map((f) => [
          label(labels.relation, f.relation),
          textOr(f.givenName),
          textOr(f.birthYear),
          f.counselledAlongside ? 'ja' : 'nein',
        ]),
      },
    });
  }
  return blocks;
}

function caseBlocks(
  core: CaseCore,
  content: CaseContent,
  categories: Categories,
  options: { health: boolean; accessLog: boolean; contacts: boolean },
): DocBlock[] {
  const blocks: DocBlock[] = [
    {
      level: 2,
      title: `Fall ${core.caseNumber}`,
      rows: [
        [
          'Dienst',
          core.service === 'MBE'
            ? 'Migrationsberatung für erwachsene Zugewanderte (MBE)'
            : 'Jugendmigrationsdienst (JMD)',
        ],
        ['Art', label(labels.caseType, core.caseType)],
        ['Beraterin / Berater', core.owner.name],
        ['Eröffnet am', dateOr(core.openedOn)],
        ['Phase', label(labels.phase, core.phase)],
        ['Zugangsweg', categoryLabel(categories, 'wayIn', core.wayIn)],
        [
          'Ausgangslage',
          `Lebensunterhalt: ${categoryLabel(categories, 'livelihood', core.situationStart.livelihood)}; Deutsch: ${textOr(core.situationStart.languageLevel)}; Arbeit: ${label(labels.work, core.situationStart.work)}`,
        ],
        ['Abgeschlossen am', dateOr(core.closedOn)],
        ...(core.closedOn
          ? ([
              ['Abschlussgrund', categoryLabel(categories, 'closureReasons', core.closureReason)],
              [
                'Situation zum Ende',
                `Lebensunterhalt: ${categoryLabel(categories, 'livelihood', core.situationEnd.livelihood)}; Deutsch: ${textOr(core.situationEnd.languageLevel)}; Arbeit: ${label(labels.work, core.situationEnd.work)}`,
              ],
              ['Löschung vorgesehen ab', dateOr(core.retentionEndsOn)],
            ] as [string, string][])
          : []),
      ],
    },
  ];
  const { intake, analysis, plan } = content;
  if (intake) {
    blocks.push({
      level: 3,
      title: `Sondierungsgespräch am ${germanDate(intake.heldOn)}`,
      rows: [
        ['Anlass', intake.reason],
        ['Anliegen', textOr(intake.concerns)],
        ['Vereinbarte nächste Schritte', textOr(intake.agreedNextSteps)],
        ['Themen', list(categories, 'topics', intake.topics)],
      ],
    });
  }
  if (analysis) {
    const rows: [string, string][] = [
      ['Deutschkenntnisse', textOr(analysis.germanLevel)],
      ['Weitere Sprachen', languagesOr(analysis.otherLanguages)],
      [
        'Schulbildung',
        [
          label(labels.schooling, analysis.schooling),
          analysis.schoolingYears ? `${analysis.schoolingYears} Jahre` : null,
          analysis.schoolingNote,
        ]
          .filter(Boolean)
          .join('; '),
      ],
      [
        'Berufliche Qualifikationen',
        analysis.qualifications.length === 0
          ? '–'
          : analysis.qualifications
              .map(
                (q) =>
                  `${q.title} (${categoryLabel(categories, 'qualificationTypes', q.type)}${q.country ? `, ${countryName(q.country)}` : ''}; Anerkennung: ${label(labels.recognition, q.recognition)})`,
              )
              .join('\n'),
      ],
      ['Berufserfahrung', textOr(analysis.workExperience)],
      ['Familie', textOr(analysis.familySituation)],
      [
        'Wohnen',
        [label(labels.housing, analysis.housing), analysis.housingNote]
          .filter((v) => v && v !== '–')
          .join('; ') || '–',
      ],
      [
        'Aufenthaltsstatus',
        [
          categoryLabel(categories, 'residenceStatusGroups', analysis.residenceStatusGroup),
          analysis.residenceNote,
        ]
          .filter((v) => v && v !== '–')
          .join('; ') || '–',
      ],
      [
        'Lebensunterhalt',
        [list(categories, 'livelihood', analysis.livelihood), analysis.livelihoodNote]
          .filter((v) => v && v !== '–')
          .join('; ') || '–',
      ],
    ];
    if (options.health && analysis.health)
      rows.push(['Gesundheit (besondere Kategorie, Art. 9 DSGVO)', textOr(analysis.health.note)]);
    blocks.push({ level: 3, title: 'Sozial- und Kompetenzanalyse', rows });
  }
  if (plan) {
    blocks.push({
      level: 3,
      title: 'Förderplan',
      rows: [
        ['Anlass', textOr(plan.reason)],
        ['Ziel', textOr(plan.goal)],
        ['Verlauf', textOr(plan.course)],
        [
          'Zustimmung',
          plan.agreement.agreed
            ? `vereinbart am ${dateOr(plan.agreement.agreedOn)}, ${label(labels.method, plan.agreement.method)}${plan.agreement.note ? ` – ${plan.agreement.note}` : ''}`
            : 'noch nicht vereinbart',
        ],
      ],
      table: {
        header: ['Ziel', 'Schritt', 'Wer', 'Bis', 'Stand'],
        rows: plan.goals.flatMap((g) =>
          g.steps.length === 0
            ? [[g.title, '–', '–', '–', label(labels.goalStatus, g.status)]]
            : g.steps.map((s, i) => [
                i === 0 ? `${g.title} (${label(labels.goalStatus, g.status)})` : '',
                s.title,
                s.responsible === 'partner'
                  ? textOr(s.partnerName)
                  : label(labels.responsible, s.responsible),
                dateOr(s.dueOn),
                label(labels.stepStatus, s.status),
              ]),
        ),
      },
    });
  }
  if (options.contacts && content.contacts.length > 0) {
    blocks.push({
      level: 3,
      title: 'Kontakte und Termine',
      table: {
        header: ['Zeitpunkt', 'Form', 'Stand', 'Dauer', 'Themen', 'Notiz'],
        rows: content.contacts.map((c) => [
          berlinDateTime(c.startsAt),
          label(labels.form, c.form),
          label(labels.contactStatus, c.status),
          c.durationMinutes ? `${c.durationMinutes} Min.` : '–',
          list(categories, 'topics', c.topics),
          textOr(c.note),
        ]),
      },
    });
  }
  if (content.activities.length > 0) {
    blocks.push({
      level: 3,
      title: 'Begleitung und Kinderbetreuung',
      table: {
        header: ['Art', 'Stand', 'Kurs / Ort', 'Zeitraum', 'Notiz'],
        rows: content.activities.map((a) => [
          label(labels.activity, a.kind),
          label(labels.activityStatus, a.status),
          [a.courseProviderName, a.courseName, a.childcarePlace].filter(Boolean).join(', ') || '–',
          `${dateOr(a.startsOn)} – ${dateOr(a.endsOn)}`,
          textOr(a.note),
        ]),
      },
    });
  }
  blocks.push({
    level: 3,
    title: 'Wer ist wofür zuständig',
    table: {
      header: ['Aufgabe', 'Zuständig', 'Hinweis'],
      rows: content.responsibilities.map((r) => [r.label, r.responsibleLabel, textOr(r.note)]),
    },
  });
  if (options.accessLog && content.accessGrants.length > 0) {
    blocks.push({
      level: 3,
      title: 'Zugriffe durch Vertretung',
      table: {
        header: ['Zeitpunkt', 'Person', 'Grund'],
        rows: content.accessGrants.map((g) => [berlinDateTime(g.grantedAt), g.userName, g.reason]),
      },
    });
  }
  return blocks;
}

async function controllerOf(ctx: RequestContext) {
  const organisation = await findOrganisation(ctx.trx, ctx.actor.organisationId);
  return {
    name: organisation?.name ?? '',
    dataProtectionLaw: organisation?.data_protection_law ?? null,
  };
}

/** Everything about one client: the client, family members and every case with all its parts. */
async function collectClient(ctx: RequestContext, clientId: string, format: 'json' | 'pdf') {
  const loaded = await loadClient(ctx, clientId, 'client.export');
  const [family, categories, controller, retentionYears] = await Promise.all([
    clientsRepo.listFamilyMembers(ctx.trx, clientId),
    loadCategories(ctx),
    controllerOf(ctx),
    retentionYearsOf(ctx),
  ]);
  const client = presentClientCore(loaded.row, family);
  const cases = [];
  for (const ref of loaded.cases) {
    const row = (await casesRepo.findCase(ctx.trx, ref.id))!;
    const resource = caseResource(row, loaded.grants.get(ref.id) ?? []);
    const health = can(ctx.actor, 'case.read_special', resource);
    const content = await readCaseContent(ctx.trx, row, { allowed: health });
    cases.push({ core: presentCaseCore(row, retentionYears), content, health });
  }
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'client.exported',
    entityType: 'client',
    entityId: clientId,
    details: { format, caseIds: loaded.cases.map((c) => c.id) },
  });
  return { client, cases, categories, controller, retentionYears };
}

/** R-CON-5: the Art. 15 information as JSON. */
export async function exportClientJson(ctx: RequestContext, clientId: string) {
  const { client, cases, controller } = await collectClient(ctx, clientId, 'json');
  return {
    generatedAt: ctx.now.toISOString(),
    controller,
    client,
    cases: cases.map((c): Record<string, unknown> => ({ ...c.core, ...c.content })),
  };
}

/** R-CON-5: the Art. 15 information as a readable PDF. */
export async function exportClientPdf(ctx: RequestContext, clientId: string): Promise<Buffer> {
  const { client, cases, categories, controller, retentionYears } = await collectClient(ctx, clientId, 'pdf');
  const name = [client.givenName, client.familyName].filter(Boolean).join(' ');
  const doc: CaseDocument = {
    title: 'Auskunft über Ihre gespeicherten Daten',
    intro: [
      `Nach Art. 15 der Datenschutz-Grundverordnung erhalten Sie hier alles, was ${controller.name} in Koop über Sie gespeichert hat.`,
      `Erstellt am ${germanDate(berlinToday(ctx.now))} für ${name}. Es gilt: ${lawNames[controller.dataProtectionLaw ?? 'dsgvo'] ?? 'DSGVO und BDSG'}.`,
      `Die Daten eines abgeschlossenen Falls werden ${retentionYears} Jahre nach dem Abschluss gelöscht, wenn keine Aufbewahrungssperre besteht. Statistiken enthalten keine Namen.`,
    ],
    footer: `${controller.name} · Auskunft nach Art. 15 DSGVO · vertraulich`,
    blocks: [
      ...personBlocks(client, categories),
      ...cases.flatMap((c) =>
        caseBlocks(c.core, c.content, categories, { health: c.health, accessLog: true, contacts: true }),
      ),
    ],
  };
  return renderCaseDocument(doc);
}

/**
 * A summary of one case to print for the client. Health data stays out, and so do contacts: the
 * summary must never serve as proof of attendance for an authority (R-RED-2).
 */
export async function caseSummary(ctx: RequestContext, caseId: string): Promise<Buffer> {
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
  const doc: CaseDocument = {
    title: `Fallzusammenfassung ${core.caseNumber}`,
    intro: [
      `${controller.name} – ${core.service === 'MBE' ? 'Migrationsberatung für erwachsene Zugewanderte' : 'Jugendmigrationsdienst'}.`,
      `Stand ${germanDate(berlinToday(ctx.now))}. Die Beratung ist freiwillig und unabhängig; Ihre Daten gibt die Beratungsstelle nur mit Ihrer schriftlichen Zustimmung weiter.`,
      // R-RED-2: counselling is never a condition for an authority, so nothing here certifies attendance.
      'Diese Zusammenfassung ist für Sie bestimmt. Sie ist keine Teilnahmebescheinigung und kein Nachweis für Behörden.',
    ],
    footer: `${controller.name} · Fallzusammenfassung ${core.caseNumber} · vertraulich`,
    blocks: [
      ...personBlocks(person, categories),
      ...caseBlocks(core, content, categories, { health: false, accessLog: false, contacts: false }),
    ],
  };
  return renderCaseDocument(doc);
}

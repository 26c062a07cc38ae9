import type { RequestContext } from '../../http/request-context.ts';
import { recordAudit } from '../../audit/audit.ts';
import { documentLanguageFor } from '../../documents/languages.ts';
import { AppError } from '../../http/errors.ts';
import { languageName } from '../directory/languages.ts';
import { berlinToday } from '../directory/schedule.ts';
import { searchPublic } from '../directory/search.service.ts';
import { renderSlip } from '../referrals/referrals.pdf.ts';
import { slipOfficeCount } from '../referrals/referrals.values.ts';
import { publishMargins } from '../statistics/disclosure-control.ts';
import { reportCsv, reportPdf } from './clearing.report.ts';
import {
  allowedClearingActions,
  authorizeClearing,
  canClearing,
  dutyRoles,
  ownClearing,
  type ClearingAction,
} from './clearing.policy.ts';
import * as repo from './clearing.repository.ts';
import {
  daysBetween,
  halfYearMonths,
  halfYearRange,
  reportDimensionsFrom,
  rotaGaps,
} from './clearing.rules.ts';
import type {
  ClearingSlipInput,
  ContactInput,
  OffersInput,
  ReportBody,
  ReportQuery,
  RotaInput,
  SettingsInput,
} from './clearing.schemas.ts';
import type { OtherTopic } from './clearing.tables.ts';
import {
  clearingLabels,
  defaultOtherTopics,
  dimensionLabels,
  offlineDays,
  type HalfYear,
} from './clearing.values.ts';

/**
 * The clearing office (R-CLR-1..4, R-REF-2, R-STAT-1, R-STAT-5, R-RED-3). Staff on duty record
 * anonymous contacts — codes and a day, nothing else; the clearing office records no counselling
 * (R-CLR-2), it refers on. The manager keeps the settings and the rota against the ABH's opening
 * hours. The half-year report passes disclosure control as one figure; the ABH reads it only
 * through `koop_clearing_partner_report`.
 */

const invalid = (path: string, code: string, message: string) =>
  new AppError('validation_failed', { errors: [{ path, code, message }] });

async function otherTopicsOf(ctx: RequestContext): Promise<OtherTopic[]> {
  const settings = await repo.findSettings(ctx.trx, ctx.actor.organisationId);
  return settings ? settings.other_topics : defaultOtherTopics.map((t) => ({ ...t }));
}

// ---------------------------------------------------------------------------------------------
// Contacts (R-CLR-1, R-CLR-2, R-CLR-4)

/** Records a contact once; the same id again answers with the first recording, never a second row. */
export async function recordContact(ctx: RequestContext, input: ContactInput) {
  authorizeClearing(ctx.actor, 'contact.record', ownClearing(ctx.actor, 'clearing_office'));
  const today = berlinToday(ctx.now);
  const date = input.date ?? today;
  const back = daysBetween(date, today);
  if (back < 0) throw invalid('date', 'in_future', 'Ein Kontakt kann nicht in der Zukunft liegen.');
  if (back > offlineDays) {
    throw invalid('date', 'too_old', `Ein Kontakt kann höchstens ${offlineDays} Tage zurückliegen.`);
  }
  if (input.otherTopic !== null) {
    const topics = await otherTopicsOf(ctx);
    if (!topics.some((t) => t.code === input.otherTopic)) {
      throw invalid(
        'otherTopic',
        'unknown_topic',
        'Dieses Thema steht nicht in der Liste der Clearingstelle.',
      );
    }
  }
  const recorded = await repo.insertContact(ctx.trx, {
    id: input.id,
    organisation_id: ctx.actor.organisationId,
    contact_date: date,
    age_group: input.ageGroup,
    gender: input.gender,
    region: input.region,
    language: input.language,
    residence: input.residence,
    topics: input.topics,
    other_topic: input.otherTopic,
    way_in: input.wayIn,
    referrals: input.referrals,
    welcome_package: input.welcomePackage,
  });
  if (!recorded) {
    // A retry of a contact that arrived: the first one stands. An id of another organisation
    // is not visible here and is refused like any clash.
    const first = await repo.findContactDate(ctx.trx, input.id);
    if (first === undefined) throw new AppError('contact_id_taken');
    return { id: input.id, date: first, recorded: false };
  }
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'clearing.contact_recorded',
    entityType: 'clearing_contact',
    entityId: input.id,
  });
  return { id: input.id, date, recorded: true };
}

// ---------------------------------------------------------------------------------------------
// Settings

const settingsActions: ClearingAction[] = ['settings.update', 'rota.update', 'contact.record'];

export async function getSettings(ctx: RequestContext) {
  const office = ownClearing(ctx.actor, 'clearing_office');
  authorizeClearing(ctx.actor, 'settings.read', office);
  const [settings, authorities] = await Promise.all([
    repo.findSettings(ctx.trx, ctx.actor.organisationId),
    repo.listAuthorities(ctx.trx),
  ]);
  const byId = new Map<string, { id: string; name: string; offices: { id: string; name: string }[] }>();
  for (const row of authorities) {
    const entry = byId.get(row.organisation_id) ?? {
      id: row.organisation_id,
      name: row.organisation_name,
      offices: [],
    };
    if (row.office_id && row.office_name) entry.offices.push({ id: row.office_id, name: row.office_name });
    byId.set(row.organisation_id, entry);
  }
  return {
    abhOrganisationId: settings?.abh_organisation_id ?? null,
    abhOfficeId: settings?.abh_office_id ?? null,
    otherTopics: settings ? settings.other_topics : defaultOtherTopics.map((t) => ({ ...t })),
    authorities: [...byId.values()],
    actions: allowedClearingActions(ctx.actor, office, settingsActions),
    version: settings?.version ?? 0,
  };
}

export async function updateSettings(ctx: RequestContext, input: SettingsInput) {
  authorizeClearing(ctx.actor, 'settings.update', ownClearing(ctx.actor, 'clearing_office'));
  if (input.abhOrganisationId !== null) {
    const organisation = await repo.findOrganisationKind(ctx.trx, input.abhOrganisationId);
    if (organisation?.kind !== 'abh') {
      throw invalid('abhOrganisationId', 'not_abh', 'Bitte eine Ausländerbehörde wählen.');
    }
  }
  if (input.abhOfficeId !== null) {
    const office = await repo.findOffice(ctx.trx, input.abhOfficeId);
    if (!office || office.organisation_id !== input.abhOrganisationId) {
      throw invalid(
        'abhOfficeId',
        'not_abh_office',
        'Bitte eine Dienststelle der gewählten Ausländerbehörde wählen.',
      );
    }
  }
  const saved = await repo.saveSettings(ctx.trx, ctx.actor.organisationId, input.version, input);
  if (!saved) throw new AppError('version_conflict');
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'clearing.settings_updated',
    entityType: 'clearing_office',
  });
  return getSettings(ctx);
}

// ---------------------------------------------------------------------------------------------
// Rota (R-CLR-3)

const hhmm = (time: string) => time.slice(0, 5);

export async function getRota(ctx: RequestContext) {
  const office = ownClearing(ctx.actor, 'clearing_office');
  authorizeClearing(ctx.actor, 'rota.read', office);
  const [entries, settings, staff] = await Promise.all([
    repo.listRota(ctx.trx, ctx.actor.organisationId),
    repo.findSettings(ctx.trx, ctx.actor.organisationId),
    repo.listStaffWithRoles(ctx.trx, ctx.actor.organisationId, dutyRoles),
  ]);
  const opening = settings?.abh_office_id
    ? (await repo.openingHoursOf(ctx.trx, settings.abh_office_id)).map((h) => ({
        weekday: h.weekday,
        from: hhmm(h.opens_at),
        to: hhmm(h.closes_at),
      }))
    : null;
  const duty = entries.map((e) => ({ weekday: e.weekday, from: hhmm(e.starts_at), to: hhmm(e.ends_at) }));
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'clearing.rota_read',
    entityType: 'clearing_office',
    details: { entries: entries.length },
  });
  return {
    entries: entries.map((e) => ({
      userId: e.user_id,
      name: e.display_name,
      weekday: e.weekday,
      startsAt: hhmm(e.starts_at),
      endsAt: hhmm(e.ends_at),
    })),
    openingHours: opening,
    gaps: opening ? rotaGaps(opening, duty) : [],
    staff: staff.map((s) => ({ id: s.id, name: s.display_name })),
    actions: allowedClearingActions(ctx.actor, office, ['rota.update']),
  };
}

export async function updateRota(ctx: RequestContext, input: RotaInput) {
  authorizeClearing(ctx.actor, 'rota.update', ownClearing(ctx.actor, 'clearing_office'));
  const staff = new Set(
    (await repo.listStaffWithRoles(ctx.trx, ctx.actor.organisationId, dutyRoles)).map((s) => s.id),
  );
  input.entries.forEach((entry, i) => {
    if (!staff.has(entry.userId)) {
      throw invalid(
        `entries.${i}.userId`,
        'not_trained_staff',
        'Nur Fachkräfte der Clearingstelle können eingeteilt werden.',
      );
    }
  });
  await repo.replaceRota(ctx.trx, ctx.actor.organisationId, input.entries);
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'clearing.rota_updated',
    entityType: 'clearing_office',
    details: { entries: input.entries.length },
  });
  return getRota(ctx);
}

// ---------------------------------------------------------------------------------------------
// The half-year report (R-STAT-1, R-STAT-5)

/** The words for every label of a report: categories, languages, months, headings. */
function labelsFor(dimensions: ReportBody['dimensions'], months: readonly string[]) {
  const labels: ReportBody['labels'] = {};
  for (const [code, words] of Object.entries(clearingLabels)) labels[code] = words;
  for (const [code, words] of Object.entries(dimensionLabels)) labels[`dimension:${code}`] = words;
  for (const d of dimensions) {
    if (d.key === 'language') {
      for (const item of d.items) {
        labels[`language:${item.label}`] = {
          de: languageName(item.label, 'de'),
          en: languageName(item.label, 'en'),
        };
      }
    }
  }
  for (const month of months) {
    const date = new Date(`${month}-01T12:00:00Z`);
    const name = (locale: string) =>
      new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
    labels[`month:${month}`] = { de: name('de-DE'), en: name('en-GB') };
  }
  return labels;
}

/**
 * The half-year figures: the clearing office's own, or — for the ABH it works with — the joint
 * figures of the offices that name it, which reach the service with the small counts already
 * withheld. Either way one figure through disclosure control.
 */
export async function buildReport(ctx: RequestContext, query: ReportQuery, exported = false) {
  const office = ownClearing(ctx.actor, 'clearing_office');
  const partner = ownClearing(ctx.actor, 'partner_report');
  const own = canClearing(ctx.actor, 'report.read', office);
  if (!own) authorizeClearing(ctx.actor, 'partner_report.read', partner);
  const k = ctx.deps.config.statisticsThreshold;
  const half = query.half as HalfYear;
  const { from, to } = halfYearRange(query.year, half);
  const rows = own
    ? await repo.ownCounts(ctx.trx, ctx.actor.organisationId, from, to)
    : await repo.partnerCounts(ctx.trx, from, to, k);
  const months = halfYearMonths(query.year, half);
  const input = reportDimensionsFrom(rows, months);
  const figure = publishMargins(
    input.total,
    input.dimensions.map((d, i) => ({ ...d, key: String(i) })),
    k,
  );
  const dimensions = input.dimensions.map((d, i) => ({
    key: d.key,
    value: d.value,
    items: figure.dimensions[i]!.items.map((item) => ({ label: item.label, cell: item.cell })),
  }));
  await recordAudit(ctx.trx, ctx.audit, {
    action: exported ? 'clearing.report_exported' : 'clearing.report_read',
    entityType: 'clearing_office',
    details: { from, to, view: own ? 'own' : 'partner' },
  });
  const report: ReportBody = {
    from,
    to,
    view: own ? 'own' : 'partner',
    threshold: figure.threshold,
    total: figure.total,
    dimensions,
    labels: labelsFor(dimensions, months),
  };
  return { report, figure };
}

export async function report(ctx: RequestContext, query: ReportQuery): Promise<ReportBody> {
  return (await buildReport(ctx, query)).report;
}

export async function exportCsv(ctx: RequestContext, query: ReportQuery): Promise<string> {
  const { report, figure } = await buildReport(ctx, query, true);
  return reportCsv(report, figure);
}

export async function exportPdf(ctx: RequestContext, query: ReportQuery): Promise<Buffer> {
  const { report, figure } = await buildReport(ctx, query, true);
  return reportPdf(report, figure);
}

// ---------------------------------------------------------------------------------------------
// Offers near the person's home (R-REF-2): nothing of what the person says is stored

async function suitableOffices(ctx: RequestContext, input: OffersInput) {
  const result = await searchPublic(ctx.trx, ctx.now, {
    q: input.place,
    language: input.language,
    age: input.age,
    limit: 20,
  });
  return { ...result, items: result.items.filter((o) => o.suitableServices.length > 0) };
}

export async function findOffers(ctx: RequestContext, input: OffersInput) {
  authorizeClearing(ctx.actor, 'offers.find', ownClearing(ctx.actor, 'clearing_office'));
  const offices = await suitableOffices(ctx, input);
  const postcode = /^\d{5}$/.test(input.place) ? input.place : null;
  const courses = await repo.coursesWithFreePlaces(ctx.trx, berlinToday(ctx.now), postcode, input.place);
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'clearing.offers_found',
    entityType: 'clearing_office',
    details: { offices: offices.items.length, courses: courses.length },
  });
  return {
    offices: offices.items.slice(0, 10),
    servicesForAge: offices.servicesForAge,
    courses: courses.map((c) => ({
      id: c.id,
      title: c.title,
      providerName: c.provider_name,
      place: [c.place, [c.postcode, c.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null,
      startsOn: c.starts_on,
      freePlaces: c.free_places,
      childcare: c.childcare === true,
    })),
  };
}

/** R-REF-2: the partners' referral slip in the person's language, with the offices chosen. */
export async function printSlip(ctx: RequestContext, input: ClearingSlipInput): Promise<Buffer> {
  authorizeClearing(ctx.actor, 'offers.find', ownClearing(ctx.actor, 'clearing_office'));
  const { items } = await suitableOffices(ctx, input);
  const chosen = input.officeIds;
  const offices = chosen ? items.filter((o) => chosen.includes(o.id)) : items.slice(0, slipOfficeCount);
  if (chosen && offices.length !== new Set(chosen).size) {
    throw invalid(
      'officeIds',
      'not_suitable',
      'Eine gewählte Beratungsstelle passt nicht zu Ort, Sprache oder Alter.',
    );
  }
  if (offices.length === 0) throw new AppError('no_suitable_office');
  const language = documentLanguageFor([input.language]);
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'clearing.slip_printed',
    entityType: 'clearing_office',
    details: { offices: offices.length, language },
  });
  return renderSlip({ language, offices });
}

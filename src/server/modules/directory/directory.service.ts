import type { RequestContext } from '../../http/request-context.ts';
import { recordAudit } from '../../audit/audit.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { partnerKinds, type OrganisationKind } from '../../policy/roles.ts';
import { allowedOfficeActions } from '../offices/offices.policy.ts';
import { loadOffice, officeResource } from '../offices/offices.service.ts';
import { authorizeDirectory } from './directory.policy.ts';
import * as repo from './directory.repository.ts';
import {
  loadDirectory,
  placesFor,
  toException,
  toWeeklyHours,
  type DirectoryEntry,
  type ExceptionEntry,
  type HoursEntry,
} from './directory.model.ts';
import type { ScheduleInput } from './directory.schemas.ts';
import {
  addDays,
  berlinToday,
  findOverlaps,
  hoursInPremises,
  isoWeekday,
  mondayOf,
  weekdayNames,
  type WeeklyHours,
} from './schedule.ts';
import { renderOverviewPdf } from './overview-pdf.ts';

/** Weekly hours, exceptions and the partner overview (R-ORG-2, R-DIR-1, R-DIR-3). */

function presentHours(h: HoursEntry) {
  return {
    id: h.id,
    kind: h.kind,
    service: h.service,
    weekday: h.weekday,
    opensAt: h.opensAt,
    closesAt: h.closesAt,
    validFrom: h.validFrom,
    validTo: h.validTo,
    partnerOrganisationId: h.partnerOrganisationId,
    place: h.place,
    room: h.room,
    byAppointment: h.byAppointment,
    note: h.note,
  };
}

function presentException(e: ExceptionEntry) {
  return {
    id: e.id,
    kind: e.kind,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    opensAt: e.opensAt,
    closesAt: e.closesAt,
    partnerOrganisationId: e.partnerOrganisationId,
    place: e.place,
    room: e.room,
    note: e.note,
  };
}

/** The weekly hours and exceptions of one office. */
export async function getSchedule(ctx: RequestContext, officeId: string) {
  const office = await loadOffice(ctx, officeId, 'office.list');
  const hours = await repo.listHours(ctx.trx, [officeId]);
  const exceptions = await repo.listExceptions(ctx.trx, [officeId]);
  const places = await placesFor(ctx.trx, [
    ...hours.map((h) => h.partner_organisation_id),
    ...exceptions.map((e) => e.partner_organisation_id),
  ]);
  const place = (id: string | null) => (id ? (places.get(id) ?? null) : null);
  return {
    officeId,
    version: office.version,
    hours: hours.map((h) => presentHours({ ...toWeeklyHours(h), place: place(h.partner_organisation_id) })),
    exceptions: exceptions.map((e) =>
      presentException({ ...toException(e), place: place(e.partner_organisation_id) }),
    ),
    allowedActions: allowedOfficeActions(ctx.actor, officeResource(office), ['office.update']),
  };
}

const describe = (h: WeeklyHours) => `${weekdayNames.de[h.weekday - 1] ?? ''} ${h.opensAt}–${h.closesAt}`;

/** Refuses overlapping hours, naming both rows of each overlap. */
function checkOverlaps(hours: readonly WeeklyHours[]): void {
  const overlaps = findOverlaps(hours);
  if (overlaps.length === 0) return;
  const errors: FieldError[] = [];
  for (const [a, b] of overlaps) {
    errors.push({
      path: `hours.${b}`,
      code: 'overlap',
      message: `Zeile ${b + 1} (${describe(hours[b]!)}) überschneidet sich mit Zeile ${a + 1} (${describe(hours[a]!)}).`,
    });
  }
  throw new AppError('hours_overlap', { errors });
}

/** Hours in partner premises must lie at a partner organisation (Jobcenter, ABH, course provider, other). */
async function checkPartnerPremises(ctx: RequestContext, input: ScheduleInput): Promise<void> {
  const named = [
    ...input.hours.map((h, i) => ({ id: h.partnerOrganisationId, path: `hours.${i}.partnerOrganisationId` })),
    ...input.exceptions.map((e, i) => ({
      id: e.partnerOrganisationId,
      path: `exceptions.${i}.partnerOrganisationId`,
    })),
  ].filter((n): n is { id: string; path: string } => n.id !== null);
  if (named.length === 0) return;
  const rows = await repo.findPartnerPlaces(
    ctx.trx,
    named.map((n) => n.id),
  );
  const valid = new Set(
    rows
      .filter((r) => r.deactivated_at === null && partnerKinds.includes(r.kind as OrganisationKind))
      .map((r) => r.id),
  );
  const errors = named
    .filter((n) => !valid.has(n.id))
    .map((n) => ({
      path: n.path,
      code: 'partner_premises_invalid',
      message: 'Diese Organisation ist keine Partnerorganisation (Jobcenter, Ausländerbehörde, Kursträger).',
    }));
  if (errors.length > 0) throw new AppError('partner_premises_invalid', { errors });
}

/** Replaces the weekly hours and exceptions of an office as a whole; a refused change stores nothing. */
export async function replaceSchedule(ctx: RequestContext, officeId: string, input: ScheduleInput) {
  const office = await loadOffice(ctx, officeId, 'office.update');
  checkOverlaps(input.hours.map((h) => ({ ...h, room: h.room ?? null, note: h.note ?? null })));
  await checkPartnerPremises(ctx, input);
  if (!(await repo.bumpOfficeVersion(ctx.trx, officeId, input.version))) {
    throw new AppError('version_conflict');
  }
  await repo.replaceSchedule(
    ctx.trx,
    office,
    input.hours.map((h, position) => ({
      position,
      kind: h.kind,
      service: h.service,
      weekday: h.weekday,
      opens_at: h.opensAt,
      closes_at: h.closesAt,
      valid_from: h.validFrom,
      valid_to: h.validTo,
      partner_organisation_id: h.partnerOrganisationId,
      room: h.room ?? null,
      by_appointment: h.byAppointment,
      note: h.note ?? null,
    })),
    input.exceptions.map((e) => ({
      kind: e.kind,
      starts_on: e.startsOn,
      ends_on: e.endsOn,
      opens_at: e.opensAt,
      closes_at: e.closesAt,
      partner_organisation_id: e.partnerOrganisationId,
      room: e.room ?? null,
      note: e.note ?? null,
    })),
  );
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'office.schedule_updated',
    entityType: 'office',
    entityId: officeId,
    organisationId: office.organisation_id,
    details: { hours: input.hours.length, exceptions: input.exceptions.length },
  });
  return getSchedule(ctx, officeId);
}

/** How far ahead the overview lists closures and extra dates. */
const overviewExceptionDays = 90;

/**
 * One office of the overview. Signed-in partners see every counsellor by name (`names: 'all'`,
 * the overview the source text asks for); the public overview names only those who chose it.
 */
export function presentOverviewEntry(entry: DirectoryEntry, today: string, names: 'all' | 'public') {
  const { office } = entry;
  const until = addDays(today, overviewExceptionDays);
  return {
    id: office.id,
    providerId: office.organisation_id,
    providerName: office.provider_name,
    name: office.name,
    street: office.street,
    postcode: office.postcode,
    city: office.city,
    phone: office.phone,
    email: office.email,
    website: office.website,
    services: office.services as ('MBE' | 'JMD')[],
    languages: office.languages,
    accessibility: office.accessibility,
    onlineLinks: office.online_links,
    catchmentPostcodes: office.catchment_postcodes,
    catchmentMunicipalities: office.catchment_municipalities,
    contacts: entry.contacts.map((c) => ({
      functionTitle: c.function_title,
      name: names === 'all' || c.name_public ? c.name : null,
      phone: c.phone,
      email: c.email,
      languages: c.languages,
    })),
    hours: entry.hours.filter((h) => h.validTo === null || h.validTo >= today).map(presentHours),
    upcomingExceptions: entry.exceptions.filter((e) => e.startsOn <= until).map(presentException),
  };
}

/** The always-current overview for partners (R-DIR-1), including hours in partner premises (R-DIR-3). */
export async function overview(ctx: RequestContext, filter: { organisationId?: string; city?: string }) {
  authorizeDirectory(ctx.actor, 'directory.overview', { type: 'directory', organisationId: null });
  const today = berlinToday(ctx.now);
  const entries = await loadDirectory(ctx.trx, filter, today);
  return {
    generatedAt: ctx.now.toISOString(),
    hoursInYourPremises: await repo.countHoursInPremises(ctx.trx, ctx.actor.organisationId),
    offices: entries.map((entry) => presentOverviewEntry(entry, today, 'all')),
  };
}

/** The overview as a printable PDF. */
export async function overviewPdf(ctx: RequestContext, filter: { organisationId?: string; city?: string }) {
  const data = await overview(ctx, filter);
  return renderOverviewPdf(data, ctx.now);
}

/** The partner view shows this week and next. */
const premisesDays = 14;

/**
 * The counselling hours held in a partner's premises (R-DIR-3), this week and next: which
 * services come, with provider, office and times, and which of those hours are cancelled by a
 * closure or public holiday of the office. Built from the same read model as the overview.
 */
export async function hostedHours(ctx: RequestContext, organisationId: string, query: { week?: string }) {
  const [host] = await repo.findPartnerPlaces(ctx.trx, [organisationId]);
  if (!host) throw new AppError('not_found');
  authorizeDirectory(ctx.actor, 'directory.hosted_hours', {
    type: 'premises',
    organisationId: host.id,
    organisationKind: host.kind as OrganisationKind,
  });
  const from = mondayOf(query.week ?? berlinToday(ctx.now));
  const officeIds = await repo.officesHostedBy(ctx.trx, host.id);
  const entries = await loadDirectory(ctx.trx, { officeIds }, from);
  const calendars = entries.map((entry) => ({
    office: entry.office,
    days: hoursInPremises(from, host.id, entry.hours, entry.exceptions, premisesDays),
  }));
  const days = Array.from({ length: premisesDays }, (_, i) => {
    const date = addDays(from, i);
    const slots = calendars.flatMap(({ office, days: officeDays }) =>
      (officeDays[i]?.slots ?? []).map((slot) => ({
        officeId: office.id,
        officeName: office.name,
        providerName: office.provider_name,
        kind: slot.kind,
        service: slot.service,
        opensAt: slot.opensAt,
        closesAt: slot.closesAt,
        room: slot.room,
        byAppointment: slot.byAppointment,
        note: slot.note,
        cancelled: slot.cancelled,
      })),
    );
    slots.sort((a, b) => a.opensAt.localeCompare(b.opensAt) || a.providerName.localeCompare(b.providerName));
    return { date, weekday: isoWeekday(date), slots };
  });
  return {
    organisationId: host.id,
    organisationName: host.name,
    from,
    until: addDays(from, premisesDays - 1),
    generatedAt: ctx.now.toISOString(),
    offices: entries.map(({ office, hours }) => ({
      id: office.id,
      name: office.name,
      providerId: office.organisation_id,
      providerName: office.provider_name,
      services: office.services as ('MBE' | 'JMD')[],
      street: office.street,
      postcode: office.postcode,
      city: office.city,
      phone: office.phone,
      email: office.email,
      hours: hours
        .filter((h) => h.partnerOrganisationId === host.id && (h.validTo === null || h.validTo >= from))
        .map(presentHours),
    })),
    days,
  };
}

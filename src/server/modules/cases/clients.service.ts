import type { RequestContext } from '../../http/request-context.ts';
import { recordAudit } from '../../audit/audit.ts';
import { AppError } from '../../http/errors.ts';
import {
  caseReachable,
  checkBirthDate,
  checkCategory,
  checkNotFuture,
  checkOffice,
  clientContext,
  InputCheck,
  loadCategories,
  loadClient,
  plausibleBirthDate,
  type Categories,
  type LoadedClient,
} from './cases.access.ts';
import { allowedCaseActions, authorizeCase, type CaseAction, type CaseResource } from './cases.policy.ts';
import { ageOn, berlinToday, germanDate, suggestService, type IsoDate } from './cases.rules.ts';
import * as casesRepo from './cases.repository.ts';
import * as repo from './clients.repository.ts';
import type {
  CreateClientInput,
  FamilyMemberInput,
  OpenCaseInput,
  UpdateClientInput,
} from './cases.schemas.ts';

const clientActions: readonly CaseAction[] = ['client.update', 'client.export', 'case.create'];

/** A client as the API shows it, with their cases (only those in reach are marked accessible). */
export function presentClient(
  ctx: RequestContext,
  loaded: Pick<LoadedClient, 'row' | 'cases' | 'grants' | 'resource'>,
  family: repo.FamilyMemberRow[],
) {
  const { row } = loaded;
  return {
    ...presentClientCore(row, family),
    suggestion: suggestService({ birthDate: row.birth_date, ageGroup: row.age_group }, berlinToday(ctx.now)),
    cases: loaded.cases.map((c) => ({
      id: c.id,
      caseNumber: c.case_number,
      caseType: c.case_type as 'short_counselling' | 'case_management',
      service: c.service as 'MBE' | 'JMD',
      status: c.status as 'open' | 'closed',
      openedOn: c.opened_on,
      closedOn: c.closed_on,
      ownerUserId: c.owner_user_id,
      ownerName: c.owner_name,
      accessible: caseReachable(ctx, c, loaded.grants.get(c.id) ?? []),
    })),
    allowedActions: allowedCaseActions(ctx.actor, loaded.resource, clientActions),
  };
}

/**
 * What the reader may do with the client record, for the case view: the same actions a read of
 * the client lists, decided on the client with all their cases (a grant on one case reaches the
 * client; a team lead's role never includes changing it).
 */
export async function clientActionsFor(ctx: RequestContext, row: repo.ClientRow): Promise<string[]> {
  return allowedCaseActions(ctx.actor, (await clientContext(ctx, row)).resource, clientActions);
}

/** The client's own data, as the case view and the export show it. */
export function presentClientCore(row: repo.ClientRow, family: repo.FamilyMemberRow[]) {
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    pseudonymous: row.pseudonymous,
    birthDate: row.birth_date,
    ageGroup: row.age_group,
    gender: row.gender,
    citizenship: row.citizenship,
    languages: row.languages,
    phone: row.phone,
    email: row.email,
    contactNote: row.contact_note,
    arrivalYear: row.arrival_year,
    residenceStatusGroup: row.residence_status_group,
    familyMembers: family.map((f) => ({
      id: f.id,
      relation: f.relation as 'partner' | 'child' | 'parent' | 'sibling' | 'other',
      givenName: f.given_name,
      birthYear: f.birth_year,
      counselledAlongside: f.counselled_alongside,
    })),
    version: row.version,
  };
}

/** The organisation's case management, for registering and finding clients. */
function caseManagement(ctx: RequestContext): CaseResource {
  return { type: 'case_management', organisationId: ctx.actor.organisationId };
}

/** R-CASE-2: the suggested programme for a date of birth or age group (the UI asks while typing). */
export function suggestion(ctx: RequestContext, query: { birthDate?: string; ageGroup?: string }) {
  authorizeCase(ctx.actor, 'client.create', caseManagement(ctx));
  const today = berlinToday(ctx.now);
  // R-SEC-4: no age (and no routing) from a birth date in the future.
  const check = new InputCheck();
  checkBirthDate(check, 'birthDate', query.birthDate, today);
  check.done();
  return suggestService(query, today);
}

interface PersonFields {
  birthDate?: string | null | undefined;
  arrivalYear?: number | null | undefined;
  residenceStatusGroup?: string | null | undefined;
  familyMembers?: FamilyMemberInput[] | undefined;
}

function checkPerson(
  check: InputCheck,
  categories: Categories,
  input: PersonFields,
  today: IsoDate,
  stored?: repo.ClientRow,
): void {
  const year = Number(today.slice(0, 4));
  checkBirthDate(check, 'birthDate', input.birthDate, today);
  if (input.birthDate && plausibleBirthDate(input.birthDate, today) && ageOn(input.birthDate, today) > 120)
    check.add('birthDate', 'Bitte das Geburtsdatum prüfen (älter als 120 Jahre).');
  if (input.arrivalYear) {
    if (input.arrivalYear > year)
      check.add('arrivalYear', 'Das Jahr der Einreise darf nicht in der Zukunft liegen.');
    const birthDate = input.birthDate !== undefined ? input.birthDate : stored?.birth_date;
    if (birthDate && input.arrivalYear < Number(birthDate.slice(0, 4)))
      check.add('arrivalYear', 'Das Jahr der Einreise liegt vor dem Geburtsjahr.');
  }
  (input.familyMembers ?? []).forEach((m, i) => {
    if (m.birthYear && m.birthYear > year)
      check.add(`familyMembers.${i}.birthYear`, 'Das Geburtsjahr darf nicht in der Zukunft liegen.');
  });
  checkCategory(
    check,
    categories,
    'residenceStatusGroups',
    'residenceStatusGroup',
    input.residenceStatusGroup,
    [stored?.residence_status_group ?? null],
  );
}

/** Checks the opening of a case: service routing (R-CASE-2), dates, office, categories. */
async function checkOpening(
  ctx: RequestContext,
  check: InputCheck,
  categories: Categories,
  input: OpenCaseInput,
  person: { birthDate: string | null; ageGroup: string | null },
  prefix: string,
) {
  const today = berlinToday(ctx.now);
  const suggested = suggestService(person, today);
  // A birth date in the future is refused at its field; no routing or opening rule follows from it.
  const birthPlausible = plausibleBirthDate(person.birthDate, today);
  if (birthPlausible && suggested.service !== input.service && !input.serviceOverrideReason) {
    check.add(
      `${prefix}serviceOverrideReason`,
      suggested.service
        ? `Nach dem Alter ist ${suggested.service} vorgesehen. Bitte begründen Sie, warum der Fall im ${input.service} geführt wird.`
        : 'Nach dem Alter ist weder MBE noch JMD vorgesehen. Bitte begründen Sie, warum der Fall geführt wird.',
      'override_reason_required',
    );
  }
  const openedOn = input.openedOn ?? today;
  checkNotFuture(
    check,
    `${prefix}openedOn`,
    openedOn,
    today,
    'Ein Fall kann nicht in der Zukunft eröffnet werden.',
  );
  if (birthPlausible && person.birthDate && openedOn < person.birthDate)
    check.add(
      `${prefix}openedOn`,
      `Die Eröffnung liegt vor dem Geburtsdatum (${germanDate(person.birthDate)}).`,
    );
  await checkOffice(ctx, check, `${prefix}officeId`, input.officeId);
  checkCategory(check, categories, 'wayIn', `${prefix}wayIn`, input.wayIn);
  checkCategory(
    check,
    categories,
    'livelihood',
    `${prefix}situationStart.livelihood`,
    input.situationStart?.livelihood,
  );
  return { suggested: suggested.service, openedOn };
}

async function insertOpenedCase(
  ctx: RequestContext,
  clientId: string,
  input: OpenCaseInput,
  suggested: 'MBE' | 'JMD' | null,
  openedOn: string,
) {
  const caseNumber = await casesRepo.nextCaseNumber(
    ctx.trx,
    ctx.actor.organisationId,
    Number(berlinToday(ctx.now).slice(0, 4)),
  );
  const caseId = await casesRepo.insertCase(ctx.trx, {
    organisation_id: ctx.actor.organisationId,
    client_id: clientId,
    case_number: caseNumber,
    owner_user_id: ctx.actor.userId,
    opened_on: openedOn,
    created_by: ctx.actor.userId,
    case_type: input.caseType,
    service: input.service,
    suggested_service: suggested,
    service_override_reason: suggested === input.service ? null : (input.serviceOverrideReason ?? null),
    office_id: input.officeId ?? null,
    phase: input.caseType === 'case_management' ? 'intake' : null,
    way_in: input.wayIn ?? null,
    next_review_on: null,
    start_livelihood: input.situationStart?.livelihood ?? null,
    start_language_level: input.situationStart?.languageLevel ?? null,
    start_work: input.situationStart?.work ?? null,
  });
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'case.created',
    entityType: 'case',
    entityId: caseId,
    details: {
      clientId,
      caseType: input.caseType,
      service: input.service,
      serviceOverridden: suggested !== input.service,
    },
  });
  return { caseId, caseNumber };
}

const familyValues = (members: FamilyMemberInput[]) =>
  members.map((m) => ({
    id: m.id,
    relation: m.relation,
    given_name: m.givenName ?? null,
    birth_year: m.birthYear ?? null,
    counselled_alongside: m.counselledAlongside,
  }));

/** R-CASE-1: registers a client with only what counselling needs and opens the first case. */
export async function createClient(ctx: RequestContext, input: CreateClientInput) {
  authorizeCase(ctx.actor, 'client.create', caseManagement(ctx));
  const today = berlinToday(ctx.now);
  const categories = await loadCategories(ctx);
  const check = new InputCheck();
  checkPerson(check, categories, input, today);
  const opening = await checkOpening(
    ctx,
    check,
    categories,
    input.case,
    { birthDate: input.birthDate ?? null, ageGroup: input.ageGroup ?? null },
    'case.',
  );
  check.done();

  const row = await repo.insertClient(ctx.trx, {
    organisation_id: ctx.actor.organisationId,
    created_by: ctx.actor.userId,
    given_name: input.givenName ?? null,
    family_name: input.familyName,
    pseudonymous: input.pseudonymous,
    birth_date: input.birthDate ?? null,
    age_group: input.birthDate ? null : (input.ageGroup ?? null),
    gender: input.gender ?? null,
    citizenship: input.citizenship ?? null,
    languages: [...new Set(input.languages)],
    phone: input.phone ?? null,
    email: input.email ?? null,
    contact_note: input.contactNote ?? null,
    arrival_year: input.arrivalYear ?? null,
    residence_status_group: input.residenceStatusGroup ?? null,
  });
  await repo.replaceFamilyMembers(
    ctx.trx,
    ctx.actor.organisationId,
    row.id,
    familyValues(input.familyMembers.map((m) => ({ ...m, id: undefined }))),
  );
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'client.created',
    entityType: 'client',
    entityId: row.id,
    details: { pseudonymous: row.pseudonymous, familyMembers: input.familyMembers.length },
  });
  const opened = await insertOpenedCase(ctx, row.id, input.case, opening.suggested, opening.openedOn);
  const loaded = await loadClient(ctx, row.id, 'client.read');
  const family = await repo.listFamilyMembers(ctx.trx, row.id);
  return { client: presentClient(ctx, loaded, family), ...opened };
}

/** Opens a further case for a known client. */
export async function openCase(ctx: RequestContext, clientId: string, input: OpenCaseInput) {
  const loaded = await loadClient(ctx, clientId, 'case.create');
  const categories = await loadCategories(ctx);
  const check = new InputCheck();
  const opening = await checkOpening(
    ctx,
    check,
    categories,
    input,
    { birthDate: loaded.row.birth_date, ageGroup: loaded.row.age_group },
    '',
  );
  check.done();
  const opened = await insertOpenedCase(ctx, clientId, input, opening.suggested, opening.openedOn);
  const reloaded = await loadClient(ctx, clientId, 'client.read');
  const family = await repo.listFamilyMembers(ctx.trx, clientId);
  return { client: presentClient(ctx, reloaded, family), ...opened };
}

export async function getClient(ctx: RequestContext, id: string) {
  const loaded = await loadClient(ctx, id, 'client.read');
  const family = await repo.listFamilyMembers(ctx.trx, id);
  await recordAudit(ctx.trx, ctx.audit, { action: 'client.read', entityType: 'client', entityId: id });
  return presentClient(ctx, loaded, family);
}

export async function updateClient(ctx: RequestContext, id: string, input: UpdateClientInput) {
  const loaded = await loadClient(ctx, id, 'client.update');
  const categories = await loadCategories(ctx);
  const check = new InputCheck();
  checkPerson(check, categories, input, berlinToday(ctx.now), loaded.row);
  const birthDate = input.birthDate !== undefined ? input.birthDate : loaded.row.birth_date;
  const ageGroup = input.ageGroup !== undefined ? input.ageGroup : loaded.row.age_group;
  if (!birthDate && !ageGroup)
    check.add('birthDate', 'Bitte ein Geburtsdatum oder eine Altersgruppe angeben.');
  const family = await repo.listFamilyMembers(ctx.trx, id);
  const familyIds = new Set(family.map((f) => f.id));
  (input.familyMembers ?? []).forEach((m, i) => {
    if (m.id && !familyIds.has(m.id)) check.add(`familyMembers.${i}.id`, 'Unbekannte Familienangehörige.');
  });
  check.done();

  const { version, familyMembers, ...fields } = input;
  const changes: Partial<repo.ClientValues> = {
    ...(fields.givenName !== undefined ? { given_name: fields.givenName } : {}),
    ...(fields.familyName !== undefined ? { family_name: fields.familyName } : {}),
    ...(fields.pseudonymous !== undefined ? { pseudonymous: fields.pseudonymous } : {}),
    ...(fields.birthDate !== undefined ? { birth_date: fields.birthDate } : {}),
    ...(fields.ageGroup !== undefined || fields.birthDate ? { age_group: birthDate ? null : ageGroup } : {}),
    ...(fields.gender !== undefined ? { gender: fields.gender } : {}),
    ...(fields.citizenship !== undefined ? { citizenship: fields.citizenship } : {}),
    ...(fields.languages !== undefined ? { languages: [...new Set(fields.languages)] } : {}),
    ...(fields.phone !== undefined ? { phone: fields.phone } : {}),
    ...(fields.email !== undefined ? { email: fields.email } : {}),
    ...(fields.contactNote !== undefined ? { contact_note: fields.contactNote } : {}),
    ...(fields.arrivalYear !== undefined ? { arrival_year: fields.arrivalYear } : {}),
    ...(fields.residenceStatusGroup !== undefined
      ? { residence_status_group: fields.residenceStatusGroup }
      : {}),
  };
  const updated = await repo.updateClient(ctx.trx, id, version, changes);
  if (!updated) throw new AppError('version_conflict');
  if (familyMembers !== undefined)
    await repo.replaceFamilyMembers(ctx.trx, ctx.actor.organisationId, id, familyValues(familyMembers));
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'client.updated',
    entityType: 'client',
    entityId: id,
    details: { fields: Object.keys(input).filter((k) => k !== 'version') },
  });
  return presentClient(ctx, { ...loaded, row: updated }, await repo.listFamilyMembers(ctx.trx, id));
}

/** Parses a search: a date of birth (TT.MM.JJJJ or JJJJ-MM-TT), a case number, or a name fragment. */
export function parseSearch(q: string): { birthDate?: string; caseNumber?: string; name?: string } {
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(q);
  if (german) {
    const [, d, m, y] = german;
    return { birthDate: `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}` };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(q)) return { birthDate: q };
  if (/^\d{4}-\d{5}$/.test(q)) return { caseNumber: q };
  return { name: q };
}

function validDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** R-CASE-8: finds the actor's own clients by name fragment, date of birth or case number. */
export async function searchClients(ctx: RequestContext, query: { q: string; limit: number }) {
  authorizeCase(ctx.actor, 'client.search', caseManagement(ctx));
  const parsed = parseSearch(query.q);
  if (parsed.birthDate && !validDate(parsed.birthDate)) {
    throw new AppError('validation_failed', {
      errors: [{ path: 'q', code: 'invalid_date', message: 'Dieses Datum gibt es nicht.' }],
    });
  }
  const rows = await repo.searchClients(ctx.trx, {
    userId: ctx.actor.userId,
    now: ctx.now,
    limit: query.limit,
    ...parsed,
  });
  const cases = await repo.reachableCasesOf(
    ctx.trx,
    rows.map((r) => r.id),
    ctx.actor.userId,
    ctx.now,
  );
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'client.searched',
    entityType: 'client',
    details: {
      by: parsed.birthDate ? 'birthDate' : parsed.caseNumber ? 'caseNumber' : 'name',
      clientIds: rows.map((r) => r.id),
    },
  });
  return {
    items: rows.map((r) => ({
      clientId: r.id,
      givenName: r.given_name,
      familyName: r.family_name,
      pseudonymous: r.pseudonymous,
      birthDate: r.birth_date,
      ageGroup: r.age_group,
      cases: cases
        .filter((c) => c.client_id === r.id)
        .map((c) => ({
          id: c.id,
          caseNumber: c.case_number,
          status: c.status as 'open' | 'closed',
          service: c.service,
        })),
    })),
    total: rows.length,
  };
}

import type { RequestContext } from '../../http/request-context.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import {
  categoryNames,
  effectiveCategories,
  type CategoryEntry,
  type CategoryKey,
} from './cases.categories.ts';
import {
  authorizeCase,
  canCase,
  caseInReach,
  type CaseAction,
  type CaseRecord,
  type ClientRecord,
} from './cases.policy.ts';
import * as casesRepo from './cases.repository.ts';
import { germanDate, type IsoDate } from './cases.rules.ts';
import * as clientsRepo from './clients.repository.ts';
import { defaultConsentMonths } from '../exchange/exchange.values.ts';

/**
 * Loading a case or client together with what the policy needs to decide (owner, break-the-glass
 * grants), and the checks of input that need the clock, the database or the organisation's lists.
 */

/** A case as the policy sees it: its owner, who holds a grant on it, whether it is open. */
export function caseResource(
  row: Pick<casesRepo.CaseRow, 'organisation_id' | 'owner_user_id' | 'status'>,
  grantedUserIds: readonly string[],
): CaseRecord {
  return {
    type: 'case',
    organisationId: row.organisation_id,
    ownerUserId: row.owner_user_id,
    grantedUserIds,
    status: row.status as CaseRecord['status'],
  };
}

export interface LoadedCase {
  row: casesRepo.CaseRow;
  resource: CaseRecord;
  /** The reader's own grant when they reached the case by breaking the glass. */
  grant: { reason: string; expires_at: Date } | null;
}

const writeActions = new Set<CaseAction>(['case.update', 'case.close']);

/** Loads a case and asks the policy; another organisation's case is simply not found. */
export async function loadCase(ctx: RequestContext, id: string, action: CaseAction): Promise<LoadedCase> {
  const row = await casesRepo.findCase(ctx.trx, id);
  if (!row) throw new AppError('not_found');
  const grantedUserIds = await casesRepo.activeGrantUserIds(ctx.trx, id, ctx.now);
  const resource = caseResource(row, grantedUserIds);
  if (writeActions.has(action) && row.status === 'closed' && canCase(ctx.actor, 'case.read', resource)) {
    throw new AppError('case_closed');
  }
  authorizeCase(ctx.actor, action, resource);
  const grant =
    row.owner_user_id !== ctx.actor.userId
      ? ((await casesRepo.activeGrantOf(ctx.trx, id, ctx.actor.userId, ctx.now)) ?? null)
      : null;
  return { row, resource, grant };
}

export interface LoadedClient {
  row: clientsRepo.ClientRow;
  cases: Awaited<ReturnType<typeof clientsRepo.casesOfClient>>;
  grants: Map<string, string[]>;
  resource: ClientRecord;
}

export function clientResource(
  row: clientsRepo.ClientRow,
  cases: LoadedClient['cases'],
  grants: Map<string, string[]>,
): ClientRecord {
  return {
    type: 'client',
    organisationId: row.organisation_id,
    createdBy: row.created_by,
    cases: cases.map((c) => ({ ownerUserId: c.owner_user_id, grantedUserIds: grants.get(c.id) ?? [] })),
  };
}

/** The client as the policy sees it: with all their cases and who may reach each of them. */
export async function clientContext(ctx: RequestContext, row: clientsRepo.ClientRow): Promise<LoadedClient> {
  const [cases, grants] = await Promise.all([
    clientsRepo.casesOfClient(ctx.trx, row.id),
    clientsRepo.activeGrantsOfClient(ctx.trx, row.id, ctx.now),
  ]);
  return { row, cases, grants, resource: clientResource(row, cases, grants) };
}

export async function loadClient(ctx: RequestContext, id: string, action: CaseAction): Promise<LoadedClient> {
  const row = await clientsRepo.findClient(ctx.trx, id);
  if (!row) throw new AppError('not_found');
  const loaded = await clientContext(ctx, row);
  authorizeCase(ctx.actor, action, loaded.resource);
  return loaded;
}

/** Whether the actor can open this case of a client (own caseload or a grant). */
export function caseReachable(ctx: RequestContext, c: { owner_user_id: string }, grantedUserIds: string[]) {
  return caseInReach(ctx.actor, { ownerUserId: c.owner_user_id, grantedUserIds });
}

// ---------------------------------------------------------------------------------------------
// Input checks that need the clock, the database or the category lists. All problems of one
// request are collected and answered together, before anything is written.

export class InputCheck {
  readonly errors: FieldError[] = [];

  add(path: string, message: string, code = 'invalid'): void {
    this.errors.push({ path, code, message });
  }

  /** Throws 400 validation_failed with every collected problem, if there is any. */
  done(): void {
    if (this.errors.length > 0) throw new AppError('validation_failed', { errors: this.errors });
  }
}

// --- Dates and the clock (R-SEC-4) ------------------------------------------------------------
// The earliest plausible dates need no clock and are refused by the schemas (`cases.schemas.ts`);
// here are the latest ones: what happened cannot lie in the future, what is planned not more than
// five years ahead.

/** How far ahead due dates, reviews, appointments and activities may be planned. */
export const planningYearsAhead = 5;

/** The last day that may still be planned: today in five years (29 February stays a bound). */
export function latestPlannedDate(today: IsoDate): IsoDate {
  return `${String(Number(today.slice(0, 4)) + planningYearsAhead).padStart(4, '0')}${today.slice(4)}`;
}

/** Something that happened (a conversation, a closure, a step done) cannot lie after today. */
export function checkNotFuture(
  check: InputCheck,
  path: string,
  date: IsoDate | null | undefined,
  today: IsoDate,
  message = 'Das Datum darf nicht in der Zukunft liegen.',
): void {
  if (date && date > today) check.add(path, message, 'date_in_future');
}

/** Something planned lies at most five years ahead. */
export function checkPlannable(
  check: InputCheck,
  path: string,
  date: IsoDate | null | undefined,
  today: IsoDate,
): void {
  const latest = latestPlannedDate(today);
  if (date && date > latest)
    check.add(
      path,
      `Das Datum liegt zu weit in der Zukunft (höchstens ${planningYearsAhead} Jahre, bis ${germanDate(latest)}). Bitte das Datum prüfen.`,
      'date_too_far_ahead',
    );
}

/** A birth date: not in the future (the schema refuses dates before 1900). */
export function checkBirthDate(
  check: InputCheck,
  path: string,
  date: IsoDate | null | undefined,
  today: IsoDate,
): void {
  checkNotFuture(check, path, date, today, 'Das Geburtsdatum darf nicht in der Zukunft liegen.');
}

/** Whether a birth date is plausible today, so ages and the service routing can be derived from it. */
export function plausibleBirthDate(date: IsoDate | null | undefined, today: IsoDate): boolean {
  return !date || date <= today;
}

export type Categories = Record<CategoryKey, CategoryEntry[]>;

/** The organisation's category lists (its own or the defaults). */
export async function loadCategories(ctx: RequestContext): Promise<Categories> {
  const settings = await casesRepo.findSettings(ctx.trx);
  return effectiveCategories(settings?.categories);
}

/**
 * R-CON-1: the provider's rules for a new consent — the purposes of its list (inactive ones stay
 * readable on consents that name them) and the longest validity in months.
 */
export async function loadConsentRules(ctx: RequestContext) {
  const settings = await casesRepo.findSettings(ctx.trx);
  return {
    purposes: effectiveCategories(settings?.categories).consentPurposes,
    maxMonths: settings?.consent_max_months ?? defaultConsentMonths,
  };
}

/**
 * Checks codes against an active list entry. A code already stored on the record stays valid
 * even when the list has since retired it, so editing an old record does not fail on it.
 */
export function checkCategory(
  check: InputCheck,
  categories: Categories,
  key: CategoryKey,
  path: string,
  value: string | readonly string[] | null | undefined,
  alreadyStored: readonly (string | null)[] = [],
): void {
  if (value === null || value === undefined) return;
  const values = typeof value === 'string' ? [value] : value;
  const active = new Set(categories[key].filter((e) => e.active).map((e) => e.code));
  values.forEach((v, i) => {
    if (active.has(v) || alreadyStored.includes(v)) return;
    check.add(
      typeof value === 'string' ? path : `${path}.${i}`,
      `Unbekannter Wert „${v}“ in der Auswahlliste „${categoryNames[key]}“.`,
      'unknown_category',
    );
  });
}

/** An office must be one of the organisation's own (offices are readable across organisations). */
export async function checkOffice(
  ctx: RequestContext,
  check: InputCheck,
  path: string,
  officeId: string | null | undefined,
): Promise<void> {
  if (!officeId) return;
  const office = await ctx.trx
    .selectFrom('offices')
    .select('organisation_id')
    .where('id', '=', officeId)
    .executeTakeFirst();
  if (office?.organisation_id !== ctx.actor.organisationId) {
    check.add(path, 'Diese Beratungsstelle gehört nicht zu Ihrer Organisation.');
  }
}

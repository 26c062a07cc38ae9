import type { Updateable } from 'kysely';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAudit } from '../../audit/audit.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../policy/policy.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import type { PartnerOffersTable } from '../directory/directory.tables.ts';
import {
  allowedOfferActions,
  authorizeOffer,
  canOffer,
  type OfferAction,
  type OfferResource,
} from './offers.policy.ts';
import * as repo from './offers.repository.ts';
import type { PublishOfferInput, UpdateOfferInput } from './offers.schemas.ts';
import type { OfferKind } from './offers.values.ts';

/**
 * Partner offers (R-OFF-1..3): course providers publish courses, Jobcenters measures and the
 * ABH regulations and service instructions, each only in its own name; counselling staff read
 * all of them (policy + RLS). Notifications of new offers (R-OFF-4) live in notifications.service.ts.
 */

const offerActions: readonly OfferAction[] = ['offer.update', 'offer.delete'];

/** An offer as the policy sees it: its publisher, its kind and whom it is addressed to. */
export function offerResource(row: {
  organisation_id: string;
  kind: string;
  audience: readonly string[];
}): OfferResource {
  return {
    type: 'offer',
    organisationId: row.organisation_id,
    offerKind: row.kind as OfferKind,
    audience: row.audience,
  };
}

const day = (value: string | null) => value;

export function presentOffer(actor: Actor, row: repo.OfferRow) {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    kind: row.kind as OfferKind,
    categoryId: row.category_id,
    categoryLabel: row.category_label,
    title: row.title,
    summary: row.summary,
    place: row.place,
    street: row.street,
    postcode: row.postcode,
    city: row.city,
    startsOn: day(row.starts_on),
    endsOn: day(row.ends_on),
    schedule: row.schedule,
    freePlaces: row.free_places,
    childcare: row.childcare,
    languages: row.languages,
    targetGroup: row.target_group,
    audienceOrganisationIds: row.audience,
    contact: row.contact,
    url: row.url,
    reference: row.reference,
    effectiveFrom: day(row.effective_from),
    publishedAt: row.published_at.toISOString(),
    version: row.version,
    allowedActions: allowedOfferActions(actor, offerResource(row), offerActions),
  };
}

/** The offers the actor may read: RLS filters, and the policy confirms each one. */
export function visibleTo(actor: Actor, rows: readonly repo.OfferRow[]): repo.OfferRow[] {
  return rows.filter((row) => canOffer(actor, 'offer.read', offerResource(row)));
}

export async function listOffers(
  ctx: RequestContext,
  query: { kind?: OfferKind; organisationId?: string; offset: number; limit: number },
) {
  authorizeOffer(ctx.actor, 'offer.list', {
    type: 'offers',
    organisationId: query.organisationId ?? ctx.actor.organisationId,
  });
  const rows = visibleTo(ctx.actor, await repo.listOffers(ctx.trx, query, query));
  return {
    items: rows.map((row) => presentOffer(ctx.actor, row)),
    total: await repo.countOffers(ctx.trx, query),
  };
}

export async function getOffer(ctx: RequestContext, id: string) {
  const row = await repo.findOffer(ctx.trx, id);
  if (!row) throw new AppError('not_found');
  authorizeOffer(ctx.actor, 'offer.read', offerResource(row));
  return presentOffer(ctx.actor, row);
}

export async function listCategories(ctx: RequestContext) {
  return (await repo.listCategories(ctx.trx)).map((c) => ({
    id: c.id,
    kind: c.kind as OfferKind,
    de: c.label_de,
    en: c.label_en,
  }));
}

/** A category must exist and belong to the kind of offer. */
async function checkCategory(ctx: RequestContext, categoryId: string, kind: string): Promise<void> {
  const category = await repo.findCategory(ctx.trx, categoryId);
  if (!category || category.kind !== kind) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'categoryId',
          code: 'invalid_category',
          message: 'Diese Kategorie gibt es für diese Art von Angebot nicht.',
        },
      ],
    });
  }
}

export async function publishOffer(ctx: RequestContext, organisationId: string, input: PublishOfferInput) {
  const organisation = await findOrganisation(ctx.trx, organisationId);
  if (!organisation) throw new AppError('not_found');
  authorizeOffer(ctx.actor, 'offer.publish', { type: 'new_offer', organisationId, offerKind: input.kind });
  await checkCategory(ctx, input.categoryId, input.kind);
  const audience = await checkAudience(ctx, input.audienceOrganisationIds);
  const { id } = await repo.insertOffer(ctx.trx, {
    audience,
    organisation_id: organisationId,
    kind: input.kind,
    category_id: input.categoryId,
    title: input.title,
    summary: input.summary ?? null,
    contact: input.contact ?? null,
    url: input.url ?? null,
    languages: input.languages ?? [],
    target_group: input.targetGroup ?? null,
    place: input.kind !== 'regulation' ? (input.place ?? null) : null,
    street: input.kind !== 'regulation' ? (input.street ?? null) : null,
    postcode: input.kind !== 'regulation' ? (input.postcode ?? null) : null,
    city: input.kind !== 'regulation' ? (input.city ?? null) : null,
    starts_on: input.kind !== 'regulation' ? (input.startsOn ?? null) : null,
    ends_on: input.kind !== 'regulation' ? (input.endsOn ?? null) : null,
    schedule: input.kind !== 'regulation' ? (input.schedule ?? null) : null,
    free_places: input.kind !== 'regulation' ? (input.freePlaces ?? null) : null,
    childcare: input.kind === 'course' ? (input.childcare ?? null) : null,
    reference: input.kind === 'regulation' ? (input.reference ?? null) : null,
    effective_from: input.kind === 'regulation' ? (input.effectiveFrom ?? null) : null,
    published_at: ctx.now,
    created_by: ctx.actor.userId,
  });
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'offer.published',
    entityType: 'offer',
    entityId: id,
    organisationId,
    details: { kind: input.kind, category: input.categoryId },
  });
  return presentOffer(ctx.actor, (await repo.findOffer(ctx.trx, id))!);
}

/** The audience must consist of counselling providers; an empty list means all of them. */
async function checkAudience(ctx: RequestContext, ids: readonly string[] | undefined): Promise<string[]> {
  if (!ids || ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const rows = await ctx.trx
    .selectFrom('organisations')
    .select('id')
    .where('id', 'in', unique)
    .where('kind', '=', 'welfare_provider')
    .where('deactivated_at', 'is', null)
    .execute();
  const valid = new Set(rows.map((r) => r.id));
  const wrong = unique.map((id, i) => ({ id, i })).filter(({ id }) => !valid.has(id));
  if (wrong.length > 0) {
    throw new AppError('validation_failed', {
      errors: wrong.map(({ i }) => ({
        path: `audienceOrganisationIds.${i}`,
        code: 'invalid_audience',
        message: 'Angebote richten sich an Träger der Migrationsberatung; diese Organisation ist keiner.',
      })),
    });
  }
  return unique;
}

/** Fields that only some kinds of offer have; anything else is refused for that kind. */
const fieldsByKind: Record<OfferKind, ReadonlySet<string>> = {
  course: new Set(['reference', 'effectiveFrom']),
  measure: new Set(['childcare', 'reference', 'effectiveFrom']),
  regulation: new Set([
    'place',
    'street',
    'postcode',
    'city',
    'startsOn',
    'endsOn',
    'schedule',
    'freePlaces',
    'childcare',
  ]),
};

const columnOf = {
  categoryId: 'category_id',
  title: 'title',
  summary: 'summary',
  contact: 'contact',
  url: 'url',
  languages: 'languages',
  targetGroup: 'target_group',
  audienceOrganisationIds: 'audience',
  place: 'place',
  street: 'street',
  postcode: 'postcode',
  city: 'city',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  schedule: 'schedule',
  freePlaces: 'free_places',
  childcare: 'childcare',
  reference: 'reference',
  effectiveFrom: 'effective_from',
} as const satisfies Record<Exclude<keyof UpdateOfferInput, 'version'>, keyof PartnerOffersTable>;

async function loadOffer(ctx: RequestContext, id: string, action: OfferAction) {
  const row = await repo.findOffer(ctx.trx, id);
  if (!row) throw new AppError('not_found');
  authorizeOffer(ctx.actor, action, offerResource(row));
  return row;
}

export async function updateOffer(ctx: RequestContext, id: string, input: UpdateOfferInput) {
  const row = await loadOffer(ctx, id, 'offer.update');
  const kind = row.kind as OfferKind;
  const { version, ...changes } = input;
  const given = Object.entries(changes).filter(([, v]) => v !== undefined) as [
    keyof typeof columnOf,
    unknown,
  ][];
  const wrong = given.filter(([key]) => fieldsByKind[kind].has(key));
  if (wrong.length > 0) {
    throw new AppError('validation_failed', {
      errors: wrong.map(([key]) => ({
        path: key,
        code: 'not_for_kind',
        message: 'Dieses Feld gibt es für diese Art von Angebot nicht.',
      })),
    });
  }
  if (changes.categoryId) await checkCategory(ctx, changes.categoryId, kind);
  if (changes.audienceOrganisationIds) {
    changes.audienceOrganisationIds = await checkAudience(ctx, changes.audienceOrganisationIds);
  }
  const columns = Object.fromEntries(
    given.map(([key, value]) => [columnOf[key], value]),
  ) as Updateable<PartnerOffersTable>;
  const startsOn = changes.startsOn !== undefined ? changes.startsOn : row.starts_on;
  const endsOn = changes.endsOn !== undefined ? changes.endsOn : row.ends_on;
  if (startsOn && endsOn && endsOn < startsOn) {
    throw new AppError('validation_failed', {
      errors: [{ path: 'endsOn', code: 'custom', message: 'Das Ende muss nach dem Beginn liegen.' }],
    });
  }
  if (!(await repo.updateOffer(ctx.trx, id, version, columns))) throw new AppError('version_conflict');
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'offer.updated',
    entityType: 'offer',
    entityId: id,
    organisationId: row.organisation_id,
    details: { fields: given.map(([key]) => key) },
  });
  return presentOffer(ctx.actor, (await repo.findOffer(ctx.trx, id))!);
}

export async function deleteOffer(ctx: RequestContext, id: string, version: number) {
  const row = await loadOffer(ctx, id, 'offer.delete');
  if (!(await repo.deleteOffer(ctx.trx, id, version))) throw new AppError('version_conflict');
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'offer.deleted',
    entityType: 'offer',
    entityId: id,
    organisationId: row.organisation_id,
  });
}

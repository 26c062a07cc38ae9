import { z } from 'zod';
import { optionalText, pageOf, paginationQuery, postcodeField, versionField } from '../../http/schemas.ts';
import { dateField } from '../directory/directory.schemas.ts';
import { languageListField } from '../directory/languages.ts';
import { webAddressField } from '../offices/offices.schemas.ts';
import { digestFrequencies, offerKinds } from './offers.values.ts';

/** Offers of partners (R-OFF-1..3): courses, Jobcenter measures, ABH regulations; and notifications (R-OFF-4). */

export { offerKinds };
const kindEnum = z.enum(offerKinds);

export const offerSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  kind: kindEnum,
  categoryId: z.string(),
  categoryLabel: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  place: z.string().nullable(),
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  schedule: z.string().nullable(),
  freePlaces: z.number().int().nullable(),
  childcare: z.boolean().nullable(),
  languages: z.array(z.string()),
  targetGroup: z.string().nullable(),
  audienceOrganisationIds: z
    .array(z.uuid())
    .describe('Adressierte Träger der Migrationsberatung; leer = alle'),
  contact: z.string().nullable(),
  url: z.string().nullable(),
  reference: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  publishedAt: z.string(),
  version: z.number().int(),
  allowedActions: z.array(z.string()),
});

const common = {
  categoryId: z.string().trim().min(2).max(40),
  title: z.string().trim().min(3).max(200),
  summary: optionalText(4000),
  contact: optionalText(300),
  url: webAddressField.nullable().optional(),
  languages: languageListField.optional(),
  targetGroup: optionalText(300),
  audienceOrganisationIds: z.array(z.uuid()).max(100).optional(),
};
const location = {
  place: optionalText(200),
  street: optionalText(200),
  postcode: postcodeField.nullable().optional(),
  city: optionalText(100),
};
const period = {
  startsOn: dateField.nullable().optional(),
  endsOn: dateField.nullable().optional(),
  schedule: optionalText(300),
};

function endAfterStart(value: object, ctx: z.RefinementCtx) {
  const { startsOn, endsOn } = value as { startsOn?: string | null; endsOn?: string | null };
  if (startsOn && endsOn && endsOn < startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'Das Ende muss nach dem Beginn liegen.' });
  }
}

const courseBody = z.strictObject({
  kind: z.literal('course'),
  ...common,
  ...location,
  ...period,
  freePlaces: z.number().int().min(0).max(10_000).nullable().optional(),
  childcare: z.boolean().nullable().optional(),
});
const measureBody = z.strictObject({
  kind: z.literal('measure'),
  ...common,
  ...location,
  ...period,
  freePlaces: z.number().int().min(0).max(10_000).nullable().optional(),
});
const regulationBody = z.strictObject({
  kind: z.literal('regulation'),
  ...common,
  reference: optionalText(100),
  effectiveFrom: dateField.nullable().optional(),
});

export const publishOfferBody = z
  .discriminatedUnion('kind', [courseBody, measureBody, regulationBody])
  .superRefine(endAfterStart);
export type PublishOfferInput = z.infer<typeof publishOfferBody>;

export const updateOfferBody = z
  .strictObject({
    ...versionField,
    categoryId: common.categoryId.optional(),
    title: common.title.optional(),
    summary: common.summary,
    contact: common.contact,
    url: common.url,
    languages: common.languages,
    targetGroup: common.targetGroup,
    audienceOrganisationIds: common.audienceOrganisationIds,
    ...location,
    ...period,
    freePlaces: z.number().int().min(0).max(10_000).nullable().optional(),
    childcare: z.boolean().nullable().optional(),
    reference: optionalText(100),
    effectiveFrom: dateField.nullable().optional(),
  })
  .superRefine(endAfterStart);
export type UpdateOfferInput = z.infer<typeof updateOfferBody>;

export const listOffersQuery = z.strictObject({
  kind: kindEnum.optional(),
  organisationId: z.uuid().optional(),
  ...paginationQuery,
});

export const deleteOfferQuery = z.strictObject({ version: z.coerce.number().int().positive() });

export const categorySchema = z.object({
  id: z.string(),
  kind: kindEnum,
  de: z.string(),
  en: z.string(),
});

export const categoriesResponse = z.object({ items: z.array(categorySchema) });

export const notificationsQuery = z.strictObject({
  unread: z.enum(['true', 'false']).default('true'),
  ...paginationQuery,
});

export const notificationSchema = offerSchema.extend({ read: z.boolean() });

/** A page of notifications with the number of unread ones. */
export const notificationsResponse = pageOf(notificationSchema).extend({ unread: z.number().int() });

export const markReadBody = z.union([
  z.strictObject({ offerIds: z.array(z.uuid()).min(1).max(200) }),
  z.strictObject({ all: z.literal(true) }),
]);

/** What marking as read changed, and how many remain unread. */
export const markReadResponse = z.object({ marked: z.number().int(), unread: z.number().int() });

export const digestSettingsSchema = z.object({
  digest: z.enum(digestFrequencies),
  lastSentAt: z.string().nullable(),
});
export const digestSettingsBody = z.strictObject({ digest: z.enum(digestFrequencies) });

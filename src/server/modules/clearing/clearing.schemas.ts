import { z } from 'zod';
import { categoryCode } from '../cases/cases.schemas.ts';
import {
  dateField,
  postcodeOrPlace,
  publicSearchQuery,
  publicSearchResultSchema,
  timeField,
} from '../directory/directory.schemas.ts';
import { languageCodeField } from '../directory/languages.ts';
import {
  clearingAgeGroups,
  clearingGenders,
  clearingReferrals,
  clearingRegions,
  clearingResidenceCategories,
  clearingTopics,
  clearingWaysIn,
  halfYears,
  reportDimensions,
  rotaWeekdays,
} from './clearing.values.ts';

/**
 * Request and response schemas of the clearing office (R-CLR-1..4, R-REF-2, R-STAT-1, R-STAT-5).
 * A contact is a closed set of codes: every field is a choice from a list, none takes text, and
 * an unknown field is refused — so nothing that names a person can be stored (R-RED-3).
 */

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: 'Bitte einen Wert aus der Liste wählen.' });

const distinct = <T extends z.ZodType<string>>(item: T) =>
  z
    .array(item)
    .max(10)
    .refine((values) => new Set(values).size === values.length, 'Jeder Wert nur einmal.');

// ---------------------------------------------------------------------------------------------
// A contact (R-CLR-1, R-CLR-2, R-CLR-4)

export const contactBody = z
  .strictObject({
    /** Made by the browser before the first attempt: a retried POST never records twice. */
    id: z.uuid({ error: 'Ungültige Kennung des Kontakts.' }),
    /** The day; today unless the contact waited offline (at most a week). */
    date: dateField.optional(),
    ageGroup: choice(clearingAgeGroups),
    gender: choice(clearingGenders),
    region: choice(clearingRegions),
    language: languageCodeField,
    residence: choice(clearingResidenceCategories),
    topics: distinct(choice(clearingTopics)).min(1, 'Bitte mindestens ein Thema wählen.'),
    /** Chosen from the office's list of "other" topics, never typed. */
    otherTopic: categoryCode.nullable().default(null),
    wayIn: choice(clearingWaysIn),
    referrals: distinct(choice(clearingReferrals)).default([]),
    welcomePackage: z.boolean({ error: 'Bitte angeben, ob ein Willkommenspaket übergeben wurde.' }),
  })
  .refine((c) => (c.otherTopic !== null) === c.topics.includes('other'), {
    message: 'Bei „Sonstiges“ bitte das Thema aus der Liste wählen (und nur dann).',
    path: ['otherTopic'],
  });
export type ContactInput = z.infer<typeof contactBody>;

export const contactResponse = z.object({
  id: z.uuid(),
  date: z.string(),
  /** False when the same contact had arrived before (a retried request). */
  recorded: z.boolean(),
});

// ---------------------------------------------------------------------------------------------
// Settings: the ABH and its premises, the "other" topics

const otherTopicSchema = z.strictObject({
  code: categoryCode,
  de: z.string().trim().min(1).max(60),
  en: z.string().trim().min(1).max(60),
});

export const settingsSchema = z.object({
  abhOrganisationId: z.uuid().nullable(),
  abhOfficeId: z.uuid().nullable(),
  otherTopics: z.array(otherTopicSchema),
  /** The ABHs and their offices the manager can choose from. */
  authorities: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      offices: z.array(z.object({ id: z.uuid(), name: z.string() })),
    }),
  ),
  actions: z.array(z.string()),
  /** 0 while the office has kept the defaults. */
  version: z.number().int().nonnegative(),
});

export const settingsBody = z.strictObject({
  abhOrganisationId: z.uuid().nullable(),
  abhOfficeId: z.uuid().nullable(),
  otherTopics: z
    .array(otherTopicSchema)
    .max(30)
    .refine((t) => new Set(t.map((x) => x.code)).size === t.length, 'Jeder Code nur einmal.'),
  version: z.number().int().nonnegative(),
});
export type SettingsInput = z.infer<typeof settingsBody>;

// ---------------------------------------------------------------------------------------------
// Rota (R-CLR-3)

const rotaEntryInput = z
  .strictObject({
    userId: z.uuid(),
    weekday: z.union(rotaWeekdays.map((d) => z.literal(d))),
    startsAt: timeField,
    endsAt: timeField,
  })
  .refine((e) => e.endsAt > e.startsAt, {
    message: 'Das Ende muss nach dem Beginn liegen.',
    path: ['endsAt'],
  });

export const rotaBody = z.strictObject({ entries: z.array(rotaEntryInput).max(200) });
export type RotaInput = z.infer<typeof rotaBody>;

const span = z.object({ weekday: z.number().int(), from: z.string(), to: z.string() });

export const rotaSchema = z.object({
  entries: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      weekday: z.number().int(),
      startsAt: z.string(),
      endsAt: z.string(),
    }),
  ),
  /** The ABH's opening hours (directory), null when no premises are chosen in the settings. */
  openingHours: z.array(span).nullable(),
  /** R-CLR-3: opening hours without anyone on duty. */
  gaps: z.array(span),
  /** Trained staff of the office who can be put on duty. */
  staff: z.array(z.object({ id: z.uuid(), name: z.string() })),
  actions: z.array(z.string()),
});

// ---------------------------------------------------------------------------------------------
// The half-year report (R-STAT-1, R-STAT-5)

export const reportQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  half: z.coerce
    .number()
    .int()
    .refine(
      (h) => (halfYears as readonly number[]).includes(h),
      'Bitte das erste (1) oder zweite (2) Halbjahr wählen.',
    ),
});
export type ReportQuery = z.infer<typeof reportQuery>;

export const publishedCellSchema = z.union([
  z.object({ suppressed: z.literal(false), value: z.number().int() }),
  z.object({ suppressed: z.literal(true), value: z.null(), reason: z.enum(['primary', 'secondary']) }),
]);

export const reportSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** 'own': the clearing office's own report; 'partner': the ABH's view of the offices that name it. */
  view: z.enum(['own', 'partner']),
  threshold: z.number().int(),
  total: publishedCellSchema,
  dimensions: z.array(
    z.object({
      key: z.enum(reportDimensions),
      /** For a topic or referral: which one (its yes/no counts are the items). */
      value: z.string().nullable(),
      items: z.array(z.object({ label: z.string(), cell: publishedCellSchema })),
    }),
  ),
  /** Words for every label, German and English (months, categories, languages). */
  labels: z.record(z.string(), z.object({ de: z.string(), en: z.string() })),
});
export type ReportBody = z.infer<typeof reportSchema>;

// ---------------------------------------------------------------------------------------------
// Offers near the person's home (R-REF-2): nothing of this is stored with the contact

export const offersBody = z.strictObject({
  place: postcodeOrPlace,
  language: languageCodeField,
  age: publicSearchQuery.shape.age.unwrap(),
});
export type OffersInput = z.infer<typeof offersBody>;

export const courseOfferSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  providerName: z.string(),
  place: z.string().nullable(),
  startsOn: z.string().nullable(),
  freePlaces: z.number().int().nullable(),
  childcare: z.boolean(),
});

export const offersResponse = z.object({
  offices: z.array(publicSearchResultSchema),
  servicesForAge: z.array(z.string()).nullable(),
  courses: z.array(courseOfferSchema),
});

export const slipBody = offersBody.extend({
  officeIds: z.array(z.uuid()).min(1).max(3).optional(),
  welcomePackage: z.boolean().default(false),
});
export type ClearingSlipInput = z.infer<typeof slipBody>;

// ---------------------------------------------------------------------------------------------
// Gaps in the offer (R-STAT-4)

export const gapsQuery = z.strictObject({
  months: z.coerce.number().int().min(1).max(36).default(12),
});
export type GapsQuery = z.infer<typeof gapsQuery>;

const gapItems = z.array(z.object({ label: z.string(), cell: publishedCellSchema }));

export const gapsSchema = z.object({
  from: z.string(),
  to: z.string(),
  threshold: z.number().int(),
  /** Public directory searches without a result: by language, service and postcode area. */
  searches: z.object({
    total: publishedCellSchema,
    dimensions: z.array(z.object({ key: z.enum(['language', 'service', 'area']), items: gapItems })),
  }),
  /** The clearing office's contacts in languages no counselling office offers. */
  clearing: z.object({ total: publishedCellSchema, items: gapItems }),
  languageNames: z.record(z.string(), z.object({ de: z.string(), en: z.string() })),
});

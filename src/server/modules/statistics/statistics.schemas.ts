import { z } from 'zod';
import { services } from '../cases/cases.schemas.ts';
import {
  evaluationSections,
  maxEvaluationHalfYears,
  maxStatisticsMonths,
  reportDimensions,
  statisticsScopes,
} from './statistics.values.ts';

/**
 * Request and response schemas of statistics (R-STAT-2, R-STAT-3, R-STAT-5). Every count in an
 * answer is a published cell — a number, or hidden with the reason — made by disclosure control.
 */

const month = z
  .string()
  .regex(/^(20\d\d)-(0[1-9]|1[0-2])$/, 'Bitte einen Monat im Format JJJJ-MM angeben, z. B. 2026-01.');
const halfYear = z
  .string()
  .regex(/^20\d\d-H[12]$/, 'Bitte ein Halbjahr im Format JJJJ-H1 oder JJJJ-H2 angeben, z. B. 2026-H1.');

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
export const halfYearIndex = (h: string) => Number(h.slice(0, 4)) * 2 + Number(h.slice(6, 7)) - 1;

export const exportLanguage = z.enum(['de', 'en']).default('de');

const statisticsFilterShape = {
  scope: z.enum(statisticsScopes).default('own'),
  from: month.optional(),
  to: month.optional(),
  service: z.enum(services).optional(),
  officeId: z.uuid().optional(),
};

const orderedMonths = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || monthIndex(q.from) <= monthIndex(q.to);
const shortEnough = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || monthIndex(q.to) - monthIndex(q.from) < maxStatisticsMonths;

export const statisticsQuery = z
  .strictObject(statisticsFilterShape)
  .refine(orderedMonths, { message: 'Der Beginn des Zeitraums liegt nach seinem Ende.', path: ['to'] })
  .refine(shortEnough, {
    message: `Der Zeitraum darf höchstens ${maxStatisticsMonths} Monate umfassen.`,
    path: ['to'],
  });
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

export const statisticsExportQuery = z
  .strictObject({ ...statisticsFilterShape, lang: exportLanguage })
  .refine(orderedMonths, { message: 'Der Beginn des Zeitraums liegt nach seinem Ende.', path: ['to'] })
  .refine(shortEnough, {
    message: `Der Zeitraum darf höchstens ${maxStatisticsMonths} Monate umfassen.`,
    path: ['to'],
  });
export type StatisticsExportQuery = z.infer<typeof statisticsExportQuery>;

/** A published count: its number, or hidden — because it is small, or to protect one that is. */
export const publishedCellSchema = z.union([
  z.object({ suppressed: z.literal(false), value: z.number().int().min(0) }),
  z.object({ suppressed: z.literal(true), value: z.null(), reason: z.enum(['primary', 'secondary']) }),
]);

const label = z.object({ de: z.string(), en: z.string() });

export const counsellingStatisticsResponse = z.object({
  scope: z.enum(statisticsScopes),
  /** The scopes this person may choose. */
  scopes: z.array(z.enum(statisticsScopes)),
  /** Whether this person may open the evaluation of a cooperation. */
  mayEvaluate: z.boolean(),
  from: month,
  to: month,
  service: z.enum(services).nullable(),
  office: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The own offices, for the filter (empty outside the own scope). */
  offices: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** The smallest count shown (k). */
  threshold: z.number().int(),
  organisationName: z.string(),
  umbrella: z.string().nullable(),
  /** Cases; family members counselled alongside are counted apart. */
  total: publishedCellSchema,
  familyMembers: publishedCellSchema,
  tables: z.array(
    z.object({
      key: z.enum(reportDimensions),
      title: label,
      /** Whether the table sums to the number of cases (topics do not: a case has several). */
      additive: z.boolean(),
      items: z.array(z.object({ code: z.string(), label, cell: publishedCellSchema })),
    }),
  ),
});
export type CounsellingStatisticsView = z.infer<typeof counsellingStatisticsResponse>;

export const partnersResponse = z.object({
  partners: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      kind: z.enum(['jobcenter', 'abh', 'course_provider', 'other']),
    }),
  ),
});

export const partnerParams = z.strictObject({ partnerId: z.uuid() });

const evaluationFilterShape = { from: halfYear.optional(), to: halfYear.optional() };
const orderedHalfYears = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || halfYearIndex(q.from) <= halfYearIndex(q.to);
const fewEnough = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || halfYearIndex(q.to) - halfYearIndex(q.from) < maxEvaluationHalfYears;

export const evaluationQuery = z
  .strictObject(evaluationFilterShape)
  .refine(orderedHalfYears, { message: 'Das erste Halbjahr liegt nach dem letzten.', path: ['to'] })
  .refine(fewEnough, { message: `Höchstens ${maxEvaluationHalfYears} Halbjahre auf einmal.`, path: ['to'] });
export type EvaluationQuery = z.infer<typeof evaluationQuery>;

export const evaluationExportQuery = z
  .strictObject({ ...evaluationFilterShape, lang: exportLanguage })
  .refine(orderedHalfYears, { message: 'Das erste Halbjahr liegt nach dem letzten.', path: ['to'] })
  .refine(fewEnough, { message: `Höchstens ${maxEvaluationHalfYears} Halbjahre auf einmal.`, path: ['to'] });
export type EvaluationExportQuery = z.infer<typeof evaluationExportQuery>;

export const evaluationResponse = z.object({
  partner: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
  organisationName: z.string(),
  threshold: z.number().int(),
  halfYears: z.array(halfYear),
  sections: z.array(
    z.object({
      key: z.enum(evaluationSections),
      title: label,
      categories: z.array(z.object({ code: z.string(), label })),
      /** cells[halfYear][category] */
      cells: z.array(z.array(publishedCellSchema)),
      halfYearTotals: z.array(publishedCellSchema),
      categoryTotals: z.array(publishedCellSchema),
      total: publishedCellSchema,
    }),
  ),
});
export type EvaluationView = z.infer<typeof evaluationResponse>;

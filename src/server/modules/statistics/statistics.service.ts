import { recordAudit } from '../../audit/audit.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { AppError } from '../../http/errors.ts';
import { effectiveCategories, type CategoryEntry, type CategoryKey } from '../cases/cases.categories.ts';
import * as casesRepo from '../cases/cases.repository.ts';
import { berlinToday } from '../directory/schedule.ts';
import { buildCounsellingReport, type CounsellingReport } from './statistics.aggregate.ts';
import { buildEvaluation, type EvaluationFigure } from './evaluation.aggregate.ts';
import { categoryLabel, dimensionTitles } from './statistics.labels.ts';
import {
  authorizeStatistics,
  canStatistics,
  statisticsScopesFor,
  type StatisticsResource,
} from './statistics.policy.ts';
import * as repo from './statistics.repository.ts';
import {
  halfYearIndex,
  type CounsellingStatisticsView,
  type EvaluationQuery,
  type EvaluationView,
  type StatisticsQuery,
} from './statistics.schemas.ts';
import { evaluatedPartnerKinds, type StatisticsScope } from './statistics.values.ts';

/**
 * Counselling statistics and the evaluation of a cooperation (R-STAT-2, R-STAT-3, R-STAT-5):
 * load the organisation → ask the policy → count in the database → publish through disclosure
 * control → audit → present. A count reaches the answer, the CSV or the PDF only as a
 * `Published` figure: the presenters below take nothing else.
 */

type Categories = Record<CategoryKey, readonly CategoryEntry[]>;

async function categoriesOf(ctx: RequestContext): Promise<Categories> {
  const settings = await casesRepo.findSettings(ctx.trx);
  return effectiveCategories(settings?.categories);
}

const threshold = (ctx: RequestContext) => ctx.deps.config.statisticsThreshold;

/** The default period: January of this year up to this month (Berlin). */
function defaultMonths(ctx: RequestContext): { from: string; to: string } {
  const today = berlinToday(ctx.now);
  return { from: `${today.slice(0, 4)}-01`, to: today.slice(0, 7) };
}

export interface CounsellingStatistics {
  report: CounsellingReport;
  view: Omit<CounsellingStatisticsView, 'total' | 'familyMembers' | 'tables'>;
  categories: Categories;
}

/** Counts the cases of the scope and publishes them as one report. */
export async function counsellingStatistics(
  ctx: RequestContext,
  query: StatisticsQuery,
  exported: 'csv' | 'pdf' | null = null,
): Promise<CounsellingStatistics> {
  const { actor, trx } = ctx;
  const organisation = await repo.findOrganisationForStatistics(trx, actor.organisationId);
  if (!organisation) throw new AppError('not_found');
  const umbrella = organisation.umbrella ?? null;
  const own = { organisationId: organisation.id, organisationKind: organisation.kind };
  const resource: Record<StatisticsScope, StatisticsResource> = {
    own: { type: 'provider_statistics', ...own, umbrella },
    umbrella: { type: 'provider_statistics', ...own, umbrella },
    all: { type: 'region_statistics', ...own },
  };
  const action = {
    own: 'statistics.read',
    umbrella: 'statistics.read_umbrella',
    all: 'statistics.read_region',
  } as const;
  authorizeStatistics(actor, action[query.scope], resource[query.scope]);

  let office: { id: string; name: string } | null = null;
  if (query.officeId) {
    if (query.scope !== 'own') throw new AppError('statistics_office_own_only');
    office = (await repo.findOwnOffice(trx, organisation.id, query.officeId)) ?? null;
    if (!office) throw new AppError('not_found');
  }
  const period = { ...defaultMonths(ctx), ...dropUndefined({ from: query.from, to: query.to }) };
  if (period.from > period.to) period.from = period.to;
  const filter = { ...period, service: query.service ?? null, officeId: office?.id ?? null };
  const categories = await categoriesOf(ctx);
  const k = threshold(ctx);
  let report: CounsellingReport;
  if (query.scope === 'umbrella') {
    // The own figures are known to the reader; the others' pass disclosure control as the unknown part.
    const others = await repo.countCases(trx, 'umbrella_others', filter);
    const mine = await repo.countCases(trx, 'own', filter);
    report = buildCounsellingReport(others, categories, k, mine);
  } else {
    report = buildCounsellingReport(await repo.countCases(trx, query.scope, filter), categories, k);
  }
  await recordAudit(trx, ctx.audit, {
    action: exported ? 'statistics.exported' : 'statistics.read',
    entityType: 'statistics',
    details: {
      scope: query.scope,
      from: filter.from,
      to: filter.to,
      service: filter.service,
      office: filter.officeId,
      ...(exported ? { format: exported } : {}),
    },
  });
  const offices = query.scope === 'own' ? await repo.listOwnOffices(trx, organisation.id) : [];
  return {
    report,
    categories,
    view: {
      scope: query.scope,
      scopes: statisticsScopesFor(actor, umbrella),
      mayEvaluate: canStatistics(actor, 'evaluation.read', {
        type: 'evaluation',
        organisationId: organisation.id,
        organisationKind: organisation.kind,
        partnerKind: 'jobcenter',
      }),
      from: filter.from,
      to: filter.to,
      service: filter.service,
      office,
      offices,
      threshold: k,
      organisationName: organisation.name,
      umbrella,
    },
  };
}

function dropUndefined<T extends Record<string, string | undefined>>(o: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<
    Record<keyof T, string>
  >;
}

/** The answer: published cells with the words of every table and category. */
export function presentCounsellingStatistics(
  report: CounsellingReport,
  view: CounsellingStatistics['view'],
  categories: Categories,
): CounsellingStatisticsView {
  return {
    ...view,
    total: report.total,
    familyMembers: report.extras.find((x) => x.key === 'family_members')!.cell,
    tables: report.tables.map((table) => ({
      key: table.key,
      title: dimensionTitles[table.key],
      additive: table.additive,
      items: table.items.map((item) => ({
        code: item.label,
        label: categoryLabel(table.key, item.label, categories),
        cell: item.cell,
      })),
    })),
  };
}

export async function readCounsellingStatistics(
  ctx: RequestContext,
  query: StatisticsQuery,
): Promise<CounsellingStatisticsView> {
  const { report, view, categories } = await counsellingStatistics(ctx, query);
  return presentCounsellingStatistics(report, view, categories);
}

// ---------------------------------------------------------------------------------------------
// R-STAT-3: the evaluation of a cooperation.

/** The partner organisations a provider's management can evaluate its cooperation with. */
export async function evaluationPartners(ctx: RequestContext) {
  const { actor, trx } = ctx;
  authorizeStatistics(actor, 'evaluation.read', {
    type: 'evaluation',
    organisationId: actor.organisationId,
    organisationKind: actor.organisationKind,
    partnerKind: 'jobcenter',
  });
  const partners = await repo.listPartnerOrganisations(trx, evaluatedPartnerKinds);
  return {
    partners: partners.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind as (typeof evaluatedPartnerKinds)[number],
    })),
  };
}

const halfYearName = (index: number) => `${Math.floor(index / 2)}-H${(index % 2) + 1}`;
const halfYearStart = (index: number) => `${Math.floor(index / 2)}-${index % 2 === 0 ? '01' : '07'}-01`;

/** The half-years of the evaluation: the asked ones, or this one and the three before. */
function halfYearsOf(ctx: RequestContext, query: EvaluationQuery): number[] {
  const today = berlinToday(ctx.now);
  const current = Number(today.slice(0, 4)) * 2 + (Number(today.slice(5, 7)) <= 6 ? 0 : 1);
  const to = query.to ? halfYearIndex(query.to) : current;
  const from = query.from ? halfYearIndex(query.from) : Math.min(to, current) - 3;
  const first = Math.min(from, to);
  return Array.from({ length: to - first + 1 }, (_, i) => first + i);
}

export interface Evaluation {
  figure: EvaluationFigure;
  view: Omit<EvaluationView, 'sections'>;
  categories: Categories;
}

export async function evaluation(
  ctx: RequestContext,
  partnerId: string,
  query: EvaluationQuery,
  exported: 'csv' | 'pdf' | null = null,
): Promise<Evaluation> {
  const { actor, trx } = ctx;
  const organisation = await repo.findOrganisationForStatistics(trx, actor.organisationId);
  const partner = await repo.findOrganisationForStatistics(trx, partnerId);
  if (!organisation || !partner) throw new AppError('not_found');
  authorizeStatistics(actor, 'evaluation.read', {
    type: 'evaluation',
    organisationId: organisation.id,
    organisationKind: organisation.kind,
    partnerKind: partner.kind,
  });
  const halfYears = halfYearsOf(ctx, query);
  const period: repo.EvaluationPeriod = {
    partnerId: partner.id,
    start: halfYearStart(halfYears[0]!),
    end: halfYearStart(halfYears[halfYears.length - 1]! + 1),
  };
  const meetings = await repo.countMeetingsForEvaluation(trx, period);
  const counts = {
    referrals: await repo.countReferralsFrom(trx, period),
    consents: await repo.countConsentsFor(trx, period),
    disclosures: await repo.countMessagesWith(trx, period, 'provider'),
    notices: await repo.countMessagesWith(trx, period, 'partner'),
    conflicts: await repo.countConflictsWith(trx, period),
    meetings: meetings.meetings,
    actions: meetings.actions,
  };
  const categories = await categoriesOf(ctx);
  const names = halfYears.map(halfYearName);
  const figure = buildEvaluation(names, counts, categories, threshold(ctx));
  await recordAudit(trx, ctx.audit, {
    action: exported ? 'evaluation.exported' : 'evaluation.read',
    entityType: 'statistics',
    entityId: partner.id,
    details: { from: names[0]!, to: names[names.length - 1]!, ...(exported ? { format: exported } : {}) },
  });
  return {
    figure,
    categories,
    view: {
      partner: { id: partner.id, name: partner.name, kind: partner.kind },
      organisationName: organisation.name,
      threshold: threshold(ctx),
      halfYears: names,
    },
  };
}

export function presentEvaluation(figure: EvaluationFigure, view: Evaluation['view']): EvaluationView {
  return {
    ...view,
    sections: figure.sections.map((s) => ({
      key: s.key,
      title: s.title,
      categories: s.categories.map((c) => ({ code: c.code, label: c.label })),
      cells: s.figure.cells.map((row) => [...row]),
      halfYearTotals: [...s.figure.rowTotals],
      categoryTotals: [...s.figure.columnTotals],
      total: s.figure.total,
    })),
  };
}

export async function readEvaluation(
  ctx: RequestContext,
  partnerId: string,
  query: EvaluationQuery,
): Promise<EvaluationView> {
  const { figure, view } = await evaluation(ctx, partnerId, query);
  return presentEvaluation(figure, view);
}

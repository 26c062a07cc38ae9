import type { Trx } from '../../db/database.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAudit } from '../../audit/audit.ts';
import { programmesForAge } from '../../terms.ts';
import { languageName } from '../directory/languages.ts';
import { addDays, berlinToday } from '../directory/schedule.ts';
import { publishMargins, publishSeries } from '../statistics/disclosure-control.ts';
import { authorizeClearing, ownClearing } from './clearing.policy.ts';
import * as repo from './clearing.repository.ts';
import { searchGapOf, type SearchAsked } from './clearing.rules.ts';
import type { GapsQuery } from './clearing.schemas.ts';

/**
 * Gaps in the offer (R-STAT-4): demand by language, service and area that no office covers —
 * public directory searches that found nothing (counted anonymously as they happen) and the
 * clearing office's own contacts in languages no office offers. Shown only through disclosure
 * control (R-STAT-5).
 */

/** Called by the public search: counts the search when it found no office (or none in its language). */
export async function recordSearchGap(
  trx: Trx,
  now: Date,
  asked: SearchAsked,
  found: { items: readonly unknown[]; languageFallback: boolean },
): Promise<void> {
  const gap = searchGapOf(asked, found, programmesForAge);
  if (gap) await repo.countSearchGap(trx, `${berlinToday(now).slice(0, 7)}-01`, gap);
}

export async function gapReport(ctx: RequestContext, query: GapsQuery) {
  authorizeClearing(ctx.actor, 'gaps.read', ownClearing(ctx.actor, 'clearing_office'));
  const k = ctx.deps.config.statisticsThreshold;
  const to = berlinToday(ctx.now);
  const from = `${addDays(to, -31 * (query.months - 1)).slice(0, 7)}-01`;
  const [searches, clearing] = await Promise.all([
    repo.searchGapsSince(ctx.trx, from),
    repo.uncoveredClearingLanguages(ctx.trx, ctx.actor.organisationId, from),
  ]);
  const sum = (rows: readonly { searches: number | string }[]) =>
    rows.reduce((a, r) => a + Number(r.searches), 0);
  const group = (key: 'language' | 'service' | 'area') => {
    const map = new Map<string, number>();
    for (const row of searches) map.set(row[key], (map.get(row[key]) ?? 0) + Number(row.searches));
    return [...map.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([label, count]) => ({ label, count }));
  };
  const figure = publishMargins(
    sum(searches),
    [
      { key: 'language', items: group('language') },
      { key: 'service', items: group('service') },
      { key: 'area', items: group('area') },
    ],
    k,
  );
  const demand = publishSeries(
    clearing
      .map((row) => ({ label: row.language, count: Number(row.contacts) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    k,
  );
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'clearing.gaps_read',
    entityType: 'clearing_office',
    details: { from },
  });
  const languages = new Set([
    ...figure.dimensions[0]!.items.map((i) => i.label),
    ...demand.items.map((i) => i.label),
  ]);
  return {
    from,
    to,
    threshold: k,
    searches: {
      total: figure.total,
      dimensions: figure.dimensions.map((d) => ({
        key: d.key,
        items: d.items.map((i) => ({ label: i.label, cell: i.cell })),
      })),
    },
    clearing: { total: demand.total, items: demand.items.map((i) => ({ label: i.label, cell: i.cell })) },
    languageNames: Object.fromEntries(
      [...languages]
        .filter((l) => l !== '')
        .map((l) => [l, { de: languageName(l, 'de'), en: languageName(l, 'en') }]),
    ),
  };
}

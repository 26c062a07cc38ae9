import {
  clearingAgeGroups,
  clearingGenders,
  clearingReferrals,
  clearingRegions,
  clearingResidenceCategories,
  clearingTopics,
  clearingWaysIn,
  type HalfYear,
  type ReportDimension,
} from './clearing.values.ts';

/** Pure rules of the clearing office: half-years, the rota's gaps, the report's dimensions. Unit-tested. */

/** The first and last day of a half-year. */
export function halfYearRange(year: number, half: HalfYear): { from: string; to: string } {
  return half === 1
    ? { from: `${year}-01-01`, to: `${year}-06-30` }
    : { from: `${year}-07-01`, to: `${year}-12-31` };
}

/** The months of a half-year, 'YYYY-MM'. */
export function halfYearMonths(year: number, half: HalfYear): string[] {
  const first = half === 1 ? 1 : 7;
  return Array.from({ length: 6 }, (_, i) => `${year}-${String(first + i).padStart(2, '0')}`);
}

/** Whole days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export interface Span {
  weekday: number;
  from: string;
  to: string;
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const clock = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * R-CLR-3: the parts of the opening hours with nobody on duty, per weekday, in order. Times are
 * 'HH:MM' (seconds ignored).
 */
export function rotaGaps(opening: readonly Span[], duty: readonly Span[]): Span[] {
  const gaps: Span[] = [];
  const sorted = [...opening].sort((a, b) => a.weekday - b.weekday || minutes(a.from) - minutes(b.from));
  for (const open of sorted) {
    const covered = duty
      .filter((d) => d.weekday === open.weekday)
      .map((d) => [minutes(d.from), minutes(d.to)] as const)
      .sort((a, b) => a[0] - b[0]);
    let at = minutes(open.from);
    const end = minutes(open.to);
    for (const [from, to] of covered) {
      if (to <= at) continue;
      if (from >= end) break;
      if (from > at) gaps.push({ weekday: open.weekday, from: clock(at), to: clock(from) });
      at = Math.max(at, to);
      if (at >= end) break;
    }
    if (at < end) gaps.push({ weekday: open.weekday, from: clock(at), to: clock(end) });
  }
  return gaps;
}

/** One count as the database returns it; null: withheld at the source for being below k. */
export interface CountRow {
  dimension: string;
  category: string;
  contacts: number | null;
}

export interface ReportDimensionInput {
  key: ReportDimension;
  value: string | null;
  items: { label: string; count: number | null }[];
}

const closedLists: Partial<Record<ReportDimension, readonly string[]>> = {
  way_in: clearingWaysIn,
  welcome_package: ['yes', 'no'],
  age_group: clearingAgeGroups,
  gender: clearingGenders,
  region: clearingRegions,
  residence: clearingResidenceCategories,
};

/**
 * The report's dimensions from the aggregate counts: every category of a closed list (a missing
 * one counts 0), the months of the half-year, the languages that occur, and per topic and
 * referral its "yes" and "no".
 */
export function reportDimensionsFrom(
  rows: readonly CountRow[],
  months: readonly string[],
): { total: number | null; dimensions: ReportDimensionInput[] } {
  const byDimension = new Map<string, Map<string, number | null>>();
  for (const row of rows) {
    const map = byDimension.get(row.dimension) ?? new Map<string, number | null>();
    map.set(row.category, row.contacts);
    byDimension.set(row.dimension, map);
  }
  const total = byDimension.get('total')?.get('all') ?? 0;
  const items = (dimension: string, labels: readonly string[]) => {
    const counts = byDimension.get(dimension);
    return labels.map((label) => ({ label, count: counts?.has(label) ? counts.get(label)! : 0 }));
  };
  const single = (key: ReportDimension, labels: readonly string[]): ReportDimensionInput => ({
    key,
    value: null,
    items: items(key, labels),
  });
  const languages = [...(byDimension.get('language')?.keys() ?? [])].sort();
  const yesNo = (key: 'topic' | 'referral', values: readonly string[]) =>
    values.map((value) => ({ key, value, items: items(`${key}:${value}`, ['yes', 'no']) }));
  return {
    total,
    dimensions: [
      single('month', months),
      single('way_in', closedLists.way_in!),
      ...yesNo('topic', clearingTopics),
      ...yesNo('referral', clearingReferrals),
      single('welcome_package', closedLists.welcome_package!),
      single('age_group', closedLists.age_group!),
      single('gender', closedLists.gender!),
      single('region', closedLists.region!),
      single('language', languages),
      single('residence', closedLists.residence!),
    ],
  };
}

/** What a public directory search asked for, as far as the gap count keeps it. */
export interface SearchAsked {
  q?: string | undefined;
  language?: string | undefined;
  age?: number | undefined;
  service?: 'MBE' | 'JMD' | undefined;
}

export interface SearchGap {
  language: string;
  service: 'MBE' | 'JMD' | 'both' | 'any';
  area: string;
}

/**
 * R-STAT-4: whether a public search shows a gap, and how it is counted. A gap is a search for a
 * place that found no office, or none in the language asked for. The place is kept as the
 * postcode area (first three digits) or the place's name in lower case — never the full postcode.
 */
export function searchGapOf(
  asked: SearchAsked,
  found: { items: readonly unknown[]; languageFallback: boolean },
  programmes: (age: number) => readonly string[],
): SearchGap | null {
  if (asked.q === undefined) return null;
  if (found.items.length > 0 && !found.languageFallback) return null;
  const forAge = asked.age !== undefined ? programmes(asked.age) : [];
  const service =
    asked.service ??
    (forAge.length === 1 ? (forAge[0] as 'MBE' | 'JMD') : forAge.length > 1 ? 'both' : 'any');
  const q = asked.q.trim();
  const area = /^\d{5}$/.test(q) ? q.slice(0, 3) : q.toLowerCase().slice(0, 80);
  return { language: asked.language ?? '', service, area };
}

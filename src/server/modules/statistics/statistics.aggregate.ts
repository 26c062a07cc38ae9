import type { CategoryEntry, CategoryKey } from '../cases/cases.categories.ts';
import {
  publishReport,
  type KnownPart,
  type Published,
  type ReportFigure,
  type ReportTableInput,
} from './disclosure-control.ts';
import { categoryCodes } from './statistics.labels.ts';
import {
  additiveDimensions,
  notRecorded,
  otherCountries,
  type ReportDimension,
} from './statistics.values.ts';

/**
 * The pure part of the counselling statistics (R-STAT-2): from the counts the database returns
 * (one row per dimension and category, see `koop_counselling_statistics`) to the tables of one
 * report, every category of the organisation's lists in its order (zeros included), values of
 * other lists after them, "not recorded" last; citizenships below k are counted together, so a
 * country's name never says that someone of it was counselled. The report then passes
 * disclosure control as a whole.
 */

export interface CountRow {
  dimension: string;
  code: string;
  cases: number;
}

/** The counts of one dimension, by code. */
function byDimension(rows: readonly CountRow[]): Map<string, Map<string, number>> {
  const result = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const codes = result.get(row.dimension) ?? new Map<string, number>();
    codes.set(row.code, (codes.get(row.code) ?? 0) + row.cases);
    result.set(row.dimension, codes);
  }
  return result;
}

const single = (rows: readonly CountRow[], dimension: string) =>
  rows.filter((r) => r.dimension === dimension).reduce((a, r) => a + r.cases, 0);

/** The categories of a dimension in report order, given the codes that occur. */
function orderedCodes(
  dimension: ReportDimension,
  present: Iterable<string>,
  categories: Record<CategoryKey, readonly CategoryEntry[]>,
): string[] {
  const listed = categoryCodes(dimension, categories);
  const extra = [...present].filter((c) => !listed.includes(c) && c !== notRecorded).sort();
  const codes = [...listed, ...extra];
  return [...codes, ...([...present].includes(notRecorded) ? [notRecorded] : [])];
}

/**
 * Citizenships: each country with at least k cases on its own (by count, then code), the rest
 * as "other countries", then "not recorded". `decide` are the counts the choice rests on — the
 * part the reader does not know.
 */
function citizenshipCodes(
  decide: Map<string, number>,
  present: Iterable<string>,
  k: number,
): {
  codes: string[];
  groupOf: (code: string) => string;
} {
  const own = [...decide.entries()]
    .filter(([code, n]) => code !== notRecorded && n >= k)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code]) => code);
  const shown = new Set(own);
  const all = [...present];
  const others = all.some((c) => c !== notRecorded && !shown.has(c));
  return {
    codes: [...own, ...(others ? [otherCountries] : []), ...(all.includes(notRecorded) ? [notRecorded] : [])],
    groupOf: (code) => (code === notRecorded || shown.has(code) ? code : otherCountries),
  };
}

export type CounsellingReport = Published<ReportFigure<ReportDimension>>;

/**
 * Builds and publishes a report from the counts. With `known` (the reader's own organisation),
 * `rows` are the other organisations' counts and the shown figures are the sums of both.
 */
export function buildCounsellingReport(
  rows: readonly CountRow[],
  categories: Record<CategoryKey, readonly CategoryEntry[]>,
  k: number,
  known?: readonly CountRow[],
): CounsellingReport {
  const secret = byDimension(rows);
  const mine = byDimension(known ?? []);
  const tables: ReportTableInput<ReportDimension>[] = [];
  const knownTables: Record<string, Record<string, number>> = {};
  for (const dimension of [...additiveDimensions, 'topics'] as const) {
    const s = secret.get(dimension) ?? new Map<string, number>();
    const m = mine.get(dimension) ?? new Map<string, number>();
    const present = new Set([...s.keys(), ...m.keys()]);
    let codes: string[];
    let groupOf = (code: string) => code;
    if (dimension === 'citizenship') {
      ({ codes, groupOf } = citizenshipCodes(s, present, k));
    } else {
      codes = orderedCodes(dimension, present, categories);
    }
    const sum = (counts: Map<string, number>) => {
      const grouped = new Map<string, number>(codes.map((c) => [c, 0]));
      for (const [code, n] of counts) grouped.set(groupOf(code), (grouped.get(groupOf(code)) ?? 0) + n);
      return grouped;
    };
    const secretCounts = sum(s);
    tables.push({
      key: dimension,
      additive: dimension !== 'topics',
      items: codes.map((code) => ({ label: code, count: secretCounts.get(code) ?? 0 })),
    });
    if (known) knownTables[dimension] = Object.fromEntries(sum(m));
  }
  const knownPart: KnownPart | undefined = known
    ? {
        total: single(known, 'total'),
        tables: knownTables,
        extras: { family_members: single(known, 'family_members') },
      }
    : undefined;
  return publishReport(
    single(rows, 'total'),
    tables,
    [{ key: 'family_members', count: single(rows, 'family_members') }],
    k,
    knownPart,
  );
}

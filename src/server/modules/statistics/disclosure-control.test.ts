import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import {
  ThresholdTooLowError,
  determinedCells,
  publishCrossTable,
  publishReport,
  publishSeries,
  suppressTable,
  type CrossFigure,
  type LinearTable,
  type PublishedCell,
} from './disclosure-control.ts';

const hiddenIn = (cells: readonly PublishedCell[]) =>
  new Set(cells.flatMap((cell, i) => (cell.suppressed ? [i] : [])));

/**
 * An independent check of recoverability, by rank: a hidden cell is determined by the published
 * ones exactly when its column of the constraint matrix (over the hidden cells) is not a linear
 * combination of the other hidden cells' columns — removing it lowers the rank.
 */
function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  let r = 0;
  const width = m[0]?.length ?? 0;
  for (let c = 0; c < width && r < m.length; c += 1) {
    let p = r;
    for (let i = r + 1; i < m.length; i += 1) if (Math.abs(m[i]![c]!) > Math.abs(m[p]![c]!)) p = i;
    if (Math.abs(m[p]![c]!) < 1e-9) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    for (let i = 0; i < m.length; i += 1) {
      if (i === r) continue;
      const f = m[i]![c]! / m[r]![c]!;
      for (let j = c; j < width; j += 1) m[i]![j]! -= f * m[r]![j]!;
    }
    r += 1;
  }
  return r;
}

function recoverableByRank(table: LinearTable, hidden: ReadonlySet<number>): number[] {
  const cols = [...hidden];
  const matrix = (without: number | null) =>
    table.constraints.map(({ total, parts }) =>
      cols
        .filter((c) => c !== without)
        .map((c) => (c === total ? 1 : 0) - parts.filter((p) => p === c).length),
    );
  const full = rank(matrix(null));
  return cols.filter((c) => rank(matrix(c)) < full);
}

/** The cross table as the linear table it publishes: inner cells, row, column and grand totals. */
function crossAsTable(counts: number[][]): LinearTable {
  const [m, n] = [counts.length, counts[0]!.length];
  const inner = (r: number, c: number) => r * n + c;
  const range = (k: number) => Array.from({ length: k }, (_, i) => i);
  const rowSums = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = range(n).map((c) => counts.reduce((a, row) => a + row[c]!, 0));
  const grand = m * n + m + n;
  return {
    values: [...counts.flat(), ...rowSums, ...colSums, rowSums.reduce((a, b) => a + b, 0)],
    levels: [
      ...counts.flat().map(() => 0 as const),
      ...rowSums.map(() => 1 as const),
      ...colSums.map(() => 1 as const),
      2,
    ],
    constraints: [
      ...range(m).map((r) => ({ total: m * n + r, parts: range(n).map((c) => inner(r, c)) })),
      ...range(n).map((c) => ({ total: m * n + m + c, parts: range(m).map((r) => inner(r, c)) })),
      { total: grand, parts: range(m).map((r) => m * n + r) },
      { total: grand, parts: range(n).map((c) => m * n + m + c) },
    ],
  };
}

const flatCells = (f: CrossFigure) => [...f.cells.flat(), ...f.rowTotals, ...f.columnTotals, f.total];

describe('disclosure control', () => {
  it('R-STAT-5, R-RED-3: a 2 × 3 table with one small cell gets a complementary suppression in its row and its column', () => {
    const figure = publishCrossTable(
      ['Frauen', 'Männer'],
      ['18–26', '27–44', '45+'],
      [
        [2, 10, 12],
        [8, 9, 11],
      ],
      3,
    );
    const hidden = (r: number, c: number) => figure.cells[r]![c]!.suppressed;
    expect(figure.cells[0]![0]).toEqual({ suppressed: true, value: null, reason: 'primary' });
    // Another inner cell of its row and of its column is hidden, so neither sum gives it away.
    expect([1, 2].some((c) => hidden(0, c))).toBe(true);
    expect(hidden(1, 0)).toBe(true);
    expect(figure.cells[1]![0]).toMatchObject({ reason: 'secondary' });
    // The margins stay published: they hide nothing.
    expect(figure.rowTotals.map((x) => x.value)).toEqual([24, 28]);
    expect(figure.columnTotals.map((x) => x.value)).toEqual([10, 19, 23]);
    expect(figure.total).toEqual({ suppressed: false, value: 52 });
    expect(
      recoverableByRank(
        crossAsTable([
          [2, 10, 12],
          [8, 9, 11],
        ]),
        hiddenIn(flatCells(figure)),
      ),
    ).toEqual([]);
  });

  it('R-STAT-5: a threshold below 3 is refused, and so is a count that is not a whole number ≥ 0', () => {
    for (const k of [0, 1, 2, 2.5, Number.NaN]) {
      expect(() => publishSeries([{ label: 'Januar', count: 7 }], k)).toThrow(ThresholdTooLowError);
    }
    expect(() => publishSeries([{ label: 'Januar', count: -1 }], 3)).toThrow(RangeError);
    expect(() => publishSeries([{ label: 'Januar', count: 1.5 }], 3)).toThrow(RangeError);
    expect(() => publishCrossTable(['a'], ['x', 'y'], [[1]], 3)).toThrow(RangeError);
  });

  it('R-STAT-1, R-STAT-5: a month with one contact in a half-year is hidden with the next smallest month; the total stays', () => {
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
    const counts = [14, 1, 9, 0, 22, 17];
    const figure = publishSeries(
      months.map((label, i) => ({ label, count: counts[i]! })),
      5,
    );
    const shown = figure.items.map((x) => x.cell.value);
    expect(shown).toEqual([14, null, null, 0, 22, 17]);
    expect(figure.items[2]!.cell).toMatchObject({ reason: 'secondary' });
    expect(figure.total).toEqual({ suppressed: false, value: 63 });
  });

  it('R-STAT-5: zeros are published, and a small total hides its parts and itself', () => {
    const figure = publishCrossTable(
      ['a', 'b'],
      ['x', 'y'],
      [
        [0, 2],
        [0, 30],
      ],
      3,
    );
    expect(figure.cells[0]![0]).toEqual({ suppressed: false, value: 0 });
    expect(figure.cells[0]![1]!.suppressed).toBe(true);
    expect(figure.rowTotals[0]!.suppressed).toBe(true);
    expect(
      recoverableByRank(
        crossAsTable([
          [0, 2],
          [0, 30],
        ]),
        hiddenIn(flatCells(figure)),
      ),
    ).toEqual([]);
  });

  it('R-STAT-5: the exact check agrees with an independent rank check on a table where one hidden cell is recoverable', () => {
    const table = crossAsTable([
      [2, 10],
      [8, 9],
    ]);
    // Only the small cell hidden: its row gives it away.
    const one = new Set([0]);
    expect(determinedCells(table, one)).toEqual([0]);
    expect(recoverableByRank(table, one)).toEqual([0]);
    // The four inner cells hidden with all margins shown: none is determined.
    const four = new Set([0, 1, 2, 3]);
    expect(determinedCells(table, four)).toEqual([]);
    expect(recoverableByRank(table, four)).toEqual([]);
  });

  it('R-STAT-5, R-RED-3: over random small tables, every small count is hidden, no hidden count is recoverable, and every shown count is true', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((m) =>
          fc.integer({ min: 1, max: 4 }).chain((n) =>
            fc.record({
              counts: fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n, maxLength: n }), {
                minLength: m,
                maxLength: m,
              }),
              k: fc.integer({ min: 3, max: 6 }),
            }),
          ),
        ),
        ({ counts, k }) => {
          const m = counts.length;
          const n = counts[0]!.length;
          const figure = publishCrossTable(
            Array.from({ length: m }, (_, i) => `r${i}`),
            Array.from({ length: n }, (_, i) => `c${i}`),
            counts,
            k,
          );
          const table = crossAsTable(counts);
          const cells = flatCells(figure);
          table.values.forEach((value, i) => {
            const cell = cells[i]!;
            if (value > 0 && value < k) expect(cell).toMatchObject({ suppressed: true, reason: 'primary' });
            if (!cell.suppressed) expect(cell.value).toBe(value);
          });
          expect(recoverableByRank(table, hiddenIn(cells))).toEqual([]);
        },
      ),
      { numRuns: 400, seed: 20261207 },
    );
  });

  it('R-STAT-5: the same table gives the same suppression every time', () => {
    const table = crossAsTable([
      [1, 4, 7],
      [3, 3, 9],
      [12, 2, 6],
    ]);
    expect(suppressTable(table, 5)).toEqual(suppressTable(table, 5));
  });

  it('R-STAT-5: tables of one report share their total, so a small count hidden by age group is not given away by gender', () => {
    // 12 cases: by age 2 + 10, by gender 6 + 6. Alone, the age table would hide 2 and 10 and keep
    // the total; the shared total is one cell, so the gender table cannot reveal either.
    const report = publishReport(
      12,
      [
        {
          key: 'age',
          additive: true,
          items: [
            { label: '18_26', count: 2 },
            { label: '27_34', count: 10 },
          ],
        },
        {
          key: 'gender',
          additive: true,
          items: [
            { label: 'female', count: 6 },
            { label: 'male', count: 6 },
          ],
        },
        {
          key: 'topics',
          additive: false,
          items: [
            { label: 'work', count: 3 },
            { label: 'housing', count: 9 },
          ],
        },
      ],
      [{ key: 'family_members', count: 4 }],
      5,
    );
    const age = report.tables[0]!.items.map((x) => x.cell);
    expect(age[0]).toMatchObject({ suppressed: true, reason: 'primary' });
    expect(age[1]).toMatchObject({ suppressed: true, reason: 'secondary' });
    expect(report.total).toEqual({ suppressed: false, value: 12 });
    expect(report.tables[1]!.items.map((x) => x.cell.value)).toEqual([6, 6]);
    // A non-additive table has no sum: only its small cell is hidden.
    expect(report.tables[2]!.items.map((x) => x.cell.value)).toEqual([null, 9]);
    expect(report.extras[0]!.cell).toMatchObject({ suppressed: true, reason: 'primary' });
    expect(() =>
      publishReport(5, [{ key: 'age', additive: true, items: [{ label: 'a', count: 4 }] }]),
    ).toThrow(RangeError);
    expect(() => publishReport(5, [], [], 2)).toThrow(ThresholdTooLowError);
  });

  it('R-STAT-5, R-STAT-2: over random reports of several tables on the same total, no hidden count is recoverable from any table', () => {
    const partition = (total: number) =>
      fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 4 }).map((parts) => {
        // Scale the parts so they add up to the total exactly.
        const sum = parts.reduce((a, b) => a + b, 0);
        const counts = parts.map((p) => (sum === 0 ? 0 : Math.floor((p * total) / sum)));
        counts[0]! += total - counts.reduce((a, b) => a + b, 0);
        return counts;
      });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }).chain((total) =>
          fc.record({
            total: fc.constant(total),
            tables: fc.array(partition(total), { minLength: 1, maxLength: 3 }),
            k: fc.integer({ min: 3, max: 6 }),
          }),
        ),
        ({ total, tables, k }) => {
          const report = publishReport(
            total,
            tables.map((counts, t) => ({
              key: `t${t}`,
              additive: true,
              items: counts.map((count, i) => ({ label: `c${i}`, count })),
            })),
            [],
            k,
          );
          // The report as an independent linear table: cell 0 the total, then each table's cells.
          const values = [total, ...tables.flat()];
          let next = 1;
          const constraints = tables.map((counts) => ({
            total: 0,
            parts: counts.map(() => next++),
          }));
          const table: LinearTable = { values, levels: values.map((_, i) => (i === 0 ? 2 : 0)), constraints };
          const cells = [report.total, ...report.tables.flatMap((x) => x.items.map((i) => i.cell))];
          values.forEach((value, i) => {
            if (value > 0 && value < k)
              expect(cells[i]).toMatchObject({ suppressed: true, reason: 'primary' });
            if (!cells[i]!.suppressed) expect(cells[i]!.value).toBe(value);
          });
          expect(recoverableByRank(table, hiddenIn(cells))).toEqual([]);
        },
      ),
      { numRuns: 400, seed: 20261208 },
    );
  });

  it('R-STAT-5: the installation configures k through KOOP_STATISTICS_THRESHOLD, 5 by default, and refuses to start below 3', () => {
    expect(loadConfig({}).statisticsThreshold).toBe(5);
    expect(loadConfig({ KOOP_STATISTICS_THRESHOLD: '7' }).statisticsThreshold).toBe(7);
    expect(loadConfig({ KOOP_STATISTICS_THRESHOLD: '3' }).statisticsThreshold).toBe(3);
    expect(() => loadConfig({ KOOP_STATISTICS_THRESHOLD: '2' })).toThrow(/mindestens 3/);
    expect(() => loadConfig({ KOOP_STATISTICS_THRESHOLD: '0' })).toThrow();
  });
});

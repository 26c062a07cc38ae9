import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThresholdTooLowError, publishMargins, type MarginsFigure } from './disclosure-control.ts';

/** Rank of a matrix over the rationals (floating point is exact enough for these small integers). */
function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  const width = m[0]?.length ?? 0;
  let r = 0;
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

/**
 * An independent check over the margins as published: cell 0 is the total, then each dimension's
 * items; each dimension sums to the total. A hidden cell is recoverable when removing its column
 * from the constraint matrix over the hidden cells lowers the rank.
 */
function recoverable(figure: MarginsFigure): number[] {
  const cells = [figure.total, ...figure.dimensions.flatMap((d) => d.items.map((i) => i.cell))];
  const constraints: number[][] = [];
  let at = 1;
  for (const d of figure.dimensions) {
    constraints.push(d.items.map((_, i) => at + i));
    at += d.items.length;
  }
  const hidden = cells.flatMap((c, i) => (c.suppressed ? [i] : []));
  const matrix = (without: number | null) =>
    constraints.map((parts) =>
      hidden.filter((h) => h !== without).map((h) => (h === 0 ? 1 : 0) - (parts.includes(h) ? 1 : 0)),
    );
  const full = rank(matrix(null));
  return hidden.filter((h) => rank(matrix(h)) < full);
}

const hiddenCells = (figure: MarginsFigure) =>
  [figure.total, ...figure.dimensions.flatMap((d) => d.items.map((i) => i.cell))].map((c) => c.suppressed);

describe('disclosure control of a report’s margins', () => {
  it('R-STAT-5, R-STAT-1: a small month is hidden with a partner, and the same hidden cells whether counted here or withheld at the source', () => {
    const dimensions = [
      { key: 'month', items: [1, 9, 10].map((count, i) => ({ label: `m${i}`, count })) },
      { key: 'way_in', items: [12, 8].map((count, i) => ({ label: `w${i}`, count })) },
    ];
    const figure = publishMargins(20, dimensions, 5);
    expect(figure.dimensions[0]!.items[0]!.cell).toEqual({
      suppressed: true,
      value: null,
      reason: 'primary',
    });
    expect(figure.dimensions[0]!.items[1]!.cell).toMatchObject({ suppressed: true, reason: 'secondary' });
    expect(figure.total).toEqual({ suppressed: false, value: 20 });
    expect(figure.dimensions[1]!.items.map((i) => i.cell.value)).toEqual([12, 8]);
    expect(recoverable(figure)).toEqual([]);
    const withheld = publishMargins(
      20,
      dimensions.map((d) => ({
        ...d,
        items: d.items.map((i) => ({ ...i, count: i.count > 0 && i.count < 5 ? null : i.count })),
      })),
      5,
    );
    expect(hiddenCells(withheld)).toEqual(hiddenCells(figure));
  });

  it('R-STAT-5: k below 3 is refused', () => {
    expect(() => publishMargins(10, [{ key: 'a', items: [{ label: 'x', count: 10 }] }], 2)).toThrow(
      ThresholdTooLowError,
    );
  });

  it('R-STAT-5, R-RED-3: over random small reports no hidden count can be worked out from the shared total and the other tables', () => {
    const report = fc
      .tuple(
        fc.integer({ min: 3, max: 6 }),
        fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 2, maxLength: 4 }), {
          minLength: 1,
          maxLength: 3,
        }),
      )
      .map(([k, first]) => {
        // Every dimension shares the total of the first one: the others are regrouped from it.
        const total = first[0]!.reduce((a, b) => a + b, 0);
        const dims = first.map((counts, d) => {
          if (d === 0) return counts;
          const split = Math.min(total, counts[0]!);
          return [split, total - split];
        });
        return { k, total, dims };
      });
    fc.assert(
      fc.property(report, ({ k, total, dims }) => {
        const figure = publishMargins(
          total,
          dims.map((counts, d) => ({
            key: `d${d}`,
            items: counts.map((count, i) => ({ label: `c${i}`, count })),
          })),
          k,
        );
        expect(recoverable(figure)).toEqual([]);
        for (const d of figure.dimensions) {
          for (const item of d.items) {
            if (!item.cell.suppressed) expect(item.cell.value === 0 || item.cell.value >= k).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

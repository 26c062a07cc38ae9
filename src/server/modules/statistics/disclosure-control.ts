/**
 * Disclosure control for every published figure (R-RED-3, R-STAT-5): no count below the
 * threshold k is shown, and no suppressed count can be worked out from what is shown.
 *
 * A table is a set of cells — the inner counts and their totals — tied by linear constraints
 * (each total is the sum of its parts). Primary suppression hides every count from 1 to k − 1.
 * A hidden cell is still recoverable when the published cells and the constraints determine it:
 * exactly when its unit vector lies in the row space of the constraint matrix restricted to the
 * hidden cells (then every solution of the system has the same value there). Complementary
 * suppression hides further cells — among those sharing a constraint with a recoverable cell, an
 * inner cell before a total and the smallest non-zero count first — until no hidden cell is
 * determined. The
 * check is exact: integer Gauss–Jordan elimination, no floating point.
 *
 * The result is a `Published` figure, which only this module can make, so a response, a PDF or a
 * CSV that takes a `Published` value cannot receive a figure that skipped this step.
 */

/** The smallest threshold the rule accepts; below three a single person could be inferred. */
export const minimumThreshold = 3;
/** The threshold reports use unless a stricter one is asked for. */
export const defaultThreshold = 5;

export class ThresholdTooLowError extends RangeError {
  constructor(readonly threshold: number) {
    super(`A threshold of ${threshold} is below the minimum of ${minimumThreshold}.`);
    this.name = 'ThresholdTooLowError';
  }
}

/** A cell as published: its count, or hidden — because it is small, or to protect one that is. */
export type PublishedCell =
  | { readonly suppressed: false; readonly value: number }
  | { readonly suppressed: true; readonly value: null; readonly reason: 'primary' | 'secondary' };

declare const publishedBrand: unique symbol;
/** A figure that passed disclosure control; made only by the functions of this module. */
export type Published<T> = T & { readonly [publishedBrand]: true };

/** Marks a figure as published; called only after `suppressTable`. */
const published = <T>(figure: T): Published<T> => figure as Published<T>;

/** The level of a cell: inner counts are hidden before totals, the grand total last of all. */
type Level = 0 | 1 | 2;

/** A table as linear constraints over its cells: each total equals the sum of its parts. */
export interface LinearTable {
  readonly values: readonly number[];
  readonly levels: readonly Level[];
  readonly constraints: readonly { readonly total: number; readonly parts: readonly number[] }[];
}

function checkThreshold(k: number): void {
  if (!Number.isInteger(k) || k < minimumThreshold) throw new ThresholdTooLowError(k);
}

function checkCounts(values: readonly number[]): void {
  for (const v of values) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`A count must be a whole number ≥ 0, not ${v}.`);
  }
}

const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/** Divides a row by the greatest common divisor of its entries, so numbers stay small. */
function normalise(row: bigint[]): void {
  let g = 0n;
  for (const v of row) if (v !== 0n) g = gcd(g, v);
  if (g > 1n) for (let i = 0; i < row.length; i += 1) row[i] = row[i]! / g;
}

/**
 * The hidden cells that the published ones determine: the constraint matrix over the hidden
 * cells in reduced row echelon form; a hidden cell is determined when its column is a pivot
 * whose row has no other non-zero entry.
 */
export function determinedCells(table: LinearTable, hidden: ReadonlySet<number>): number[] {
  const columns = [...hidden].sort((a, b) => a - b);
  const index = new Map(columns.map((cell, i) => [cell, i]));
  const rows: bigint[][] = [];
  for (const { total, parts } of table.constraints) {
    const row = new Array<bigint>(columns.length).fill(0n);
    let any = false;
    const add = (cell: number, coefficient: bigint) => {
      const i = index.get(cell);
      if (i === undefined) return;
      row[i] = row[i]! + coefficient;
      any = true;
    };
    add(total, 1n);
    for (const part of parts) add(part, -1n);
    if (any) rows.push(row);
  }
  const pivots: { row: number; column: number }[] = [];
  let r = 0;
  for (let c = 0; c < columns.length && r < rows.length; c += 1) {
    const p = rows.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const pivot = rows[r]!;
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i]!;
      if (i === r || row[c] === 0n) continue;
      const factor = row[c]!;
      const scale = pivot[c]!;
      for (let j = 0; j < columns.length; j += 1) row[j] = row[j]! * scale - pivot[j]! * factor;
      normalise(row);
    }
    pivots.push({ row: r, column: c });
    r += 1;
  }
  return pivots
    .filter(({ row, column }) => rows[row]!.every((v, j) => j === column || v === 0n))
    .map(({ column }) => columns[column]!);
}

/** Primary and complementary suppression of a table; the published cells in its order. */
export function suppressTable(table: LinearTable, k: number): PublishedCell[] {
  return suppress(table, k, []);
}

/** As `suppressTable`, with further cells hidden from the start (small in a part a reader must not learn). */
function suppress(table: LinearTable, k: number, alsoPrimary: readonly number[]): PublishedCell[] {
  checkThreshold(k);
  checkCounts(table.values);
  const primary = new Set<number>(alsoPrimary);
  table.values.forEach((v, i) => {
    if (v > 0 && v < k) primary.add(i);
  });
  const hidden = new Set(primary);
  const neighbours = table.values.map(() => new Set<number>());
  for (const { total, parts } of table.constraints) {
    const members = [total, ...parts];
    for (const a of members) for (const b of members) if (a !== b) neighbours[a]!.add(b);
  }
  // Cheapest first: a non-zero count before a zero (a hidden zero protects little), an inner
  // cell before a total (a hidden total costs every reader), the smallest count, the table's order.
  const cost = (cell: number): [number, number, number, number] => [
    table.values[cell] === 0 ? 1 : 0,
    table.levels[cell]!,
    table.values[cell]!,
    cell,
  ];
  const cheapest = (cells: Iterable<number>): number | undefined => {
    let best: number | undefined;
    for (const cell of cells) {
      if (hidden.has(cell)) continue;
      if (best === undefined) {
        best = cell;
        continue;
      }
      const [a, b] = [cost(cell), cost(best)];
      const i = a.findIndex((x, n) => x !== b[n]);
      if (i >= 0 && a[i]! < b[i]!) best = cell;
    }
    return best;
  };
  for (;;) {
    const determined = determinedCells(table, hidden);
    if (determined.length === 0) break;
    // A cell that shares a sum with any recoverable one; any cell only when none is left.
    const near = new Set(determined.flatMap((cell) => [...neighbours[cell]!]));
    const next = cheapest(near) ?? cheapest(table.values.keys());
    if (next === undefined) break;
    hidden.add(next);
  }
  return table.values.map((value, i) =>
    hidden.has(i)
      ? { suppressed: true, value: null, reason: primary.has(i) ? 'primary' : 'secondary' }
      : { suppressed: false, value },
  );
}

/** A series of counts (e.g. per month) with its total. */
export interface SeriesFigure<L extends string = string> {
  readonly threshold: number;
  readonly items: readonly { readonly label: L; readonly cell: PublishedCell }[];
  readonly total: PublishedCell;
}

/** Publishes a one-way table: the counts and their total. */
export function publishSeries<L extends string>(
  items: readonly { label: L; count: number }[],
  k: number = defaultThreshold,
): Published<SeriesFigure<L>> {
  const n = items.length;
  const table: LinearTable = {
    values: [...items.map((x) => x.count), items.reduce((sum, x) => sum + x.count, 0)],
    levels: [...items.map(() => 0 as const), 2],
    constraints: n > 0 ? [{ total: n, parts: items.map((_, i) => i) }] : [],
  };
  const cells = suppressTable(table, k);
  return published<SeriesFigure<L>>({
    threshold: k,
    items: items.map((x, i) => ({ label: x.label, cell: cells[i]! })),
    total: cells[n]!,
  });
}

/**
 * Several one-way tables of the same population published together (a report's margins): each
 * dimension's counts sum to the one shared total, so all of them are suppressed as one linear
 * table and no hidden count can be worked out by combining the tables. A multi-valued fact (a
 * topic, a referral) is a dimension of its own with the two counts "yes" and "no".
 */
export interface MarginsFigure<D extends string = string> {
  readonly threshold: number;
  readonly total: PublishedCell;
  readonly dimensions: readonly {
    readonly key: D;
    readonly items: readonly { readonly label: string; readonly cell: PublishedCell }[];
  }[];
}

/**
 * Publishes the margins of one population. A count given as null was already hidden at its
 * source for being below k (a database function that never returns small counts); it is
 * suppressed as primary — which value below k it had changes no decision, since only the
 * published cells' values choose the complementary ones.
 */
export function publishMargins<D extends string>(
  total: number | null,
  dimensions: readonly { key: D; items: readonly { label: string; count: number | null }[] }[],
  k: number = defaultThreshold,
): Published<MarginsFigure<D>> {
  checkThreshold(k);
  const values: number[] = [total ?? 1];
  const levels: Level[] = [2];
  const constraints: { total: number; parts: number[] }[] = [];
  const positions = dimensions.map((dimension) => {
    const parts = dimension.items.map((item) => {
      values.push(item.count ?? 1);
      levels.push(0);
      return values.length - 1;
    });
    if (parts.length > 0) constraints.push({ total: 0, parts });
    return parts;
  });
  const cells = suppressTable({ values, levels, constraints }, k);
  return published<MarginsFigure<D>>({
    threshold: k,
    total: cells[0]!,
    dimensions: dimensions.map((dimension, d) => ({
      key: dimension.key,
      items: dimension.items.map((item, i) => ({ label: item.label, cell: cells[positions[d]![i]!]! })),
    })),
  });
}

/** A two-way table with its row, column and grand totals. */
export interface CrossFigure<R extends string = string, C extends string = string> {
  readonly threshold: number;
  readonly rows: readonly R[];
  readonly columns: readonly C[];
  readonly cells: readonly (readonly PublishedCell[])[];
  readonly rowTotals: readonly PublishedCell[];
  readonly columnTotals: readonly PublishedCell[];
  readonly total: PublishedCell;
}

/** Publishes a two-way table: `counts[row][column]`, with all margins. */
export function publishCrossTable<R extends string, C extends string>(
  rows: readonly R[],
  columns: readonly C[],
  counts: readonly (readonly number[])[],
  k: number = defaultThreshold,
): Published<CrossFigure<R, C>> {
  const [m, n] = [rows.length, columns.length];
  if (counts.length !== m || counts.some((row) => row.length !== n)) {
    throw new RangeError('The counts do not match the rows and columns.');
  }
  const inner = (r: number, c: number) => r * n + c;
  const rowTotal = (r: number) => m * n + r;
  const columnTotal = (c: number) => m * n + m + c;
  const grand = m * n + m + n;
  const values = new Array<number>(grand + 1).fill(0);
  const levels = new Array<Level>(grand + 1).fill(0);
  counts.forEach((row, r) =>
    row.forEach((v, c) => {
      values[inner(r, c)] = v;
      values[rowTotal(r)]! += v;
      values[columnTotal(c)]! += v;
      values[grand]! += v;
    }),
  );
  for (let r = 0; r < m; r += 1) levels[rowTotal(r)] = 1;
  for (let c = 0; c < n; c += 1) levels[columnTotal(c)] = 1;
  levels[grand] = 2;
  const range = (length: number) => Array.from({ length }, (_, i) => i);
  const constraints = [
    ...range(m).map((r) => ({ total: rowTotal(r), parts: range(n).map((c) => inner(r, c)) })),
    ...range(n).map((c) => ({ total: columnTotal(c), parts: range(m).map((r) => inner(r, c)) })),
    { total: grand, parts: range(m).map(rowTotal) },
    { total: grand, parts: range(n).map(columnTotal) },
  ].filter((x) => x.parts.length > 0);
  const cells = suppressTable({ values, levels, constraints }, k);
  return published<CrossFigure<R, C>>({
    threshold: k,
    rows,
    columns,
    cells: range(m).map((r) => range(n).map((c) => cells[inner(r, c)]!)),
    rowTotals: range(m).map((r) => cells[rowTotal(r)]!),
    columnTotals: range(n).map((c) => cells[columnTotal(c)]!),
    total: cells[grand]!,
  });
}

/**
 * One table of a report: the counts of one dimension. An additive table (each case in exactly
 * one of its rows — age group, gender …) sums to the report's shared total; a non-additive one
 * (a case may have several topics) has no sum and is protected by primary suppression alone —
 * nothing is published that its cells add up to.
 */
export interface ReportTableInput<K extends string = string> {
  readonly key: K;
  readonly additive: boolean;
  readonly items: readonly { readonly label: string; readonly count: number }[];
}

/** A report of several tables over the same cases: every additive table shares one total. */
export interface ReportFigure<K extends string = string> {
  readonly threshold: number;
  readonly total: PublishedCell;
  readonly tables: readonly {
    readonly key: K;
    readonly additive: boolean;
    readonly items: readonly { readonly label: string; readonly cell: PublishedCell }[];
  }[];
  /** Single counts beside the tables (e.g. family members counselled alongside). */
  readonly extras: readonly { readonly key: string; readonly cell: PublishedCell }[];
}

/**
 * Counts the reader already knows exactly — their own organisation's, inside an umbrella
 * figure. A cell shows the sum of both parts; it is hidden when either the sum or the unknown
 * part is small, or when the unknown part could be worked out — so subtracting the own counts
 * gives nobody else's small count.
 */
export interface KnownPart {
  readonly total: number;
  readonly tables: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly extras: Readonly<Record<string, number>>;
}

/**
 * Publishes several tables of one report together, as one linear system: the shared total is a
 * single cell, so a count hidden in one table cannot be worked out through another table that
 * shows the same total (age group and gender of the same cases). Every additive table must sum
 * to `total`; extras are independent single counts. With `known`, the counts given are the
 * unknown part (other organisations' cases) and the known part is added to what is shown.
 */
export function publishReport<K extends string>(
  total: number,
  tables: readonly ReportTableInput<K>[],
  extras: readonly { key: string; count: number }[] = [],
  k: number = defaultThreshold,
  known?: KnownPart,
): Published<ReportFigure<K>> {
  const values: number[] = [total + (known?.total ?? 0)];
  const levels: Level[] = [2];
  const unknown: number[] = [total];
  const constraints: { total: number; parts: number[] }[] = [];
  const push = (count: number, add: number | undefined, level: Level) => {
    if (add !== undefined) checkCounts([add]);
    unknown.push(count);
    values.push(count + (add ?? 0));
    levels.push(level);
  };
  const offsets = tables.map((table) => {
    const start = values.length;
    for (const item of table.items) push(item.count, known?.tables[table.key]?.[item.label], 0);
    const parts = table.items.map((_, i) => start + i);
    if (table.additive) {
      const sum = table.items.reduce((a, x) => a + x.count, 0);
      if (sum !== total)
        throw new RangeError(`The table ${table.key} sums to ${sum}, not to the total ${total}.`);
      if (parts.length > 0) constraints.push({ total: 0, parts });
    }
    return start;
  });
  const extraStart = values.length;
  for (const extra of extras) push(extra.count, known?.extras[extra.key], 1);
  if (known) {
    const additive = new Set(tables.filter((t) => t.additive).map((t) => t.key));
    const knownSum = (key: string) => Object.values(known.tables[key] ?? {}).reduce((a, b) => a + b, 0);
    for (const key of additive) {
      if (knownSum(key) !== known.total)
        throw new RangeError(`The known part of ${key} does not sum to its total.`);
    }
  }
  // The known part is a constant in every constraint, so a cell is determined in the combined
  // table exactly when its unknown part is; a small unknown part is hidden like a small count.
  const smallUnknown = unknown.flatMap((v, i) => (known && v > 0 && v < k ? [i] : []));
  const cells = suppress({ values, levels, constraints }, k, smallUnknown);
  return published<ReportFigure<K>>({
    threshold: k,
    total: cells[0]!,
    tables: tables.map((table, t) => ({
      key: table.key,
      additive: table.additive,
      items: table.items.map((item, i) => ({ label: item.label, cell: cells[offsets[t]! + i]! })),
    })),
    extras: extras.map((extra, i) => ({ key: extra.key, cell: cells[extraStart + i]! })),
  });
}

/** The value of a published cell for a CSV or a PDF: the count, or the mark of a hidden one. */
export function shownValue(cell: PublishedCell, hiddenMark = '•'): string {
  return cell.suppressed ? hiddenMark : String(cell.value);
}

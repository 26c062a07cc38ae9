import { stringify } from 'csv-stringify/sync';
import { renderTypstPdfOffThread, typstFonts } from '../../documents/typst.ts';
import type { CategoryEntry, CategoryKey } from '../cases/cases.categories.ts';
import type { PublishedCell } from './disclosure-control.ts';
import type { EvaluationFigure } from './evaluation.aggregate.ts';
import type { CounsellingReport } from './statistics.aggregate.ts';
import { categoryLabel, dimensionTitles, type Label } from './statistics.labels.ts';
import type { CounsellingStatistics, Evaluation } from './statistics.service.ts';

/**
 * CSV and PDF of the counselling statistics and of an evaluation (R-STAT-2, R-STAT-3, R-STAT-5).
 * Both writers take only published figures (`CounsellingReport`, `EvaluationFigure`), so they
 * show exactly the cells the answer shows, hidden ones as "•". CSV with semicolons and a
 * byte-order mark for spreadsheet programs set to German; PDF through Typst with a bar per
 * count (a hidden count has no bar).
 */

type Lang = 'de' | 'en';
type Categories = Record<CategoryKey, readonly CategoryEntry[]>;

export const hiddenMark = '•';

const words = {
  de: {
    statistics: 'Beratungsstatistik',
    evaluation: 'Auswertung der Kooperation',
    organisation: 'Organisation',
    scope: { own: 'eigene Organisation', umbrella: 'Verband', all: 'alle Träger (Region)' },
    period: 'Zeitraum',
    service: 'Dienst',
    office: 'Beratungsstelle',
    all: 'alle',
    cases: 'Fälle',
    familyMembers: 'Mitberatene Familienangehörige (getrennt gezählt)',
    table: 'Tabelle',
    category: 'Kategorie',
    halfYear: 'Halbjahr',
    total: 'Gesamt',
    partner: 'Partner',
    legend: (k: number) =>
      `${hiddenMark} = verborgen: weniger als ${k} Fälle, oder verborgen, damit eine kleine Zahl nicht aus den Summen errechnet werden kann.`,
  },
  en: {
    statistics: 'Counselling statistics',
    evaluation: 'Evaluation of the cooperation',
    organisation: 'Organisation',
    scope: { own: 'own organisation', umbrella: 'umbrella association', all: 'all providers (region)' },
    period: 'Period',
    service: 'Service',
    office: 'Office',
    all: 'all',
    cases: 'Cases',
    familyMembers: 'Family members counselled alongside (counted apart)',
    table: 'Table',
    category: 'Category',
    halfYear: 'Half-year',
    total: 'Total',
    partner: 'Partner',
    legend: (k: number) =>
      `${hiddenMark} = hidden: fewer than ${k} cases, or hidden so that a small count cannot be worked out from the totals.`,
  },
} as const;

const shown = (cell: PublishedCell) => (cell.suppressed ? hiddenMark : String(cell.value));

/** Keeps spreadsheet programs from reading a cell as a formula. */
const safe = (value: string) => (/^[=@+\-\t\r]/.test(value) ? `'${value}` : value);

const csv = (rows: string[][]) =>
  stringify(
    rows.map((r) => r.map(safe)),
    { delimiter: ';', bom: true, record_delimiter: 'windows' },
  );

function headerLines(lang: Lang, view: CounsellingStatistics['view']): string[][] {
  const w = words[lang];
  return [
    [w.statistics],
    [w.organisation, view.scope === 'umbrella' && view.umbrella ? view.umbrella : view.organisationName],
    [w.period, `${view.from} – ${view.to}`, w.scope[view.scope]],
    [w.service, view.service ?? w.all],
    [w.office, view.office?.name ?? w.all],
  ];
}

/** The counselling statistics as CSV: one line per table and category. */
export function counsellingCsv(
  report: CounsellingReport,
  view: CounsellingStatistics['view'],
  categories: Categories,
  lang: Lang,
): string {
  const w = words[lang];
  const rows: string[][] = [
    ...headerLines(lang, view),
    [],
    [w.table, w.category, w.cases],
    [w.cases, w.total, shown(report.total)],
    [w.familyMembers, w.total, shown(report.extras.find((x) => x.key === 'family_members')!.cell)],
  ];
  for (const table of report.tables) {
    for (const item of table.items) {
      rows.push([
        dimensionTitles[table.key][lang],
        categoryLabel(table.key, item.label, categories)[lang],
        shown(item.cell),
      ]);
    }
  }
  rows.push([], [w.legend(report.threshold)]);
  return csv(rows);
}

/** The evaluation as CSV: one line per section, half-year and category. */
export function evaluationCsv(figure: EvaluationFigure, view: Evaluation['view'], lang: Lang): string {
  const w = words[lang];
  const rows: string[][] = [
    [w.evaluation],
    [w.organisation, view.organisationName],
    [w.partner, view.partner.name],
    [w.period, `${view.halfYears[0]} – ${view.halfYears[view.halfYears.length - 1]}`],
    [],
    [w.table, w.halfYear, w.category, w.cases],
  ];
  for (const s of figure.sections) {
    view.halfYears.forEach((h, r) => {
      s.categories.forEach((c, i) =>
        rows.push([s.title[lang], h, c.label[lang], shown(s.figure.cells[r]![i]!)]),
      );
      rows.push([s.title[lang], h, w.total, shown(s.figure.rowTotals[r]!)]);
    });
    s.categories.forEach((c, i) =>
      rows.push([s.title[lang], w.total, c.label[lang], shown(s.figure.columnTotals[i]!)]),
    );
    rows.push([s.title[lang], w.total, w.total, shown(s.figure.total)]);
  }
  rows.push([], [w.legend(figure.sections[0]?.figure.threshold ?? 0)]);
  return csv(rows);
}

// ---------------------------------------------------------------------------------------------
// PDF

interface PdfTable {
  title: string;
  note: string | null;
  rows: { label: string; value: string; bar: number | null }[];
}

const barsOf = (cells: { label: string; cell: PublishedCell }[]): PdfTable['rows'] => {
  const max = Math.max(1, ...cells.map((c) => (c.cell.suppressed ? 0 : c.cell.value)));
  return cells.map((c) => ({
    label: c.label,
    value: shown(c.cell),
    bar: c.cell.suppressed ? null : c.cell.value / max,
  }));
};

const template = `
#let data = json(bytes(sys.inputs.data))
#set document(title: data.title)
#set page(paper: "a4", margin: (x: 1.8cm, top: 1.6cm, bottom: 2cm),
  footer: context [#set text(size: 8pt, fill: luma(90)); #data.legend #h(1fr) #counter(page).display()])
#set text(font: ${typstFonts}, size: 9pt, lang: data.lang)
#text(15pt, weight: "bold", data.title)
#for line in data.header { linebreak(); text(9pt, line) }
#v(6pt)
#for t in data.tables {
  block(breakable: true, above: 10pt, {
    text(11pt, weight: "bold", t.title)
    if t.note != none { linebreak(); text(8pt, fill: luma(80), t.note) }
    table(columns: (45%, 12%, 1fr), stroke: none, inset: 3pt,
      ..t.rows.map(r => (
        r.label,
        align(right, r.value),
        if r.bar == none { text(8pt, fill: luma(90), "") } else { box(width: 100% * r.bar, height: 7pt, fill: rgb("#2f5d8a")) },
      )).flatten())
  })
}
`;

async function renderPdf(lang: Lang, title: string, header: string[], tables: PdfTable[], legend: string) {
  return renderTypstPdfOffThread(template, { lang, title, header, tables, legend });
}

/** The counselling statistics as PDF: every table with its bars. */
export function counsellingPdf(
  report: CounsellingReport,
  view: CounsellingStatistics['view'],
  categories: Categories,
  lang: Lang,
): Promise<Buffer> {
  const w = words[lang];
  const header = headerLines(lang, view).map((l) => l.join(': '));
  const summary: PdfTable = {
    title: w.cases,
    note: null,
    rows: barsOf([
      { label: w.cases, cell: report.total },
      { label: w.familyMembers, cell: report.extras.find((x) => x.key === 'family_members')!.cell },
    ]),
  };
  const tables = report.tables.map((table): PdfTable => ({
    title: dimensionTitles[table.key][lang],
    note: null,
    rows: barsOf(
      table.items.map((i) => ({ label: categoryLabel(table.key, i.label, categories)[lang], cell: i.cell })),
    ),
  }));
  return renderPdf(lang, w.statistics, header.slice(1), [summary, ...tables], w.legend(report.threshold));
}

/** The evaluation as PDF: per section the totals per half-year and per category, with bars. */
export function evaluationPdf(
  figure: EvaluationFigure,
  view: Evaluation['view'],
  lang: Lang,
): Promise<Buffer> {
  const w = words[lang];
  const header = [
    `${w.organisation}: ${view.organisationName}`,
    `${w.partner}: ${view.partner.name}`,
    `${w.period}: ${view.halfYears[0]} – ${view.halfYears[view.halfYears.length - 1]}`,
  ];
  const tables = figure.sections.map((s): PdfTable => {
    const label = (l: Label) => l[lang];
    return {
      title: s.title[lang],
      note: null,
      rows: [
        ...barsOf(
          view.halfYears.flatMap((h, r) =>
            s.categories.map((c, i) => ({ label: `${h} · ${label(c.label)}`, cell: s.figure.cells[r]![i]! })),
          ),
        ),
        { label: w.total, value: shown(s.figure.total), bar: null },
      ],
    };
  });
  return renderPdf(
    lang,
    `${w.evaluation}: ${view.partner.name}`,
    header,
    tables,
    w.legend(figure.sections[0]?.figure.threshold ?? 0),
  );
}

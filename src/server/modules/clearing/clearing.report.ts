import { stringify } from 'csv-stringify/sync';
import { renderTypstPdfOffThread, typstFonts } from '../../documents/typst.ts';
import type { MarginsFigure, Published, PublishedCell } from '../statistics/disclosure-control.ts';
import type { ReportBody } from './clearing.schemas.ts';

/**
 * The half-year report as CSV and PDF (R-STAT-1). Both take the `Published` figure, so only
 * counts that passed disclosure control reach them (R-STAT-5); a hidden count is shown as "•"
 * in both, exactly as in the page.
 */

/** The mark of a hidden count in CSV and PDF. */
export const hiddenMark = '•';

const shown = (cell: PublishedCell) => (cell.suppressed ? hiddenMark : String(cell.value));

/**
 * The rows of the report in German: the headings and categories from the report, every count
 * from the published figure (dimension i of the report is dimension i of the figure).
 */
function rowsOf(report: ReportBody, figure: Published<MarginsFigure>) {
  const word = (key: string) => report.labels[key]?.de ?? key;
  return report.dimensions.map((d, i) => {
    const heading = word(`dimension:${d.key}`) + (d.value ? `: ${word(d.value)}` : '');
    const label = (item: string) =>
      d.key === 'month'
        ? word(`month:${item}`)
        : d.key === 'language'
          ? word(`language:${item}`)
          : word(item);
    const cells = figure.dimensions[i]!.items;
    return { heading, items: cells.map((item) => ({ label: label(item.label), cell: item.cell })) };
  });
}

export function reportCsv(report: ReportBody, figure: Published<MarginsFigure>): string {
  const rows: (string | number)[][] = [['Tabelle', 'Kategorie', 'Kontakte']];
  rows.push(['Gesamt', 'Kontakte im Halbjahr', shown(figure.total)]);
  for (const table of rowsOf(report, figure)) {
    for (const item of table.items) rows.push([table.heading, item.label, shown(item.cell)]);
  }
  const note = `Zeitraum ${report.from} bis ${report.to}; Werte unter ${report.threshold} und Werte, aus denen sie sich errechnen ließen, sind als ${hiddenMark} verborgen.`;
  return `\ufeff${stringify([...rows, [], [note]], { delimiter: ';' })}`;
}

const template = `
#let data = json(bytes(sys.inputs.data))
#set document(title: data.title)
#set page(paper: "a4", margin: (x: 1.8cm, y: 1.8cm),
  footer: context [#set text(size: 8pt, fill: luma(90)); #data.footer #h(1fr) #counter(page).display()])
#set text(font: ${typstFonts}, size: 9.5pt, lang: "de")
#text(15pt, weight: "bold", data.title)
#linebreak()
#data.period
#v(4pt)
#block(fill: luma(236), inset: 8pt, radius: 3pt, width: 100%, data.note)
#text(12pt, weight: "bold")[#data.totalLabel: #data.total]
#for t in data.tables {
  block(breakable: false, above: 12pt, {
    text(11pt, weight: "bold", t.heading)
    table(columns: (38%, 14%, 1fr), stroke: none, inset: 3pt,
      ..t.items.map(i => (
        i.label,
        align(right, i.shown),
        if i.value == none { text(fill: luma(120), "verborgen") }
        else if data.max > 0 { box(width: 100% * i.value / data.max, height: 8pt, fill: rgb("#2f6690")) }
        else { [] },
      )).flatten())
  })
}
`;

export async function reportPdf(report: ReportBody, figure: Published<MarginsFigure>): Promise<Buffer> {
  const tables = rowsOf(report, figure).map((t) => ({
    heading: t.heading,
    items: t.items.map((i) => ({
      label: i.label,
      shown: shown(i.cell),
      value: i.cell.suppressed ? null : i.cell.value,
    })),
  }));
  const max = Math.max(0, ...tables.flatMap((t) => t.items.map((i) => i.value ?? 0)));
  return renderTypstPdfOffThread(template, {
    title:
      report.view === 'own'
        ? 'Clearingstelle – Halbjahresbericht'
        : 'Clearingstelle – Halbjahresbericht für die Ausländerbehörde',
    period: `Zeitraum: ${report.from} bis ${report.to}`,
    note: `Statistik ohne Namen. Werte unter ${report.threshold} und Werte, aus denen sie sich errechnen ließen, sind verborgen (${hiddenMark}).`,
    totalLabel: 'Kontakte im Halbjahr',
    total: shown(figure.total),
    tables,
    max,
    footer: 'Koop – Clearingstelle',
  });
}

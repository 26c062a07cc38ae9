import { renderTypstPdf, typstFonts } from '../../documents/typst.ts';

/**
 * Client-facing documents of case management: the Art. 15 DSGVO information ("Auskunft") and the
 * case summary. The text is prepared in TypeScript as blocks of label/value rows and tables; the
 * Typst template only lays them out and reads everything from JSON, so no user text is ever
 * interpreted as markup.
 */

export interface DocBlock {
  level: 2 | 3;
  title: string;
  paragraphs?: string[];
  rows?: [string, string][];
  table?: { header: string[]; rows: string[][] };
}

export interface CaseDocument {
  title: string;
  intro: string[];
  footer: string;
  blocks: DocBlock[];
}

const template = `
#let data = json(bytes(sys.inputs.data))
#set document(title: data.title)
#set page(
  paper: "a4",
  margin: (x: 2cm, top: 2cm, bottom: 2.2cm),
  footer: context [
    #set text(size: 8pt, fill: luma(90))
    #data.footer #h(1fr) Seite #counter(page).display() von #counter(page).final().first()
  ],
)
#set text(font: ${typstFonts}, size: 10pt, lang: "de")
#set par(justify: false)
#show heading.where(level: 1): set text(size: 16pt)
#show heading.where(level: 2): set text(size: 13pt)
#show heading.where(level: 3): set text(size: 11pt)

#heading(level: 1, data.title)
#for p in data.intro { par(p) }

#for block in data.blocks {
  heading(level: block.level, block.title)
  for p in block.at("paragraphs", default: ()) { par(p) }
  let rows = block.at("rows", default: ())
  if rows.len() > 0 {
    table(
      columns: (34%, 1fr),
      stroke: 0.4pt + luma(190),
      inset: 5pt,
      ..rows.map(r => (text(weight: "bold", r.at(0)), r.at(1))).flatten(),
    )
  }
  let t = block.at("table", default: none)
  if t != none and t.rows.len() > 0 {
    table(
      columns: t.header.len(),
      stroke: 0.4pt + luma(190),
      inset: 5pt,
      table.header(..t.header.map(h => text(weight: "bold", h))),
      ..t.rows.flatten(),
    )
  }
}
`;

/** Renders a case document to PDF. */
export function renderCaseDocument(doc: CaseDocument): Buffer {
  return renderTypstPdf(template, doc);
}

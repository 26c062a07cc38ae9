import { renderTypstPdfOffThread, typstFonts } from '../../documents/typst.ts';

/**
 * The signable agreement (R-AGR-5): German, with the parties, every chosen clause of the current
 * version, and per signatory a line for place and date and one for the signature. Placeholders not
 * filled in print as a line to write on. Data only as JSON through `sys.inputs`.
 */

export interface AgreementDocument {
  title: string;
  kindLine: string;
  providers: string[];
  partner: string;
  clauses: { title: string; text: string }[];
  fields: { label: string; value: string }[];
  signatories: { name: string; function: string; organisation: string }[];
  footer: string;
}

/** A placeholder nobody filled in becomes a line to write on. */
export function fillBlanks(text: string): string {
  return text.replace(/\{\w+\}/g, '………………');
}

const template = `
#let data = json(bytes(sys.inputs.data))
#set document(title: data.title)
#set page(
  paper: "a4",
  margin: (x: 2.2cm, top: 2cm, bottom: 2cm),
  footer: context [
    #set text(7.5pt, fill: luma(80))
    #data.footer #h(1fr) Seite #counter(page).display("1 / 1", both: true)
  ],
)
#set text(font: ${typstFonts}, size: 10pt, lang: "de")
#set par(justify: true)

#align(center)[
  #text(15pt, weight: "bold", data.title)
  #v(2pt)
  #text(9pt, data.kindLine)
]
#v(10pt)
#align(center)[
  zwischen
  #v(2pt)
  #for p in data.providers [ #text(weight: "bold", p) \\ ]
  #v(2pt)
  und
  #v(2pt)
  #text(weight: "bold", data.partner)
]
#v(12pt)
#for c in data.clauses {
  block(breakable: true, above: 10pt, below: 4pt, {
    text(11pt, weight: "bold", c.title)
    linebreak()
    c.text
  })
}
#if data.fields.len() > 0 {
  v(8pt)
  table(columns: (auto, 1fr), stroke: 0.4pt + luma(170), inset: 5pt,
    ..data.fields.map(f => (text(weight: "bold", f.label), f.value)).flatten())
}
#v(18pt)
#for s in data.signatories {
  block(breakable: false, above: 20pt, {
    grid(columns: (1fr, 1fr), column-gutter: 16pt, row-gutter: 4pt,
      line(length: 100%, stroke: 0.5pt), line(length: 100%, stroke: 0.5pt),
      text(8.5pt)[Ort, Datum], text(8.5pt)[Unterschrift #s.name#if s.function != "" [, #s.function] (#s.organisation)],
    )
  })
}
`;

export function renderAgreementPdf(doc: AgreementDocument): Promise<Buffer> {
  return renderTypstPdfOffThread(template, doc);
}

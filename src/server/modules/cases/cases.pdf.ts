import type { DocumentLanguage } from '../../documents/languages.ts';
import { rightToLeftLanguages } from '../../documents/languages.ts';
import { renderTypstPdf, renderTypstPdfOffThread, typstFonts } from '../../documents/typst.ts';

/**
 * Client-facing documents of case management: the Art. 15 DSGVO information ("Auskunft") and the
 * case summary, in German and beside it in the client's language (R-UX-1). The text is prepared
 * in TypeScript as blocks of label/value rows and tables, once per language from the same data;
 * the two versions are then merged text by text, so every label carries its translation and user
 * text (identical in both) stands once. The Typst template only lays the result out and reads
 * everything from JSON, so no user text is ever interpreted as markup. The documents of
 * consent-gated exchange (consent form, client copy) are laid out with the same template.
 */

export interface DocBlock {
  level: 2 | 3;
  title: string;
  paragraphs?: string[];
  rows?: [string, string][];
  table?: { header: string[]; rows: string[][] };
  /**
   * Lines to sign on, two to a row, each with its caption below ("Ort, Datum", "Unterschrift").
   * A block with signatures is kept on one page with its title and paragraphs; it has no rows
   * or table.
   */
  signatures?: string[];
}

export interface CaseDocument {
  title: string;
  intro: string[];
  footer: string;
  blocks: DocBlock[];
}

/** A text in German and, where it reads differently, in the client's language. */
export interface Phrase {
  de: string;
  other?: string;
}

interface BilingualBlock {
  level: 2 | 3;
  title: Phrase;
  paragraphs: Phrase[];
  rows: [Phrase, Phrase][];
  table: { header: Phrase[]; rows: Phrase[][] } | null;
  signatures: Phrase[];
}

export interface BilingualDocument {
  /** The client's language (Typst's `lang`), and whether it is set right to left. */
  lang: DocumentLanguage;
  rtl: boolean;
  title: Phrase;
  intro: Phrase[];
  footer: Phrase;
  blocks: BilingualBlock[];
}

const phrase = (de: string, other: string | undefined): Phrase =>
  other === undefined || other === de ? { de } : { de, other };

const phrases = (de: readonly string[], other: readonly string[] | undefined): Phrase[] =>
  de.map((text, i) => phrase(text, other?.[i]));

/**
 * The German document with the other language's texts beside it. Both come from the same data
 * through the same builder, so they line up position by position.
 */
export function mergeDocuments(
  de: CaseDocument,
  other: CaseDocument | null,
  lang: DocumentLanguage,
): BilingualDocument {
  return {
    lang,
    rtl: rightToLeftLanguages.has(lang),
    title: phrase(de.title, other?.title),
    intro: phrases(de.intro, other?.intro),
    footer: phrase(de.footer, other?.footer),
    blocks: de.blocks.map((block, b) => {
      const o = other?.blocks[b];
      return {
        level: block.level,
        title: phrase(block.title, o?.title),
        paragraphs: phrases(block.paragraphs ?? [], o?.paragraphs),
        rows: (block.rows ?? []).map(([label, value], r): [Phrase, Phrase] => [
          phrase(label, o?.rows?.[r]?.[0]),
          phrase(value, o?.rows?.[r]?.[1]),
        ]),
        table: block.table
          ? {
              header: phrases(block.table.header, o?.table?.header),
              rows: block.table.rows.map((row, r) => phrases(row, o?.table?.rows[r])),
            }
          : null,
        signatures: phrases(block.signatures ?? [], o?.signatures),
      };
    }),
  };
}

/**
 * The Typst helpers of every bilingual client document: the data, the other language's text in
 * its own direction (`other`), a text in both (`both`), explanations side by side (`para`).
 */
export const bilingualPrelude = `
#let data = json(bytes(sys.inputs.data))
#let other-dir = if data.rtl { rtl } else { ltr }
// The client's language: its own lang (shaping, hyphenation) and direction, a shade lighter.
#let other(body, ..args) = block(width: 100%, above: 3pt, below: 3pt,
  text(lang: data.lang, dir: other-dir, fill: luma(55), ..args, body))
#let both(p, ..args) = {
  text(..args, p.de)
  let o = p.at("other", default: none)
  if o != none { other(o, ..args) }
}
// Explanations: German left, the client's language right.
#let para(p) = {
  let o = p.at("other", default: none)
  if o == none { par(p.de) } else {
    grid(columns: (1fr, 1fr), column-gutter: 14pt, par(p.de), other(o))
  }
}
#let title-of(p) = p.de + if p.at("other", default: none) != none { " / " + p.other } else { "" }
`;

const template = `
${bilingualPrelude}
#set document(title: title-of(data.title))
#set page(
  paper: "a4",
  margin: (x: 2cm, top: 2cm, bottom: 2.6cm),
  footer: context [
    #set text(size: 8pt, fill: luma(90))
    #grid(columns: (1fr, auto), column-gutter: 12pt, both(data.footer),
      [#counter(page).display() / #counter(page).final().first()])
  ],
)
#set text(font: ${typstFonts}, size: 10pt, lang: "de")
#set par(justify: false)
#show heading.where(level: 1): set text(size: 16pt)
#show heading.where(level: 2): set text(size: 13pt)
#show heading.where(level: 3): set text(size: 11pt)
#let sizes = (("1"): 14pt, ("2"): 12pt, ("3"): 10.5pt)
#let head(level, p) = {
  heading(level: level, p.de)
  let o = p.at("other", default: none)
  if o != none { other(o, size: sizes.at(str(level)), weight: "bold") }
}

#head(1, data.title)
#for p in data.intro { para(p) }

// A block to sign: title, paragraphs and the lines to sign on, kept together on one page.
#let signed(b) = block(breakable: false, width: 100%, {
  head(b.level, b.title)
  for p in b.paragraphs { para(p) }
  grid(
    columns: (1fr, 1fr),
    column-gutter: 18pt,
    row-gutter: 8pt,
    ..b.signatures.map(c => {
      v(1.3cm)
      line(length: 100%, stroke: 0.6pt)
      both(c, size: 8.5pt)
    }),
  )
})

#for block in data.blocks {
  if block.signatures.len() > 0 {
    signed(block)
    continue
  }
  head(block.level, block.title)
  for p in block.paragraphs { para(p) }
  if block.rows.len() > 0 {
    table(
      columns: (34%, 1fr),
      stroke: 0.4pt + luma(190),
      inset: 5pt,
      ..block.rows.map(r => (both(r.at(0), weight: "bold"), both(r.at(1)))).flatten(),
    )
  }
  let t = block.table
  if t != none and t.rows.len() > 0 {
    table(
      columns: t.header.len(),
      stroke: 0.4pt + luma(190),
      inset: 5pt,
      table.header(..t.header.map(h => both(h, weight: "bold"))),
      ..t.rows.flatten().map(c => both(c)),
    )
  }
}
`;

/** Renders a case document, German with the client's language beside it, to PDF. */
export function renderCaseDocument(doc: BilingualDocument): Buffer {
  return renderTypstPdf(template, doc);
}

/** The same document, set on the render thread (for documents made inside a busy request). */
export function renderCaseDocumentOffThread(doc: BilingualDocument): Promise<Buffer> {
  return renderTypstPdfOffThread(template, doc);
}

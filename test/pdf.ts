import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What a reader finds in a PDF: its pages, its text and the fonts the text is set in. */
export interface PdfContent {
  pageCount: number;
  /** The text of every page in reading order; lines end with a line break. */
  text: string;
  /** The base names of the fonts used, subset prefixes removed (e.g. "NotoSansArabic-Regular"). */
  fonts: string[];
}

/** Reads a PDF back the way a PDF viewer does (pdf.js), with nothing but npm packages. */
export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  const document = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    const fonts = new Set<string>();
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      await page.getOperatorList();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : ' ');
        const font = page.commonObjs.has(item.fontName)
          ? (page.commonObjs.get(item.fontName) as { name?: string } | null)
          : null;
        if (font?.name) fonts.add(font.name.replace(/^[A-Z]{6}\+/, ''));
      }
      pages.push(text);
    }
    return { pageCount: document.numPages, text: pages.join('\n'), fonts: [...fonts] };
  } finally {
    await document.destroy();
  }
}

/** The text of a PDF with all whitespace folded to single spaces (table cells wrap). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await readPdf(bytes)).text.replace(/\s+/g, ' ');
}

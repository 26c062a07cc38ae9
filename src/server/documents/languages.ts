// No imports: the web loads this list too (the document language picker on the case page).

/**
 * The languages Koop prints client documents in (R-UX-1): German always, and beside it one of
 * these. Codes are ISO 639-1, as on the client record.
 */
export const documentLanguages = ['de', 'en', 'ar', 'uk', 'ru', 'tr', 'fa', 'pl', 'ro', 'bg'] as const;
export type DocumentLanguage = (typeof documentLanguages)[number];

/** The locale each document language formats dates in; German dates read as in the case documents. */
export const documentLocales: Record<DocumentLanguage, string> = {
  de: 'de-DE',
  en: 'en-GB',
  ar: 'ar',
  uk: 'uk',
  ru: 'ru',
  tr: 'tr',
  fa: 'fa',
  pl: 'pl',
  ro: 'ro',
  bg: 'bg',
};

/** Scripts set right to left. */
export const rightToLeftLanguages: ReadonlySet<DocumentLanguage> = new Set(['ar', 'fa']);

/** Client languages that read the texts of another document language (Dari in Persian script). */
const readsAs: Record<string, DocumentLanguage> = { prs: 'fa' };

/** Whether `code` names a language Koop has document texts for. */
export function isDocumentLanguage(code: string): code is DocumentLanguage {
  return (documentLanguages as readonly string[]).includes(code);
}

/**
 * The language a client's documents are printed in beside German: the first of the client's
 * languages, other than German, that Koop has texts for; German alone when there is none.
 */
export function documentLanguageFor(clientLanguages: readonly string[]): DocumentLanguage {
  for (const code of clientLanguages) {
    const language = readsAs[code] ?? code;
    if (language !== 'de' && isDocumentLanguage(language)) return language;
  }
  return 'de';
}

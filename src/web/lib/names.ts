/**
 * Countries and languages by name, in the reader's language (R-UX-1): the server stores ISO codes
 * (ISO 3166-1, ISO 639), people see names. The browser's `Intl.DisplayNames` holds the same ICU
 * names the server prints in documents.
 */

const cache = new Map<string, Intl.DisplayNames>();

function names(locale: string, type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${locale}:${type}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DisplayNames([locale], { type, fallback: 'code' });
    cache.set(key, found);
  }
  return found;
}

/** "SY" → "Syrien" (de) / "Syria" (en). */
export function countryName(code: string, locale: string): string {
  return names(locale, 'region').of(code) ?? code;
}

/** "ar" → "Arabisch" (de) / "Arabic" (en). */
export function languageName(code: string, locale: string): string {
  return names(locale, 'language').of(code) ?? code;
}

/** ["ar", "de"] → "Arabisch, Deutsch". */
export function languageList(codes: readonly string[], locale: string): string {
  return codes.map((code) => languageName(code, locale)).join(', ');
}

import { z } from 'zod';

/**
 * Languages as ISO 639 codes: every two-letter code of ISO 639-1, plus the three-letter codes
 * (ISO 639-2/-3) of languages that counselling offices often offer and 639-1 does not cover
 * (Dari, Kurmanji, Sorani, Romani, German Sign Language …).
 */
const iso6391 = (
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy ' +
  'da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu ' +
  'hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb ' +
  'lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om ' +
  'or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ' +
  'ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
).split(' ');

/** Three-letter codes with a German name, for languages ICU may not name. */
const additionalLanguages: Record<string, { de: string; en: string }> = {
  prs: { de: 'Dari', en: 'Dari' },
  kmr: { de: 'Kurmandschi (Nordkurdisch)', en: 'Kurmanji (Northern Kurdish)' },
  ckb: { de: 'Sorani (Zentralkurdisch)', en: 'Sorani (Central Kurdish)' },
  sdh: { de: 'Südkurdisch', en: 'Southern Kurdish' },
  rom: { de: 'Romanes', en: 'Romani' },
  gsg: { de: 'Deutsche Gebärdensprache', en: 'German Sign Language' },
  aii: { de: 'Assyrisch-Neuaramäisch', en: 'Assyrian Neo-Aramaic' },
};

export const languageCodes: ReadonlySet<string> = new Set([...iso6391, ...Object.keys(additionalLanguages)]);

/** Whether `code` is a language code Koop knows (lower case ISO 639). */
export function isLanguageCode(code: string): boolean {
  return languageCodes.has(code);
}

const displayNames = {
  de: new Intl.DisplayNames(['de'], { type: 'language', fallback: 'none' }),
  en: new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }),
};

/** The name of a language in German or English; the code itself where none is known. */
export function languageName(code: string, locale: 'de' | 'en' = 'de'): string {
  return additionalLanguages[code]?.[locale] ?? displayNames[locale].of(code) ?? code;
}

/** Every known language with its names, sorted by German name. */
export function allLanguages(): { code: string; de: string; en: string }[] {
  return [...languageCodes]
    .map((code) => ({ code, de: languageName(code, 'de'), en: languageName(code, 'en') }))
    .sort((a, b) => a.de.localeCompare(b.de, 'de'));
}

/** A language code in a request: lower-cased, and refused in German when unknown. */
export const languageCodeField = z.string().trim().toLowerCase().refine(isLanguageCode, {
  message: 'Unbekannter Sprachcode. Bitte einen Code nach ISO 639 angeben (z. B. de, ar, uk).',
});

/** A list of language codes without duplicates. */
export const languageListField = z
  .array(languageCodeField)
  .max(60)
  .transform((codes) => [...new Set(codes)]);

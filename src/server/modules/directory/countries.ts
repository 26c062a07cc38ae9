import { z } from 'zod';

/**
 * Countries as ISO 3166-1 alpha-2 codes (citizenship, where a qualification was gained), plus XK
 * for Kosovo, which German authorities use. Names come from the runtime's ICU data
 * (`Intl.DisplayNames`), in German or English; the browser names them the same way.
 */
const iso31661 = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR ' +
  'BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ ' +
  'EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW ' +
  'GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY ' +
  'KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV ' +
  'MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY ' +
  'QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG ' +
  'TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ' +
  'ZM ZW'
).split(' ');

export const countryCodes: ReadonlySet<string> = new Set(iso31661);

/** Whether `code` is a country code Koop knows (upper case ISO 3166-1 alpha-2). */
export function isCountryCode(code: string): boolean {
  return countryCodes.has(code);
}

const displayNames = {
  de: new Intl.DisplayNames(['de'], { type: 'region', fallback: 'none' }),
  en: new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }),
};

/** The name of a country in German or English; the code itself where none is known. */
export function countryName(code: string, locale: 'de' | 'en' = 'de'): string {
  return displayNames[locale].of(code) ?? code;
}

/** Every known country with its names, sorted by German name. */
export function allCountries(): { code: string; de: string; en: string }[] {
  return iso31661
    .map((code) => ({ code, de: countryName(code, 'de'), en: countryName(code, 'en') }))
    .sort((a, b) => a.de.localeCompare(b.de, 'de'));
}

/** A country code in a request: upper-cased, and refused in German when unknown. */
export const countryCodeField = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { message: 'Unbekanntes Land. Bitte ein Land aus der Liste wählen.' });

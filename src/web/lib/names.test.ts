import { describe, expect, it } from 'vitest';
import { countryName, languageList, languageName } from './names.ts';

describe('names instead of codes', () => {
  it('R-UX-1: countries and languages show their names in German and English', () => {
    expect(countryName('SY', 'de')).toBe('Syrien');
    expect(countryName('UA', 'en')).toBe('Ukraine');
    expect(languageName('ar', 'de')).toBe('Arabisch');
    expect(languageList(['ar', 'de'], 'de')).toBe('Arabisch, Deutsch');
    expect(languageList(['uk', 'ru'], 'en')).toBe('Ukrainian, Russian');
  });
});

import { describe, expect, it } from 'vitest';
import {
  documentLanguageFor,
  documentLanguages,
  isDocumentLanguage,
  rightToLeftLanguages,
} from '../languages.ts';
import { supervisoryAuthorityFor, stateAuthorities, germanStates } from '../supervisory-authorities.ts';
import { documentTexts } from './index.ts';
import { germanValueLabels } from './labels.ts';

/** Every key path of a text tree with the kind of value found there (function arity included). */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}: function/${value.length}`];
  if (Array.isArray(value)) return [`${path}: array/${value.length}`];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, v]) => shape(v, path ? `${path}.${key}` : key));
  return [`${path}: ${typeof value}`];
}

/** Every string a text tree yields, functions called with sample arguments. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') return strings((value as (...args: unknown[]) => unknown)('X1', 'X2'));
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('document texts', () => {
  const { labels: _germanLabels, ...germanShape } = documentTexts.de;

  it.each(documentLanguages)(
    'R-UX-1: the %s file has every text of the German one, none empty',
    (language) => {
      const { labels, ...texts } = documentTexts[language];
      expect(shape(texts)).toEqual(shape(germanShape));
      for (const text of strings(texts)) expect(text.trim(), language).not.toBe('');
      // Value-list translations only name codes that exist.
      for (const [group, entries] of Object.entries(labels)) {
        const known = Object.keys(germanValueLabels[group as keyof typeof germanValueLabels]);
        for (const code of Object.keys(entries)) expect(known, `${language} ${group}`).toContain(code);
      }
    },
  );

  it('R-UX-1: each language is its own translation, not a copy of German', () => {
    for (const language of documentLanguages.filter((l) => l !== 'de')) {
      expect(documentTexts[language].art15.title, language).not.toBe(documentTexts.de.art15.title);
      expect(documentTexts[language].art15.transfers, language).not.toBe(documentTexts.de.art15.transfers);
    }
  });

  it('R-UX-1: Arabic and Persian are set right to left, the others left to right', () => {
    expect([...rightToLeftLanguages].sort()).toEqual(['ar', 'fa']);
  });

  it("R-UX-1: the document language is the first of the client's languages Koop has texts for", () => {
    expect(documentLanguageFor(['de', 'ar'])).toBe('ar');
    expect(documentLanguageFor(['ku', 'uk', 'ru'])).toBe('uk');
    expect(documentLanguageFor(['prs'])).toBe('fa');
    expect(documentLanguageFor(['de', 'ku'])).toBe('de');
    expect(documentLanguageFor([])).toBe('de');
    expect(isDocumentLanguage('tr')).toBe(true);
    expect(isDocumentLanguage('ku')).toBe(false);
  });
});

describe('supervisory authorities', () => {
  it('R-CON-5, R-CON-7: the authority follows the law, the Land picks the state authority', () => {
    expect(supervisoryAuthorityFor('dsg_ekd', 'BY').name).toBe('Der Beauftragte für den Datenschutz der EKD');
    expect(supervisoryAuthorityFor('kdg', 'NW').name).toContain('Katholische Datenschutzaufsicht');
    expect(supervisoryAuthorityFor('dsgvo', 'BY').name).toBe('Bayerisches Landesamt für Datenschutzaufsicht');
    expect(supervisoryAuthorityFor('dsgvo', null).name).toContain('Datenschutzaufsichtsbehörde des Landes');
    expect(supervisoryAuthorityFor(null, 'BE').url).toBe('https://www.datenschutz-berlin.de');
  });

  it('R-CON-5: every Land has an authority with a secure web address', () => {
    expect(Object.keys(stateAuthorities).sort()).toEqual([...germanStates].sort());
    for (const state of germanStates)
      expect(stateAuthorities[state].url, state).toMatch(/^https:\/\/[a-z0-9.-]+\.de/);
  });
});

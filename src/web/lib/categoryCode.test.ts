import { describe, expect, it } from 'vitest';
import { codeForLabel } from './categoryCode.ts';

describe('codeForLabel', () => {
  it('R-CASE-5: folds umlauts and accents and joins words with underscores', () => {
    expect(codeForLabel('Digitale Teilhabe', new Set())).toBe('digitale_teilhabe');
    expect(codeForLabel('Schulden & Überschuldung', new Set())).toBe('schulden_ueberschuldung');
    expect(codeForLabel('  Café-Treff (§ 45a)  ', new Set())).toBe('cafe_treff_45a');
  });

  it('R-CASE-5: never reuses a code the list already has', () => {
    expect(codeForLabel('Wohnen', new Set(['wohnen', 'wohnen_2']))).toBe('wohnen_3');
  });

  it('R-CASE-5: stays within the API’s shape for empty and very long labels', () => {
    expect(codeForLabel('— ? —', new Set())).toBe('entry');
    const long = codeForLabel('Sehr '.repeat(40), new Set());
    expect(long).toMatch(/^[a-z0-9_]{1,50}$/);
    expect(long.endsWith('_')).toBe(false);
  });
});

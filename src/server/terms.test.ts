import { describe, expect, it } from 'vitest';
import { legalTerms, term } from './terms.ts';

describe('legal terms', () => {
  it('uses the current terms of law, with the older ones kept only as history', () => {
    expect(term('basicIncomeSupport')).toBe('Grundsicherungsgeld');
    expect(legalTerms.basicIncomeSupport.formerly.join(' ')).toContain('Bürgergeld');
    expect(term('cooperationPlan')).toBe('Kooperationsplan');
    expect(term('jobcentre', 'en')).toBe('Jobcenter');
    for (const entry of Object.values(legalTerms)) expect(entry.formerly).not.toContain(entry.de);
  });
});

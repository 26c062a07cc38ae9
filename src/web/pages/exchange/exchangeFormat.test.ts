import { describe, expect, it } from 'vitest';
import { addDaysIso, latestConsentEnd, orderedCategories } from './exchangeFormat.ts';

describe('the consent form’s defaults', () => {
  it('R-CON-1: a consent runs at most twelve months less a day, as the server accepts', () => {
    expect(latestConsentEnd('2026-03-01')).toBe('2027-02-28');
    expect(latestConsentEnd('2026-12-07')).toBe('2027-12-06');
    // From 29 February: twelve months later is the last day of February, less a day the 27th.
    expect(latestConsentEnd('2028-02-29')).toBe('2029-02-27');
    expect(latestConsentEnd('2026-01-31', 1)).toBe('2026-02-27');
    expect(latestConsentEnd('')).toBe('');
  });

  it('lists categories in the form’s order, health last', () => {
    expect(orderedCategories(['health', 'plan_goals', 'identity_contact'])).toEqual([
      'identity_contact',
      'plan_goals',
      'health',
    ]);
    expect(addDaysIso('2026-03-01', -1)).toBe('2026-02-28');
  });
});

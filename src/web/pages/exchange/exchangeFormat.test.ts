import { describe, expect, it } from 'vitest';
import type { Consent, LegalBasisRecord } from '../../api/exchange.ts';
import { addDaysIso, canSendFrom, latestConsentEnd, orderedCategories } from './exchangeFormat.ts';

describe('the consent form’s defaults', () => {
  it('R-CON-1: a consent runs at most twelve months less a day, as the server accepts', () => {
    expect(latestConsentEnd('2026-03-01', 12)).toBe('2027-02-28');
    expect(latestConsentEnd('2026-12-07', 12)).toBe('2027-12-06');
    // From 29 February: twelve months later is the last day of February, less a day the 27th.
    expect(latestConsentEnd('2028-02-29', 12)).toBe('2029-02-27');
    expect(latestConsentEnd('2026-01-31', 1)).toBe('2026-02-27');
    expect(latestConsentEnd('', 12)).toBe('');
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

describe('whether a case offers sending', () => {
  const consent = (state: Consent['state'], direction: Consent['direction'] = 'both') =>
    ({ state, direction }) as Consent;
  const basis = (usedAt: string | null) => ({ usedAt }) as LegalBasisRecord;
  const send = ['disclosure.send'];

  it('R-CON-3: with the right to send and a consent valid today that allows the way to the partner', () => {
    expect(canSendFrom({ allowedActions: send, consents: [consent('valid')], legalBases: [] })).toBe(true);
    expect(
      canSendFrom({ allowedActions: send, consents: [consent('valid', 'from_partner')], legalBases: [] }),
    ).toBe(false);
    expect(canSendFrom({ allowedActions: send, consents: [consent('expired')], legalBases: [] })).toBe(false);
    // Taking consents is not sending: only disclosure.send decides.
    expect(
      canSendFrom({ allowedActions: ['consent.give'], consents: [consent('valid')], legalBases: [] }),
    ).toBe(false);
  });

  it('R-RED-1: with an unused legal basis other than consent, once', () => {
    expect(canSendFrom({ allowedActions: send, consents: [], legalBases: [basis(null)] })).toBe(true);
    expect(
      canSendFrom({ allowedActions: send, consents: [], legalBases: [basis('2026-12-07T10:00:00Z')] }),
    ).toBe(false);
    expect(canSendFrom({ allowedActions: [], consents: [], legalBases: [basis(null)] })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { consentSchema } from '../../../server/modules/exchange/exchange.schemas.ts';
import {
  consentDirections,
  consentForms,
  consentRepetitions,
  dataCategories,
  handoverMethods,
  messageKinds,
  refusalReasons,
} from '../../api/exchange.ts';
import de from '../../i18n/de.json';
import en from '../../i18n/en.json';
import exchangeDe from '../../i18n/exchange.de.json';
import exchangeEn from '../../i18n/exchange.en.json';

const lists = {
  categories: dataCategories,
  directions: consentDirections,
  repetitions: consentRepetitions,
  forms: consentForms,
  kinds: messageKinds,
  handoverMethods,
  states: consentSchema.shape.state.options,
} as const;

describe('the exchange in words, never codes', () => {
  for (const [language, texts] of Object.entries({ de: exchangeDe, en: exchangeEn })) {
    it(`R-UX-1: every value of the exchange's lists has a ${language} word`, () => {
      for (const [list, values] of Object.entries(lists)) {
        const words = texts[list as keyof typeof lists] as Record<string, string>;
        expect(Object.keys(words), list).toEqual([...values]);
        for (const value of values) expect(words[value]?.trim(), `${list}.${value}`).toBeTruthy();
      }
    });
  }

  it('R-CON-3, R-UX-1: every reason a disclosure is refused has its words in both languages', () => {
    for (const reason of refusalReasons) {
      expect(Object.hasOwn(de.fieldErrors, reason), reason).toBe(true);
      expect(Object.hasOwn(en.fieldErrors, reason), reason).toBe(true);
    }
  });
});

import { useTranslation } from 'react-i18next';
import type {
  ConsentDirection,
  ConsentRepetition,
  DataCategory,
  HandoverMethod,
  MessageKind,
  PurposeLabel,
} from '../../api/exchange.ts';
import { legalBasesOtherThanConsent } from '../../../server/terms.ts';
import type { LegalBasis } from '../../../server/modules/exchange/exchange.values.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatDay } from '../cases/caseFormat.ts';
import { orderedCategories } from './exchangeFormat.ts';

/**
 * The words for the exchange's closed lists (R-UX-1: words, never codes), in the language shown.
 * One hook, so the case page, the inbox and the conflicts say the same thing the same way.
 */
export function useExchangeWords() {
  const { t: tx } = useTranslation('exchange');
  const locale = currentLocale();
  const list = (items: readonly string[]) =>
    new Intl.ListFormat(locale === 'en' ? 'en-GB' : 'de-DE', { type: 'conjunction' }).format(items);
  return {
    locale,
    day: (value: string | null | undefined) => formatDay(value, locale),
    category: (c: DataCategory) => tx(`categories.${c}`),
    categories: (items: readonly string[]) =>
      list(orderedCategories(items).map((c) => tx(`categories.${c}`))),
    /** A purpose in the words of the provider's list (as signed), with the consent's own words. */
    purpose: (label: PurposeLabel, own?: string | null) => {
      const words = locale === 'en' ? label.en : label.de;
      return own ? `${words}: ${own}` : words;
    },
    direction: (d: ConsentDirection) => tx(`directions.${d}`),
    repetition: (r: ConsentRepetition) => tx(`repetitions.${r}`),
    kind: (k: MessageKind) => tx(`kinds.${k}`),
    handover: (m: HandoverMethod) => tx(`handoverMethods.${m}`),
    /** A legal basis other than consent, as terms.ts names it, with its norm. */
    legalBasis: (b: LegalBasis) => {
      const term = legalBasesOtherThanConsent[b];
      return `${locale === 'en' ? term.en : term.de} (${term.basis})`;
    },
    validity: (from: string, until: string) =>
      tx('validFromUntil', { from: formatDay(from, locale), until: formatDay(until, locale) }),
  };
}

export type ExchangeWords = ReturnType<typeof useExchangeWords>;

import { useTranslation } from 'react-i18next';
import { defaultCategories } from '../../../server/modules/cases/cases.categories.ts';
import { documentLanguages } from '../../../server/documents/languages.ts';
import type { ReferrerOutcome } from '../../api/referrals.ts';
import { currentLocale } from '../../i18n/index.ts';
import { languageName } from '../../lib/names.ts';

/** The topics a referrer can name: the default topic list of case management. */
export const referralTopics = defaultCategories.topics.filter((entry) => entry.active);

/**
 * The words of referrals in the language shown (R-UX-1: labels, never codes): topics,
 * languages, programmes and the one of two outcomes a referrer reads (R-REF-4).
 */
export function useReferralWords() {
  const { t } = useTranslation();
  const { t: tr } = useTranslation('referrals');
  const locale = currentLocale();
  return {
    locale,
    topic: (code: string) => {
      const entry = referralTopics.find((x) => x.code === code);
      return entry ? (locale === 'en' ? entry.en : entry.de) : code;
    },
    topicOptions: referralTopics.map((x) => ({ value: x.code, label: locale === 'en' ? x.en : x.de })),
    language: (code: string) => languageName(code, locale),
    languageOptions: documentLanguages.map((code) => ({ value: code, label: languageName(code, locale) })),
    service: (code: 'MBE' | 'JMD') => t(`services.${code}`),
    outcome: (outcome: ReferrerOutcome | null) => (outcome ? tr(`outcomes.${outcome}`) : tr('noFeedback')),
  };
}

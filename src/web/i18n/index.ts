import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { installValidationMessages } from '../../server/http/validation-messages.ts';
import type { Locale } from '../api/types.ts';
import de from './de.json';
import en from './en.json';
import casesDe from './cases.de.json';
import casesEn from './cases.en.json';
import exchangeDe from './exchange.de.json';
import exchangeEn from './exchange.en.json';
import referralsDe from './referrals.de.json';
import referralsEn from './referrals.en.json';
import agreementsDe from './agreements.de.json';
import agreementsEn from './agreements.en.json';
import linksDe from './links.de.json';
import linksEn from './links.en.json';
import statisticsDe from './statistics.de.json';
import statisticsEn from './statistics.en.json';
import clearingDe from './clearing.de.json';
import clearingEn from './clearing.en.json';

const storageKey = 'koop.locale';

/** The language chosen in this browser; German unless English was picked. */
export function storedLocale(): Locale {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'de';
  } catch {
    return 'de';
  }
}

/**
 * The language a link asks for (`?lang=en`), e.g. from the public search page to the
 * accessibility statement; it applies to this visit only and is not remembered.
 */
function addressLocale(): Locale | undefined {
  const lang = new URLSearchParams(window.location.search).get('lang');
  return lang === 'de' || lang === 'en' ? lang : undefined;
}

/** The language currently shown. */
export function currentLocale(): Locale {
  return i18n.resolvedLanguage === 'en' ? 'en' : 'de';
}

/** Switches the interface language and remembers it in this browser. */
export async function applyLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Storage may be disabled (private mode); the choice then lasts for this page only.
  }
  if (currentLocale() !== locale) await i18n.changeLanguage(locale);
}

i18n.on('languageChanged', (language: string) => {
  document.documentElement.lang = language === 'en' ? 'en' : 'de';
  // Forms that check with the server's schemas speak the language shown.
  installValidationMessages(language === 'en' ? 'en' : 'de');
});

// Both files must hold the same keys; the compiler checks each against the other.
// Case management ('cases'), consent-gated exchange ('exchange') and referrals ('referrals') have
// namespaces of their own, so the default one stays small enough for the type checker.
const resources = {
  de: {
    translation: de satisfies typeof en,
    cases: casesDe satisfies typeof casesEn,
    exchange: exchangeDe satisfies typeof exchangeEn,
    referrals: referralsDe satisfies typeof referralsEn,
    agreements: agreementsDe satisfies typeof agreementsEn,
    links: linksDe satisfies typeof linksEn,
    statistics: statisticsDe satisfies typeof statisticsEn,
    clearing: clearingDe satisfies typeof clearingEn,
  },
  en: {
    translation: en satisfies typeof de,
    cases: casesEn satisfies typeof casesDe,
    exchange: exchangeEn satisfies typeof exchangeDe,
    referrals: referralsEn satisfies typeof referralsDe,
    agreements: agreementsEn satisfies typeof agreementsDe,
    links: linksEn satisfies typeof linksDe,
    statistics: statisticsEn satisfies typeof statisticsDe,
    clearing: clearingEn satisfies typeof clearingDe,
  },
};

void i18n.use(initReactI18next).init({
  resources,
  lng: addressLocale() ?? storedLocale(),
  fallbackLng: 'de',
  supportedLngs: ['de', 'en'],
  initAsync: false,
  interpolation: { escapeValue: false },
});

export default i18n;

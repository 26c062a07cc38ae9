import type de from './de.json';
import type casesDe from './cases.de.json';
import type exchangeDe from './exchange.de.json';
import type referralsDe from './referrals.de.json';
import type agreementsDe from './agreements.de.json';
import type linksDe from './links.de.json';
import type statisticsDe from './statistics.de.json';
import type clearingDe from './clearing.de.json';

// German is the reference language: keys used with t() are checked against de.json.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof de;
      cases: typeof casesDe;
      exchange: typeof exchangeDe;
      referrals: typeof referralsDe;
      agreements: typeof agreementsDe;
      links: typeof linksDe;
      statistics: typeof statisticsDe;
      clearing: typeof clearingDe;
    };
  }
}

import type { NavigationKey } from '../api/types.ts';

/** Where each navigation key the server may grant leads, in menu order. */
export const navigationPaths = {
  dashboard: '/',
  cases: '/faelle',
  team: '/team',
  organisations: '/organisationen',
  myOrganisation: '/organisation',
  offices: '/beratungsstellen',
  directory: '/verzeichnis',
  hostedHours: '/sprechzeiten-in-unseren-raeumen',
  refer: '/an-beratung-verweisen',
  referrals: '/verweisungen',
  clearing: '/clearingstelle',
  clearingRota: '/clearingstelle/dienstplan',
  clearingReport: '/clearingstelle/halbjahresbericht',
  gaps: '/angebotsluecken',
  agreements: '/kooperationen',
  inbox: '/posteingang',
  conflicts: '/konflikte',
  partnerTeams: '/partnerteams',
  offers: '/angebote',
  notifications: '/benachrichtigungen',
  users: '/benutzer',
  audit: '/protokoll',
  caseSettings: '/falldaten-einstellungen',
  caseDeletions: '/loeschprotokoll',
  statistics: '/statistik',
  account: '/konto',
} as const satisfies Record<NavigationKey, string>;

export const navigationOrder = Object.keys(navigationPaths) as NavigationKey[];

/** Paths outside the signed-in area. */
export const publicPaths = {
  signIn: '/anmelden',
  invitation: '/einladung',
  accessibility: '/barrierefreiheit',
  answer: '/antwort',
} as const;

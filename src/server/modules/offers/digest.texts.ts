import type { OfferKind } from './offers.values.ts';
import { term } from '../../terms.ts';

/**
 * Every text of the e-mail digest (R-OFF-4) in the languages a user can choose (`users.locale`).
 * The one place to change its wording; digest.ts only assembles the lines.
 */

export type MailLocale = 'de' | 'en';

/** The user's language for mail; anything unknown falls back to German. */
export function mailLocale(locale: string | null | undefined): MailLocale {
  return locale === 'en' ? 'en' : 'de';
}

export interface DigestTexts {
  subject: (count: number) => string;
  greeting: (name: string) => string;
  intro: (frequency: 'daily' | 'weekly') => string;
  sections: Record<OfferKind, string>;
  /** The offer's category in this language (the categories carry both labels). */
  category: (offer: { category_label: string; category_label_en: string }) => string;
  startsOn: (date: string) => string;
  freePlaces: (count: number) => string;
  childcare: string;
  effectiveFrom: (date: string) => string;
  allNotifications: (url: string) => string;
  settingsHint: string;
}

/** A calendar date ('YYYY-MM-DD') as people of this language write it. */
const dateIn = (locale: string) => {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return (date: string) => format.format(new Date(`${date}T12:00:00Z`));
};
const germanDate = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
const englishDate = dateIn('en-GB');

export const digestTexts: Record<MailLocale, DigestTexts> = {
  de: {
    subject: (count) => `Koop: ${count} ${count === 1 ? 'neues Angebot' : 'neue Angebote'} von Partnern`,
    greeting: (name) => `Guten Tag ${name},`,
    intro: (frequency) =>
      `hier ist Ihre ${frequency === 'daily' ? 'tägliche' : 'wöchentliche'} Übersicht neuer Angebote und Hinweise der Partner in Koop.`,
    sections: {
      course: 'Kursangebote der Integrationskursträger',
      measure: 'Angebote und Maßnahmen des Jobcenters',
      regulation: 'Neue Regelungen und Dienstanweisungen der Ausländerbehörde',
    },
    category: (offer) => offer.category_label,
    startsOn: (date) => `Beginn ${germanDate(date)}`,
    freePlaces: (count) => `${count} ${count === 1 ? 'freier Platz' : 'freie Plätze'}`,
    childcare: 'mit Kinderbetreuung',
    effectiveFrom: (date) => `gilt ab ${germanDate(date)}`,
    allNotifications: (url) => `Alle Benachrichtigungen: ${url}`,
    settingsHint: 'Wie oft diese Übersicht kommt (täglich, wöchentlich oder nie), stellen Sie dort ein.',
  },
  en: {
    subject: (count) => `Koop: ${count} new ${count === 1 ? 'offer' : 'offers'} from partners`,
    greeting: (name) => `Hello ${name},`,
    intro: (frequency) =>
      `here is your ${frequency} summary of new offers and notices from the partners in Koop.`,
    sections: {
      course: 'Courses of the integration course providers',
      measure: `Offers and measures of the ${term('jobcentre', 'en')}`,
      regulation: 'New regulations and service instructions of the foreigners’ authority (Ausländerbehörde)',
    },
    category: (offer) => offer.category_label_en,
    startsOn: (date) => `starts ${englishDate(date)}`,
    freePlaces: (count) => `${count} free ${count === 1 ? 'place' : 'places'}`,
    childcare: 'with childcare',
    effectiveFrom: (date) => `effective from ${englishDate(date)}`,
    allNotifications: (url) => `All notifications: ${url}`,
    settingsHint: 'There you choose how often this summary comes (daily, weekly or never).',
  },
};

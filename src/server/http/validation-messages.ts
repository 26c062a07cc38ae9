import { z } from 'zod';

/**
 * Validation messages in plain German (and English for the English interface), as the UI shows
 * them next to the field. zod's own locales speak of types ("Zu klein: erwartet, dass number >=1
 * ist"); these speak to people. A schema's own message (`.min(1, '…')`, `refine`) always wins.
 * The server answers in German; the web installs the map of the language it shows, so a form
 * that checks with a server schema before sending speaks the reader's language.
 */

type Issue = Parameters<z.core.$ZodErrorMap>[0];
export type MessageLocale = 'de' | 'en';

const count = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

interface Texts {
  formats: Record<string, string>;
  required: string;
  number: string;
  boolean: string;
  array: string;
  object: string;
  invalid: string;
  minChars: (n: number | bigint) => string;
  maxChars: (n: number | bigint) => string;
  minEntries: (n: number | bigint) => string;
  maxEntries: (n: number | bigint) => string;
  dateTooEarly: string;
  dateTooLate: string;
  atLeast: (n: number | bigint) => string;
  greaterThan: (n: number | bigint) => string;
  atMost: (n: number | bigint) => string;
  lessThan: (n: number | bigint) => string;
  fromList: string;
  unknownField: (keys: string) => string;
  multipleOf: (n: string) => string;
}

const texts: Record<MessageLocale, Texts> = {
  de: {
    formats: {
      email: 'Bitte eine gültige E-Mail-Adresse angeben.',
      url: 'Bitte eine gültige Internetadresse angeben (https://…).',
      uuid: 'Ungültige Kennung.',
      date: 'Bitte ein gültiges Datum angeben (TT.MM.JJJJ).',
      datetime: 'Bitte einen gültigen Zeitpunkt (Datum und Uhrzeit) angeben.',
      time: 'Bitte eine gültige Uhrzeit angeben (HH:MM).',
      regex: 'Die Eingabe hat nicht das erwartete Format.',
    },
    required: 'Bitte ausfüllen.',
    number: 'Bitte eine Zahl angeben.',
    boolean: 'Bitte ja oder nein angeben.',
    array: 'Bitte eine Liste angeben.',
    object: 'Bitte ein Objekt mit den erwarteten Feldern senden.',
    invalid: 'Ungültiger Wert.',
    minChars: (n) => `Bitte mindestens ${count(n, 'Zeichen', 'Zeichen')} eingeben.`,
    maxChars: (n) => `Bitte höchstens ${count(n, 'Zeichen', 'Zeichen')} eingeben.`,
    minEntries: (n) => `Bitte mindestens ${count(n, 'Eintrag', 'Einträge')} angeben.`,
    maxEntries: (n) => `Bitte höchstens ${count(n, 'Eintrag', 'Einträge')} angeben.`,
    dateTooEarly: 'Das Datum liegt zu weit zurück.',
    dateTooLate: 'Das Datum liegt zu weit in der Zukunft.',
    atLeast: (n) => `Der Wert muss mindestens ${n} sein.`,
    greaterThan: (n) => `Der Wert muss größer als ${n} sein.`,
    atMost: (n) => `Der Wert darf höchstens ${n} sein.`,
    lessThan: (n) => `Der Wert muss kleiner als ${n} sein.`,
    fromList: 'Bitte einen Wert aus der Liste wählen.',
    unknownField: (keys) => `Unbekanntes Feld: ${keys}.`,
    multipleOf: (n) => `Der Wert muss ein Vielfaches von ${n} sein.`,
  },
  en: {
    formats: {
      email: 'Please enter a valid e-mail address.',
      url: 'Please enter a valid web address (https://…).',
      uuid: 'Invalid identifier.',
      date: 'Please enter a valid date.',
      datetime: 'Please enter a valid date and time.',
      time: 'Please enter a valid time (HH:MM).',
      regex: 'The entry does not have the expected format.',
    },
    required: 'Please fill in this field.',
    number: 'Please enter a number.',
    boolean: 'Please answer yes or no.',
    array: 'Please send a list.',
    object: 'Please send an object with the expected fields.',
    invalid: 'Invalid value.',
    minChars: (n) => `Please enter at least ${count(n, 'character', 'characters')}.`,
    maxChars: (n) => `Please enter at most ${count(n, 'character', 'characters')}.`,
    minEntries: (n) => `Please give at least ${count(n, 'entry', 'entries')}.`,
    maxEntries: (n) => `Please give at most ${count(n, 'entry', 'entries')}.`,
    dateTooEarly: 'The date is too far in the past.',
    dateTooLate: 'The date is too far in the future.',
    atLeast: (n) => `The value must be at least ${n}.`,
    greaterThan: (n) => `The value must be greater than ${n}.`,
    atMost: (n) => `The value must be at most ${n}.`,
    lessThan: (n) => `The value must be less than ${n}.`,
    fromList: 'Please choose a value from the list.',
    unknownField: (keys) => `Unknown field: ${keys}.`,
    multipleOf: (n) => `The value must be a multiple of ${n}.`,
  },
};

/** The message for a validation issue in the language, or undefined to fall back to zod's locale. */
export function validationMessage(issue: Issue, locale: MessageLocale): string | undefined {
  const m = texts[locale];
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return m.required;
      if (issue.expected === 'number' || issue.expected === 'int') return m.number;
      if (issue.expected === 'boolean') return m.boolean;
      if (issue.expected === 'array') return m.array;
      if (issue.expected === 'object') return m.object;
      return m.invalid;
    case 'too_small': {
      const n = issue.minimum;
      // Nothing entered (or only spaces) asks to fill in the field, whatever its minimum length.
      if (issue.origin === 'string') return Number(n) <= 1 || issue.input === '' ? m.required : m.minChars(n);
      if (issue.origin === 'array' || issue.origin === 'set') return m.minEntries(n);
      if (issue.origin === 'date') return m.dateTooEarly;
      return issue.inclusive ? m.atLeast(n) : m.greaterThan(n);
    }
    case 'too_big': {
      const n = issue.maximum;
      if (issue.origin === 'string') return m.maxChars(n);
      if (issue.origin === 'array' || issue.origin === 'set') return m.maxEntries(n);
      if (issue.origin === 'date') return m.dateTooLate;
      return issue.inclusive ? m.atMost(n) : m.lessThan(n);
    }
    case 'invalid_format':
      return m.formats[issue.format] ?? m.formats.regex;
    case 'invalid_value':
      return m.fromList;
    case 'unrecognized_keys':
      return m.unknownField(issue.keys.join(', '));
    case 'not_multiple_of':
      return m.multipleOf(String(issue.divisor));
    case 'invalid_union':
    case 'invalid_element':
    case 'invalid_key':
      return m.invalid;
    case 'custom':
      return undefined;
  }
}

/** The German message for a validation issue (the server's language). */
export const germanMessage = (issue: Issue): string | undefined => validationMessage(issue, 'de');

/** Installs the messages of a language for every schema of this process or page. */
export function installValidationMessages(locale: MessageLocale): void {
  z.config(locale === 'en' ? z.locales.en() : z.locales.de());
  z.config({ customError: (issue) => validationMessage(issue, locale) });
}

/** Installs the German messages (server and tests alike). */
export function useGermanValidationMessages(): void {
  installValidationMessages('de');
}

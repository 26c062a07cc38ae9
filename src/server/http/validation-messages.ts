import { z } from 'zod';

/**
 * Validation messages in plain German, as the UI shows them next to the field. zod's own German
 * locale speaks of types ("Zu klein: erwartet, dass number >=1 ist"); these speak to people.
 * A schema's own message (`.min(1, '…')`, `refine`) always wins; zod's locale is the last resort.
 */

type Issue = Parameters<z.core.$ZodErrorMap>[0];

const formats: Record<string, string> = {
  email: 'Bitte eine gültige E-Mail-Adresse angeben.',
  url: 'Bitte eine gültige Internetadresse angeben (https://…).',
  uuid: 'Ungültige Kennung.',
  date: 'Bitte ein gültiges Datum angeben (TT.MM.JJJJ).',
  datetime: 'Bitte einen gültigen Zeitpunkt (Datum und Uhrzeit) angeben.',
  time: 'Bitte eine gültige Uhrzeit angeben (HH:MM).',
  regex: 'Die Eingabe hat nicht das erwartete Format.',
};

const count = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

/** The German message for a validation issue, or undefined to fall back to zod's locale. */
export function germanMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'Bitte ausfüllen.';
      if (issue.expected === 'number' || issue.expected === 'int') return 'Bitte eine Zahl angeben.';
      if (issue.expected === 'boolean') return 'Bitte ja oder nein angeben.';
      if (issue.expected === 'array') return 'Bitte eine Liste angeben.';
      if (issue.expected === 'object') return 'Bitte ein Objekt mit den erwarteten Feldern senden.';
      return 'Ungültiger Wert.';
    case 'too_small': {
      const n = issue.minimum;
      if (issue.origin === 'string')
        return Number(n) <= 1
          ? 'Bitte ausfüllen.'
          : `Bitte mindestens ${count(n, 'Zeichen', 'Zeichen')} eingeben.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `Bitte mindestens ${count(n, 'Eintrag', 'Einträge')} angeben.`;
      if (issue.origin === 'date') return 'Das Datum liegt zu weit zurück.';
      return issue.inclusive ? `Der Wert muss mindestens ${n} sein.` : `Der Wert muss größer als ${n} sein.`;
    }
    case 'too_big': {
      const n = issue.maximum;
      if (issue.origin === 'string') return `Bitte höchstens ${count(n, 'Zeichen', 'Zeichen')} eingeben.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `Bitte höchstens ${count(n, 'Eintrag', 'Einträge')} angeben.`;
      if (issue.origin === 'date') return 'Das Datum liegt zu weit in der Zukunft.';
      return issue.inclusive ? `Der Wert darf höchstens ${n} sein.` : `Der Wert muss kleiner als ${n} sein.`;
    }
    case 'invalid_format':
      return formats[issue.format] ?? formats.regex;
    case 'invalid_value':
      return 'Bitte einen Wert aus der Liste wählen.';
    case 'unrecognized_keys':
      return `Unbekanntes Feld: ${issue.keys.join(', ')}.`;
    case 'not_multiple_of':
      return `Der Wert muss ein Vielfaches von ${String(issue.divisor)} sein.`;
    case 'invalid_union':
    case 'invalid_element':
    case 'invalid_key':
      return 'Ungültiger Wert.';
    case 'custom':
      return undefined;
  }
}

/** Installs the messages for every schema of the process (server and tests alike). */
export function useGermanValidationMessages(): void {
  z.config(z.locales.de());
  z.config({ customError: germanMessage });
}

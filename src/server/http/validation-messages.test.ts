import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useGermanValidationMessages, validationMessage } from './validation-messages.ts';

useGermanValidationMessages();

const messages = (schema: z.ZodType, input: unknown) =>
  (schema.safeParse(input).error?.issues ?? []).map((i) => i.message);

describe('validation messages in plain German', () => {
  it('R-SEC-4, R-UX-2: speaks to people, never of types or library terms', () => {
    const body = z.strictObject({
      email: z.email(),
      count: z.number().int().min(1),
      name: z.string().min(3).max(5),
      tags: z.array(z.string()).max(1),
      kind: z.enum(['a', 'b']),
      id: z.uuid(),
      required: z.string(),
    });
    const found = messages(body, {
      email: 'keine-adresse',
      count: 0,
      name: 'ab',
      tags: ['x', 'y'],
      kind: 'c',
      id: 'x',
      extra: 1,
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'Bitte eine gültige E-Mail-Adresse angeben.',
        'Der Wert muss mindestens 1 sein.',
        'Bitte mindestens 3 Zeichen eingeben.',
        'Bitte höchstens 1 Eintrag angeben.',
        'Bitte einen Wert aus der Liste wählen.',
        'Ungültige Kennung.',
        'Bitte ausfüllen.',
        'Unbekanntes Feld: extra.',
      ]),
    );
    for (const message of found) expect(message).not.toMatch(/number|string|erwartet|Ungültig:|>=|<=/);
    expect(messages(z.string().max(5), 'zu lang')).toEqual(['Bitte höchstens 5 Zeichen eingeben.']);
    expect(messages(z.number(), 'x')).toEqual(['Bitte eine Zahl angeben.']);
  });

  it('R-SEC-4: an empty field is asked to be filled in, not to have its minimum length', () => {
    expect(messages(z.string().trim().min(3), '  ')).toEqual(['Bitte ausfüllen.']);
    expect(messages(z.string().trim().min(3), 'ab')).toEqual(['Bitte mindestens 3 Zeichen eingeben.']);
  });

  it('R-SEC-4: a schema’s own message wins', () => {
    expect(messages(z.string().min(10, 'Mindestens 10 Zeichen, bitte.'), 'kurz')).toEqual([
      'Mindestens 10 Zeichen, bitte.',
    ]);
  });
});

describe('validation messages in the English interface', () => {
  it('R-UX-1: the English interface gets the same plain messages in English', () => {
    const issues = z
      .strictObject({ email: z.email(), name: z.string().min(3), kind: z.enum(['a']) })
      .safeParse({ email: 'x', name: 'a', kind: 'b' }).error?.issues;
    const english = (issues ?? []).map((issue) => validationMessage({ ...issue, input: undefined }, 'en'));
    expect(english).toEqual([
      'Please enter a valid e-mail address.',
      'Please enter at least 3 characters.',
      'Please choose a value from the list.',
    ]);
    for (const message of english) expect(message).not.toMatch(/[äöüß]|Bitte/);
  });
});

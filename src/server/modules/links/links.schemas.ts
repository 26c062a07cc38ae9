import { z } from 'zod';
import { emailField, optionalText } from '../../http/schemas.ts';
import { sectionField, sectionsField } from '../exchange/exchange.schemas.ts';
import { dataCategories, messageKinds } from '../exchange/exchange.values.ts';
import { codeLength, linkChannels, linkStatuses, longestLinkDays } from './links.values.ts';

const validDays = z
  .number({ error: 'Bitte eine Zahl von Tagen angeben.' })
  .int('Bitte ganze Tage angeben.')
  .min(1, 'Mindestens einen Tag.')
  .max(longestLinkDays, `Höchstens ${longestLinkDays} Tage.`)
  .optional();

export const emailLinkBody = z.strictObject({
  /** The address the link goes to; the partner team's address when left out. */
  email: emailField.optional(),
  validDays,
});
export const letterBody = z.strictObject({ validDays });

export const linkSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  channel: z.enum(linkChannels),
  email: z.string().nullable(),
  status: z.enum(linkStatuses),
  createdAt: z.string(),
  createdBy: z.string(),
  expiresAt: z.string(),
  openedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  actions: z.array(z.literal('link.revoke')),
});
export const linkListSchema = z.object({ items: z.array(linkSchema) });

/** The e-mailed secret: 32 random bytes, base64url. */
export const openBody = z.strictObject({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'Dieser Link ist unvollständig. Bitte öffnen Sie ihn ganz aus der E-Mail.'),
});

export const letterOpenBody = z.strictObject({
  number: z
    .string()
    .trim()
    .regex(/^[0-9]{6,9}$/, 'Bitte die sechsstellige Nummer aus dem Brief angeben.'),
  code: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase().replace(/[\s-]/g, ''))
    .pipe(
      z
        .string()
        .regex(
          new RegExp(`^[A-Z0-9]{${codeLength}}$`),
          `Bitte den ${codeLength}-stelligen Code aus dem Brief angeben.`,
        ),
    ),
  birthYear: z
    .number({ error: 'Bitte das Geburtsjahr als Zahl angeben.' })
    .int('Bitte das Geburtsjahr als Zahl angeben.')
    .min(1900, 'Bitte ein Geburtsjahr ab 1900 angeben.')
    .max(2100, 'Bitte ein gültiges Geburtsjahr angeben.'),
});

export const answerBody = z.strictObject({
  name: z.string().trim().min(2, 'Bitte Ihren Namen angeben.').max(200, 'Höchstens 200 Zeichen.'),
  phone: optionalText(50),
  email: emailField.nullable().optional(),
  sections: sectionsField,
});

export const readingSchema = z.object({
  number: z.number().int().nullable(),
  provider: z.string(),
  partner: z.string(),
  team: z.string(),
  subject: z.string(),
  expiresAt: z.string(),
  readableUntil: z.string(),
  independenceNotice: z.string(),
  messages: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(messageKinds),
      sentAt: z.string(),
      author: z.string(),
      office: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      sections: z.array(sectionField),
    }),
  ),
  /** What the recipient may send back under the consent; null where no answer is covered. */
  answer: z.object({ categories: z.array(z.enum(dataCategories)) }).nullable(),
});
export const answeredSchema = z.object({ answeredAt: z.string() });

export type EmailLinkInput = z.infer<typeof emailLinkBody>;
export type LetterInput = z.infer<typeof letterBody>;
export type LetterOpenInput = z.infer<typeof letterOpenBody>;
export type AnswerInput = z.infer<typeof answerBody>;
export type LinkReadingView = z.infer<typeof readingSchema>;
export type LinkView = z.infer<typeof linkSchema>;

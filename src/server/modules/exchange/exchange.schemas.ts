import { z } from 'zod';
import { documentLanguages } from '../../documents/languages.ts';
import { paginationQuery, versionField } from '../../http/schemas.ts';
import { dateField, text } from '../cases/cases.schemas.ts';
import {
  consentDirections,
  consentForms,
  purposeCodePattern,
  consentRepetitions,
  dataCategories,
  handoverMethods,
  legalBases,
  messageKinds,
  providerMessageKinds,
} from './exchange.values.ts';

/**
 * Request and response schemas of consent-gated exchange. Messages are German; the UI shows them
 * next to the field. Checks that need the clock or the database (validity within the provider's longest,
 * the purpose on the provider's list,
 * the team belongs to the partner, the stored document's type) live in the service and answer in
 * the same shape.
 */

const tooLong = (max: number) => `Der Text ist zu lang (höchstens ${max} Zeichen).`;
const requiredText = (max: number, missing = 'Bitte ausfüllen.') =>
  z.string().trim().min(1, missing).max(max, tooLong(max));

const categoryField = z.enum(dataCategories, { error: 'Bitte eine Datenkategorie aus der Liste wählen.' });

// ---------------------------------------------------------------------------------------------
// Partner teams

export const teamBody = z.strictObject({
  name: requiredText(200).refine((v) => v.length >= 2, 'Der Name ist zu kurz (mindestens 2 Zeichen).'),
  email: z.email({ error: 'Bitte eine gültige E-Mail-Adresse angeben.' }).max(254).nullable().optional(),
  phone: text(50),
  memberIds: z.array(z.uuid()).max(500).default([]),
});
export const updateTeamBody = teamBody.extend(versionField);

export const contactSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  functionTitle: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string(),
  centralContact: z.boolean(),
});

export const teamSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  organisationKind: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  version: z.number().int(),
  /** Case workers of the team with their direct contacts (R-EXC-4). */
  members: z.array(contactSchema),
});

export const partnerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.string(),
  teams: z.array(teamSchema),
  centralContacts: z.array(contactSchema),
});
export const partnersResponse = z.object({ items: z.array(partnerSchema) });
export const teamsResponse = z.object({ items: z.array(teamSchema) });

// ---------------------------------------------------------------------------------------------
// Consents

/** A code of the provider's list of purposes; whether it is on the list the service checks. */
const purposeField = z
  .string({ error: 'Bitte einen Zweck wählen.' })
  .regex(purposeCodePattern, 'Bitte einen Zweck wählen.');
const purposeLabelSchema = z.object({ de: z.string(), en: z.string() });

/** The provider's rules for a new consent: its purposes (active entries) and longest validity. */
export const consentRulesSchema = z.object({
  purposes: z.array(z.object({ code: z.string(), label: purposeLabelSchema })),
  maxMonths: z.number().int(),
});

/** What a consent says; the same shape prints the form before it is signed. */
export const consentDraftBody = z.strictObject({
  recipientTeamId: z.uuid({ error: 'Bitte ein Team des Partners wählen.' }),
  recipientUserId: z.uuid().nullable().optional(),
  purpose: purposeField,
  purposeText: text(500),
  categories: z
    .array(categoryField)
    .min(1, 'Bitte mindestens eine Datenkategorie wählen.')
    .max(dataCategories.length)
    .refine((list) => new Set(list).size === list.length, 'Jede Datenkategorie nur einmal wählen.'),
  direction: z.enum(consentDirections, { error: 'Bitte die Richtung wählen.' }),
  repetition: z.enum(consentRepetitions, { error: 'Bitte wählen: einmalig oder wiederholt.' }),
  validFrom: dateField,
  validUntil: dateField,
  language: z.enum(documentLanguages, { error: 'Bitte eine Sprache des Formulars wählen.' }).optional(),
});

/** A signed document: PDF, PNG or JPEG, base64, at most 5 MB. */
export const signedDocumentField = z.strictObject({
  contentType: z.enum(['application/pdf', 'image/png', 'image/jpeg'], {
    error: 'Bitte eine PDF-, PNG- oder JPEG-Datei wählen.',
  }),
  base64: z
    .string()
    .min(1, 'Bitte eine Datei wählen.')
    .max(7_000_000, 'Die Datei ist zu groß (höchstens 5 MB).')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Die Datei ist nicht richtig kodiert.'),
});

export const giveConsentBody = consentDraftBody.extend({
  form: z.enum(consentForms, { error: 'Bitte wählen, wie die Einwilligung gegeben wurde.' }),
  /** The scanned signed paper (form 'paper'); optional for a signature on screen. */
  document: signedDocumentField.nullable().optional(),
});

export const withdrawConsentBody = z.strictObject({ note: text(500) });

export const consentSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  recipient: z.object({
    organisationId: z.uuid(),
    organisationName: z.string(),
    organisationKind: z.string(),
    teamId: z.uuid(),
    teamName: z.string(),
    userId: z.uuid().nullable(),
  }),
  purpose: z.string(),
  /** The purpose as the client signed it; a reviewed purpose's words come from the texts. */
  purposeLabel: purposeLabelSchema,
  purposeText: z.string().nullable(),
  categories: z.array(z.enum(dataCategories)),
  direction: z.enum(consentDirections),
  repetition: z.enum(consentRepetitions),
  validFrom: z.string(),
  validUntil: z.string(),
  form: z.enum(consentForms),
  formLanguage: z.string(),
  hasDocument: z.boolean(),
  takenBy: z.object({ id: z.uuid(), name: z.string() }),
  givenAt: z.string(),
  usedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawalNote: z.string().nullable(),
  /** valid, not_yet_valid, expired, used (once-only), withdrawn — on Berlin's today. */
  state: z.enum(['valid', 'not_yet_valid', 'expired', 'used', 'withdrawn']),
  events: z.array(z.object({ event: z.string(), at: z.string(), messageId: z.uuid().nullable() })),
  allowedActions: z.array(z.string()),
});

// ---------------------------------------------------------------------------------------------
// Messages and threads

export const sectionField = z.strictObject({
  category: categoryField,
  text: requiredText(8000),
});
export const sectionsField = z
  .array(sectionField)
  .min(1, 'Bitte mindestens einen Abschnitt ausfüllen.')
  .max(dataCategories.length)
  .refine(
    (list) => new Set(list.map((s) => s.category)).size === list.length,
    'Jede Datenkategorie nur einmal verwenden.',
  );

/** A file sent with a message: PDF, PNG or JPEG, at most 5 MB, naming the data category it carries. */
export const attachmentField = z.strictObject({
  category: categoryField,
  filename: requiredText(200).refine(
    (v) => ![...v].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 0x20),
    'Der Dateiname enthält unzulässige Zeichen.',
  ),
  contentType: z.enum(['application/pdf', 'image/png', 'image/jpeg'], {
    error: 'Bitte eine PDF-, PNG- oder JPEG-Datei wählen.',
  }),
  base64: z
    .string()
    .min(1, 'Bitte eine Datei wählen.')
    .max(7_000_000, 'Die Datei ist zu groß (höchstens 5 MB).')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Die Datei ist nicht richtig kodiert.'),
});
const attachmentsField = z.array(attachmentField).max(3, 'Höchstens drei Anlagen je Nachricht.').default([]);

export const sendDisclosureBody = z
  .strictObject({
    /** The consent it goes under — or, instead, a legal basis a team lead recorded. */
    consentId: z.uuid({ error: 'Bitte eine Einwilligung wählen.' }).optional(),
    legalBasisId: z.uuid({ error: 'Bitte eine Rechtsgrundlage wählen.' }).optional(),
    /** Whom the message goes to; without it, the team the consent names. */
    recipientTeamId: z.uuid({ error: 'Bitte ein Team des Partners wählen.' }).optional(),
    /** The purpose the consent must name; a legal basis is for its own purpose. */
    purpose: purposeField.optional(),
    kind: z.enum(providerMessageKinds, { error: 'Bitte die Art der Mitteilung wählen.' }),
    subject: requiredText(200),
    sections: sectionsField,
    attachments: attachmentsField,
  })
  .refine((body) => (body.consentId === undefined) !== (body.legalBasisId === undefined), {
    path: ['consentId'],
    message: 'Bitte eine Einwilligung wählen (oder eine festgestellte Rechtsgrundlage).',
  })
  .refine((body) => body.consentId === undefined || body.purpose !== undefined, {
    path: ['purpose'],
    message: 'Bitte einen Zweck wählen.',
  });

/** A legal basis other than consent, decided by a team lead for one transfer (R-RED-1). */
export const recordLegalBasisBody = z.strictObject({
  recipientTeamId: z.uuid({ error: 'Bitte ein Team des Partners wählen.' }),
  basis: z.enum(legalBases, { error: 'Bitte die Rechtsgrundlage wählen.' }),
  justification: requiredText(2000).refine(
    (v) => v.length >= 20,
    'Bitte die Begründung ausführlicher schreiben (mindestens 20 Zeichen).',
  ),
  categories: z
    .array(categoryField)
    .min(1, 'Bitte mindestens eine Datenkategorie wählen.')
    .max(dataCategories.length)
    .refine((list) => new Set(list).size === list.length, 'Jede Datenkategorie nur einmal wählen.'),
});

export const legalBasisSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  recipient: z.object({
    organisationId: z.uuid(),
    organisationName: z.string(),
    teamId: z.uuid(),
    teamName: z.string(),
  }),
  basis: z.enum(legalBases),
  /** The legal term and its norm, from terms.ts. */
  label: z.string(),
  norm: z.string(),
  justification: z.string(),
  categories: z.array(z.enum(dataCategories)),
  decidedBy: z.object({ id: z.uuid(), name: z.string() }),
  decidedAt: z.string(),
  usedAt: z.string().nullable(),
});

export const postMessageBody = z.strictObject({
  kind: z.enum(messageKinds, { error: 'Bitte die Art der Nachricht wählen.' }),
  sections: sectionsField,
  attachments: attachmentsField,
});

export const handoverSchema = z.object({
  id: z.uuid(),
  handover: z.enum(handoverMethods),
  handedOverAt: z.string(),
});

export const handoverBody = z.strictObject({
  method: z.enum(handoverMethods, { error: 'Bitte wählen, wie die Kopie übergeben wurde.' }),
});

const personSchema = z.object({
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  office: z.string().nullable(),
});

export const messageSchema = z.object({
  id: z.uuid(),
  fromPartner: z.boolean(),
  author: personSchema,
  kind: z.enum(messageKinds),
  sections: z.array(z.object({ category: z.enum(dataCategories), text: z.string() })),
  attachments: z.array(
    z.object({
      id: z.uuid(),
      category: z.enum(dataCategories),
      filename: z.string(),
      contentType: z.string(),
      size: z.number().int(),
    }),
  ),
  sentAt: z.string(),
  readAt: z.string().nullable(),
  /** The client's copy (counselling side only). */
  copy: z
    .object({
      id: z.uuid(),
      language: z.string(),
      handover: z.enum(handoverMethods).nullable(),
      handedOverAt: z.string().nullable(),
    })
    .nullable(),
});

export const consentScopeSchema = z.object({
  id: z.uuid(),
  purpose: z.string(),
  /** The purpose as the client signed it; a reviewed purpose's words come from the texts. */
  purposeLabel: purposeLabelSchema,
  purposeText: z.string().nullable(),
  categories: z.array(z.enum(dataCategories)),
  direction: z.enum(consentDirections),
  repetition: z.enum(consentRepetitions),
  validFrom: z.string(),
  validUntil: z.string(),
  withdrawn: z.boolean(),
});

export const conflictSchema = z.object({
  id: z.uuid(),
  threadId: z.uuid(),
  raisedBy: z.object({ name: z.string(), side: z.enum(['provider', 'partner']) }),
  description: z.string(),
  status: z.enum(['open', 'resolved']),
  outcome: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  notes: z.array(
    z.object({ side: z.enum(['provider', 'partner']), author: z.string(), text: z.string(), at: z.string() }),
  ),
  allowedActions: z.array(z.string()),
});

export const threadSchema = z.object({
  id: z.uuid(),
  subject: z.string(),
  /** Who the thread is about, as disclosed (name and date of birth). */
  clientLabel: z.string(),
  provider: z.object({ id: z.uuid(), name: z.string() }),
  partner: z.object({
    id: z.uuid(),
    name: z.string(),
    kind: z.string(),
    teamId: z.uuid(),
    teamName: z.string(),
    teamEmail: z.string().nullable(),
    teamPhone: z.string().nullable(),
  }),
  consent: consentScopeSchema.nullable(),
  /** The legal basis other than consent it was sent under, if any (R-RED-1). */
  legalBasis: z.object({ basis: z.enum(legalBases), label: z.string(), norm: z.string() }).nullable(),
  /** The consent was withdrawn: the partner sees only this, none of the messages. */
  withdrawn: z.boolean(),
  createdAt: z.string(),
  lastMessageAt: z.string(),
  unread: z.number().int(),
  messages: z.array(messageSchema),
  conflicts: z.array(conflictSchema),
  /** Central contacts of both organisations with their direct contacts (R-EXC-4). */
  centralContacts: z.object({ provider: z.array(contactSchema), partner: z.array(contactSchema) }),
  /** The counselling service's independence, shown with every thread (R-RED-4). */
  independenceNotice: z.string(),
  allowedActions: z.array(z.string()),
});

export const threadSummarySchema = threadSchema.omit({
  messages: true,
  conflicts: true,
  centralContacts: true,
});

export const caseExchangeSchema = z.object({
  consents: z.array(consentSchema),
  consentRules: consentRulesSchema,
  legalBases: z.array(legalBasisSchema),
  threads: z.array(threadSchema),
  allowedActions: z.array(z.string()),
});

export const inboxQuery = z.strictObject({ ...paginationQuery });
export const inboxResponse = z.object({
  items: z.array(threadSummarySchema),
  independenceNotice: z.string(),
});

export const conflictsQuery = z.strictObject({ status: z.enum(['open', 'resolved']).optional() });
export const conflictsResponse = z.object({
  items: z.array(conflictSchema.extend({ thread: threadSummarySchema })),
});
export const raiseConflictBody = z.strictObject({ description: requiredText(4000) });
export const conflictNoteBody = z.strictObject({ text: requiredText(4000) });
export const resolveConflictBody = z.strictObject({ outcome: requiredText(4000), ...versionField });

export const sentSchema = z.object({ thread: threadSchema, messageId: z.uuid(), copyId: z.uuid() });
/** A message in a thread: the counselling side's answer has its client copy, the partner's none. */
export const postedSchema = z.object({
  thread: threadSchema,
  messageId: z.uuid(),
  copyId: z.uuid().optional(),
});

export type ConsentDraftInput = z.infer<typeof consentDraftBody>;
export type GiveConsentInput = z.infer<typeof giveConsentBody>;
export type SendDisclosureInput = z.infer<typeof sendDisclosureBody>;
export type PostMessageInput = z.infer<typeof postMessageBody>;
export type TeamInput = z.infer<typeof teamBody>;
export type RecordLegalBasisInput = z.infer<typeof recordLegalBasisBody>;

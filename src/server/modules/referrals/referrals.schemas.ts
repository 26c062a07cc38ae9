import { z } from 'zod';
import { documentLanguages } from '../../documents/languages.ts';
import { emailField, versionField } from '../../http/schemas.ts';
import { caseTypes, categoryCode, requiredText, services, text } from '../cases/cases.schemas.ts';
import { postcodeOrPlace, publicSearchQuery, publicSearchResponse } from '../directory/directory.schemas.ts';
import { languageCodeField } from '../directory/languages.ts';
import { closeReasons, referralEvents, referralStatuses, referrerOutcomes } from './referrals.values.ts';

/**
 * Request and response schemas of referrals (R-REF-1, R-REF-3, R-REF-4). What a referrer reads
 * (`sentReferralSchema`) has no status, no reason and no case: only the office it went to and,
 * where the person allowed feedback, one of two outcomes (R-RED-2).
 */

// ---------------------------------------------------------------------------------------------
// The slip: what the person says, nothing that names them.

export const slipBody = z.strictObject({
  place: postcodeOrPlace,
  language: languageCodeField,
  age: publicSearchQuery.shape.age.unwrap(),
  topic: categoryCode,
  /** Offices the staff member chose from the search; the nearest suitable ones without. */
  officeIds: z.array(z.uuid()).min(1).max(3).optional(),
});
export type SlipInput = z.infer<typeof slipBody>;

/** The offices a slip would list: the directory's own search answer. */
export const suitableOfficesResponse = publicSearchResponse;

// ---------------------------------------------------------------------------------------------
// A named referral, with the person's consent (R-REF-1, R-RED-1).

const referralFields = {
  officeId: z.uuid(),
  service: z.enum(services),
  givenName: text(100),
  familyName: requiredText(100, 'Bitte den Namen der Person angeben.'),
  phone: text(50),
  email: emailField.nullable().optional(),
  language: languageCodeField,
  age: publicSearchQuery.shape.age.unwrap(),
  topic: categoryCode,
  note: text(500),
  callFirst: z.boolean().default(false),
};

const reachable = (v: { phone?: string | null; email?: string | null }) => Boolean(v.phone || v.email);
const reachableMessage = {
  message:
    'Bitte eine Telefonnummer oder E-Mail-Adresse angeben, damit die Beratungsstelle sich melden kann.',
  path: ['phone'],
};
const callable = (v: { phone?: string | null; callFirst?: boolean }) => !v.callFirst || Boolean(v.phone);
const callableMessage = {
  message: 'Für „Vorher anrufen“ wird eine Telefonnummer gebraucht.',
  path: ['phone'],
};

const documentLanguage = z.enum(documentLanguages, {
  error: 'Dieses Formular gibt es nicht in dieser Sprache.',
});

/** The consent form to print before the person signs: the same fields, and the feedback choice. */
export const consentFormBody = z
  .strictObject({ ...referralFields, feedbackAllowed: z.boolean(), consentLanguage: documentLanguage })
  .refine(reachable, reachableMessage)
  .refine(callable, callableMessage);
export type ConsentFormInput = z.infer<typeof consentFormBody>;

export const sendReferralBody = z
  .strictObject({
    ...referralFields,
    consent: z.strictObject(
      {
        given: z.literal(true, {
          error:
            'Ohne Einwilligung der Person geht keine namentliche Verweisung. Geben Sie ihr stattdessen einen Hinweiszettel mit.',
        }),
        feedbackAllowed: z.boolean(),
        language: documentLanguage,
      },
      { error: 'Ohne Einwilligung der Person geht keine namentliche Verweisung.' },
    ),
  })
  .refine(reachable, reachableMessage)
  .refine(callable, callableMessage);
export type SendReferralInput = z.infer<typeof sendReferralBody>;

/** R-REF-4, R-RED-2: a referral as its referrer sees it. */
export const sentReferralSchema = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  referrer: z.object({ id: z.uuid(), name: z.string() }),
  person: z.object({ givenName: z.string().nullable(), familyName: z.string() }),
  office: z.object({ name: z.string(), providerName: z.string() }),
  service: z.enum(services),
  callFirst: z.boolean(),
  feedbackAllowed: z.boolean(),
  /** Only where the person allowed feedback; null otherwise. */
  outcome: z.enum(referrerOutcomes).nullable(),
});
export const sentReferralsQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const sentReferralsResponse = z.object({ items: z.array(sentReferralSchema) });
export const outcomeResponse = z.object({ outcome: z.enum(referrerOutcomes) });

// ---------------------------------------------------------------------------------------------
// The receiving office.

const referrerSchema = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  organisationKind: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

export const inboxReferralSchema = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  status: z.enum(referralStatuses),
  person: z.object({
    givenName: z.string().nullable(),
    familyName: z.string(),
    language: z.string(),
    age: z.number().int().nullable(),
  }),
  topic: z.string(),
  service: z.enum(services),
  office: z.object({ id: z.uuid(), name: z.string() }),
  referrer: z.object({ organisationName: z.string(), organisationKind: z.string() }),
  callFirst: z.boolean(),
  handedOn: z.boolean(),
});
export const inboxQuery = z.strictObject({
  state: z.enum(['open', 'all']).default('open'),
  offset: sentReferralsQuery.shape.offset,
  limit: sentReferralsQuery.shape.limit,
});
export const inboxResponse = z.object({ items: z.array(inboxReferralSchema), open: z.number().int() });
export const openCountResponse = z.object({ open: z.number().int() });

export const referralSchema = inboxReferralSchema.extend({
  version: z.number().int(),
  person: inboxReferralSchema.shape.person.extend({
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  note: z.string().nullable(),
  feedbackAllowed: z.boolean(),
  consentGivenAt: z.string(),
  consentLanguage: z.string(),
  referrer: referrerSchema,
  events: z.array(
    z.object({
      event: z.enum(referralEvents),
      at: z.string(),
      reason: z.string().nullable(),
      toOffice: z.string().nullable(),
    }),
  ),
  caseId: z.uuid().nullable(),
  /** Clients of the office's organisation who may be the same person: offered, never merged silently. */
  possibleDuplicates: z.array(
    z.object({
      clientId: z.uuid(),
      givenName: z.string().nullable(),
      familyName: z.string(),
      birthDate: z.string().nullable(),
    }),
  ),
  allowedActions: z.array(z.string()),
});

export const acceptBody = z.strictObject({
  ...versionField,
  caseType: z.enum(caseTypes),
  /** An existing client the person is; without, a new client is registered from the referral. */
  clientId: z.uuid().nullable().optional(),
});
export type AcceptInput = z.infer<typeof acceptBody>;
export const acceptResponse = z.object({ clientId: z.uuid(), caseId: z.uuid(), caseNumber: z.string() });

export const handOnBody = z.strictObject({
  ...versionField,
  officeId: z.uuid(),
  service: z.enum(services),
  reason: requiredText(500, 'Bitte angeben, warum die Verweisung weitergegeben wird.'),
});
export type HandOnInput = z.infer<typeof handOnBody>;

export const closeBody = z.strictObject({
  ...versionField,
  reason: z.enum(closeReasons, { error: 'Bitte einen Grund wählen.' }),
});
export type CloseInput = z.infer<typeof closeBody>;

import { z } from 'zod';
import { emailField, versionField } from '../../http/schemas.ts';
import { dateField, requiredText, text } from '../cases/cases.schemas.ts';
import {
  agreementModels,
  agreementStatuses,
  agreementTransitions,
  arrangementForms,
  meetingKinds,
  meetingStatuses,
  partyPersonRoles,
  partySides,
} from './agreements.values.ts';

/**
 * Request and response schemas of cooperation agreements and their meetings (R-AGR-1..7,
 * R-ORG-3). The web imports these for its forms and types.
 */

const organisationKindField = z.enum([
  'welfare_provider',
  'jobcenter',
  'abh',
  'course_provider',
  'other',
  'operator',
]);

// ---------------------------------------------------------------------------------------------
// Templates

export const templateSchema = z.object({
  model: z.enum(agreementModels),
  title: z.string(),
  description: z.string(),
  signed: z.boolean(),
  clauses: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      text: z.string(),
      selected: z.boolean(),
      placeholders: z.array(z.object({ key: z.string(), label: z.string() })),
    }),
  ),
  meetings: z.array(z.object({ kind: z.enum(meetingKinds), perYear: z.number().int() })),
});
export const templatesResponse = z.object({ items: z.array(templateSchema) });

// ---------------------------------------------------------------------------------------------
// Agreements

export const communicationItem = z.strictObject({
  kind: z.enum(meetingKinds),
  perYear: z.number().int().min(1, 'Mindestens einmal im Jahr.').max(12, 'Höchstens zwölfmal im Jahr.'),
});

export const createAgreementBody = z.strictObject({
  model: z.enum(agreementModels),
  title: text(200),
  place: text(100),
  partnerOrganisationId: z.uuid(),
  /** Further counselling providers of the place (the own organisation is always a party). */
  providerOrganisationIds: z.array(z.uuid()).max(10).default([]),
  arrangementForm: z.enum(arrangementForms).optional(),
});
export type CreateAgreementInput = z.infer<typeof createAgreementBody>;

export const updateAgreementBody = z.strictObject({
  ...versionField,
  title: requiredText(200, 'Bitte einen Titel angeben.').optional(),
  place: text(100),
  responsibilitiesProvider: text(5000),
  responsibilitiesPartner: text(5000),
  clearingDaysPerWeek: z.number().int().min(0).max(7, 'Höchstens 7 Tage in der Woche.').nullable().optional(),
  clearingHoursPerWeek: z.number().min(0).max(60, 'Höchstens 60 Stunden in der Woche.').nullable().optional(),
  premises: text(5000),
  communication: z.array(communicationItem).max(10).optional(),
  renewal: text(2000),
  arrangementForm: z.enum(arrangementForms).nullable().optional(),
});
export type UpdateAgreementInput = z.infer<typeof updateAgreementBody>;

export const clauseParams = z.strictObject({
  id: z.uuid(),
  clauseId: z.string().regex(/^[a-z0-9_.]{1,80}$/),
});

export const updateClauseBody = z.strictObject({
  ...versionField,
  selected: z.boolean().optional(),
  title: requiredText(200, 'Bitte eine Überschrift angeben.').optional(),
  text: requiredText(10000, 'Bitte einen Text angeben.').optional(),
});
export type UpdateClauseInput = z.infer<typeof updateClauseBody>;

export const addClauseBody = z.strictObject({
  ...versionField,
  title: requiredText(200, 'Bitte eine Überschrift angeben.'),
  text: requiredText(10000, 'Bitte einen Text angeben.'),
});
export type AddClauseInput = z.infer<typeof addClauseBody>;

export const compareQuery = z.strictObject({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

export const addPartyBody = z.strictObject({ organisationId: z.uuid() });

export const addPersonBody = z.strictObject({
  partyId: z.uuid(),
  role: z.enum(partyPersonRoles),
  name: requiredText(200, 'Bitte einen Namen angeben.'),
  function: text(200),
  email: emailField.nullable().optional(),
  phone: text(50),
});
export type AddPersonInput = z.infer<typeof addPersonBody>;

export const subParams = z.strictObject({ id: z.uuid(), subId: z.uuid() });

export const commentBody = z.strictObject({
  body: requiredText(5000, 'Bitte einen Kommentar schreiben.'),
  clauseId: z
    .string()
    .regex(/^[a-z0-9_.]{1,80}$/)
    .optional(),
});

export const transitionBody = z.strictObject({
  ...versionField,
  transition: z.enum(agreementTransitions),
  reason: text(2000),
  startsOn: dateField.optional(),
  endsOn: dateField.optional(),
});
export type TransitionInput = z.infer<typeof transitionBody>;

const clauseSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  text: z.string(),
  selected: z.boolean(),
  own: z.boolean(),
});

const partySchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  name: z.string(),
  kind: organisationKindField,
  side: z.enum(partySides),
  people: z.array(
    z.object({
      id: z.uuid(),
      role: z.enum(partyPersonRoles),
      name: z.string(),
      function: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
});

export const agreementActions = [
  'agreement.edit',
  'agreement.contacts',
  'agreement.comment',
  'agreement.transition',
  'agreement.print',
  'agreement.upload_scan',
  'meeting.plan',
  'meeting.record',
  'action.complete',
] as const;

export const meetingSchema = z.object({
  id: z.uuid(),
  kind: z.enum(meetingKinds),
  title: z.string(),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  location: z.string().nullable(),
  audience: z.string().nullable(),
  status: z.enum(meetingStatuses),
  minutes: z.string().nullable(),
  invitedAt: z.string().nullable(),
  version: z.number().int(),
  attendees: z.array(z.object({ id: z.uuid(), name: z.string(), email: z.string().nullable() })),
  actions: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      ownerName: z.string(),
      ownerUserId: z.uuid().nullable(),
      dueOn: z.string(),
      doneAt: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
});

export const agreementSchema = z.object({
  id: z.uuid(),
  model: z.enum(agreementModels),
  title: z.string(),
  place: z.string().nullable(),
  status: z.enum(agreementStatuses),
  arrangementForm: z.enum(arrangementForms).nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  responsibilitiesProvider: z.string().nullable(),
  responsibilitiesPartner: z.string().nullable(),
  clearingDaysPerWeek: z.number().int().nullable(),
  clearingHoursPerWeek: z.number().nullable(),
  premises: z.string().nullable(),
  communication: z.array(z.object({ kind: z.enum(meetingKinds), perYear: z.number().int() })),
  renewal: z.string().nullable(),
  version: z.number().int(),
  clauseVersion: z.number().int(),
  signedVersion: z.number().int().nullable(),
  parties: z.array(partySchema),
  clauses: z.array(clauseSchema),
  comments: z.array(
    z.object({
      id: z.uuid(),
      authorName: z.string(),
      organisationName: z.string(),
      clauseId: z.string().nullable(),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
  transitions: z.array(
    z.object({
      id: z.uuid(),
      transition: z.enum(agreementTransitions),
      fromStatus: z.enum(agreementStatuses),
      toStatus: z.enum(agreementStatuses),
      reason: z.string().nullable(),
      actorName: z.string().nullable(),
      onDate: z.string(),
      at: z.string(),
    }),
  ),
  scan: z
    .object({ fileName: z.string(), mediaType: z.string(), size: z.number().int(), uploadedAt: z.string() })
    .nullable(),
  meetings: z.array(meetingSchema),
  possibleTransitions: z.array(z.enum(agreementTransitions)),
  allowedActions: z.array(z.enum(agreementActions)),
});
export type AgreementView = z.infer<typeof agreementSchema>;

export const agreementListItem = z.object({
  id: z.uuid(),
  model: z.enum(agreementModels),
  title: z.string(),
  status: z.enum(agreementStatuses),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  parties: z.array(z.object({ organisationId: z.uuid(), name: z.string(), side: z.enum(partySides) })),
});
export const agreementListResponse = z.object({
  items: z.array(agreementListItem),
  canCreate: z.boolean(),
  /** Organisations that can be parties: counselling providers and partners. */
  organisations: z.array(z.object({ id: z.uuid(), name: z.string(), kind: organisationKindField })),
});

export const compareResponse = z.object({
  from: z.number().int(),
  to: z.number().int(),
  rows: z.array(
    z.object({
      clauseId: z.string(),
      from: clauseSchema.nullable(),
      to: clauseSchema.nullable(),
      changed: z.boolean(),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------
// Meetings (R-AGR-6, R-AGR-7)

export const scheduleBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
});

export const planMeetingBody = z.strictObject({
  kind: z.enum(meetingKinds),
  title: requiredText(200, 'Bitte einen Titel angeben.'),
  startsAt: z.iso.datetime({ offset: true, error: 'Bitte Datum und Uhrzeit angeben.' }),
  durationMinutes: z.number().int().min(15).max(600).default(90),
  location: text(200),
  audience: text(200),
});
export type PlanMeetingInput = z.infer<typeof planMeetingBody>;

export const attendeeItem = z.strictObject({
  name: requiredText(200, 'Bitte einen Namen angeben.'),
  email: emailField.nullable().optional(),
});

export const updateMeetingBody = z.strictObject({
  ...versionField,
  status: z.enum(meetingStatuses).optional(),
  minutes: text(20000),
  startsAt: z.iso.datetime({ offset: true, error: 'Bitte Datum und Uhrzeit angeben.' }).optional(),
  location: text(200),
  attendees: z.array(attendeeItem).max(50).optional(),
});
export type UpdateMeetingInput = z.infer<typeof updateMeetingBody>;

export const actionBody = z.strictObject({
  title: requiredText(500, 'Bitte die Aufgabe beschreiben.'),
  ownerName: requiredText(200, 'Bitte angeben, wer die Aufgabe übernimmt.'),
  ownerUserId: z.uuid().optional(),
  dueOn: dateField,
});
export type ActionInput = z.infer<typeof actionBody>;

export const meetingResponse = meetingSchema;
export const scheduleResponse = z.object({ meetings: z.array(meetingSchema) });
export const inviteResponse = z.object({ sent: z.number().int() });

export const overdueActionsResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      dueOn: z.string(),
      agreementId: z.uuid(),
      agreementTitle: z.string(),
      meetingTitle: z.string(),
    }),
  ),
});

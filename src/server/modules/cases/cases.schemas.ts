import { documentLanguages } from '../../documents/languages.ts';
import { isLanguageCode, languageName } from '../directory/languages.ts';
import { countryCodeField } from '../directory/countries.ts';
import { z } from 'zod';
import { emailField, versionField } from '../../http/schemas.ts';
import { categoryKeys } from './cases.categories.ts';
import { ageGroups, responsibleParties, responsibilityAreas } from './cases.rules.ts';
import { longestConsentMonths } from '../exchange/exchange.values.ts';

/**
 * Request and response schemas of case management. Messages are German: the UI shows them next
 * to the field. Checks that need the clock, the database or the organisation's category lists
 * (birth date not in the future, due dates at most five years ahead, closure not before opening,
 * unknown category codes) live in the services (`cases.access.ts`) and answer in the same shape.
 */

// ---------------------------------------------------------------------------------------------
// Building blocks

const tooLong = (max: number) => `Der Text ist zu lang (höchstens ${max} Zeichen).`;

/** Free text: trimmed, empty means none, with a German message when it is too long. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, tooLong(max))
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const requiredText = (max: number, missing: string) =>
  z.string().trim().min(1, missing).max(max, tooLong(max));

export const dateField = z.iso.date({
  error: 'Bitte ein gültiges Datum im Format JJJJ-MM-TT angeben.',
  abort: true,
});

/**
 * R-SEC-4: the earliest plausible dates. Case work (openings, conversations, plans, contacts,
 * activities) is recorded from 2000 on, birth dates from 1900 on. The latest dates depend on the
 * clock and are checked in the services (`cases.access.ts`).
 */
export const earliestCaseDate = '2000-01-01';
export const earliestBirthDate = '1900-01-01';

/** A date of case work: a valid calendar date, not before 01.01.2000. */
export const caseDate = dateField.refine((d) => d >= earliestCaseDate, {
  message: 'Das Datum darf nicht vor dem 01.01.2000 liegen. Bitte das Datum prüfen.',
});
const optionalDate = caseDate.nullable().optional();

/** A date of birth: a valid calendar date, not before 01.01.1900 (the future is refused by the service). */
export const birthDateField = dateField.refine((d) => d >= earliestBirthDate, {
  message: 'Das Geburtsdatum darf nicht vor dem 01.01.1900 liegen. Bitte das Geburtsdatum prüfen.',
});

/** A code from one of the configurable category lists; whether it exists is checked by the service. */
export const categoryCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,50}$/, 'Ungültiger Wert für diese Auswahlliste.');

const languageCode = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isLanguageCode, { message: 'Unbekannte Sprache. Bitte eine Sprache aus der Liste wählen.' });

const countryCode = countryCodeField;

export const caseTypes = ['short_counselling', 'case_management'] as const;
export const services = ['MBE', 'JMD'] as const;
export const phases = ['intake', 'analysis', 'plan', 'implementation'] as const;
export const genders = ['female', 'male', 'diverse', 'not_stated'] as const;
export const cefrLevels = ['none', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const workStatuses = [
  'employed',
  'self_employed',
  'minor_employment',
  'training',
  'job_seeking',
  'not_seeking',
  'unknown',
] as const;
export const schoolingLevels = ['none', 'primary', 'secondary', 'upper_secondary', 'university'] as const;
export const housingKinds = ['own_flat', 'with_family', 'shared_accommodation', 'homeless', 'other'] as const;
export const recognitionStates = [
  'not_needed',
  'not_started',
  'in_progress',
  'recognised',
  'partially_recognised',
  'not_recognised',
] as const;
export const relations = ['partner', 'child', 'parent', 'sibling', 'other'] as const;
export const contactForms = ['in_person', 'phone', 'video', 'message', 'home_visit'] as const;
export const contactStatuses = ['planned', 'held', 'missed', 'cancelled'] as const;
export const activityKinds = ['course_support', 'childcare'] as const;
export const activityStatuses = ['planned', 'active', 'done', 'cancelled'] as const;
export const goalStatuses = ['open', 'in_progress', 'reached', 'dropped'] as const;
export const stepStatuses = ['open', 'in_progress', 'done', 'dropped'] as const;
export const stepResponsibles = ['client', 'counsellor', 'partner'] as const;
export const agreementMethods = ['spoken', 'signed_paper', 'signed_on_screen', 'in_writing'] as const;

const situation = z.strictObject({
  livelihood: categoryCode.nullable().optional(),
  languageLevel: z.enum(cefrLevels).nullable().optional(),
  work: z.enum(workStatuses).nullable().optional(),
});
export type SituationInput = z.infer<typeof situation>;

// ---------------------------------------------------------------------------------------------
// Clients

const familyMember = z.strictObject({
  id: z.uuid().optional(),
  relation: z.enum(relations),
  givenName: text(100),
  birthYear: z.number().int().min(1900).max(2200).nullable().optional(),
  counselledAlongside: z.boolean().default(true),
});

const clientFields = {
  givenName: text(100),
  familyName: requiredText(100, 'Bitte einen Namen oder ein Pseudonym angeben.'),
  pseudonymous: z.boolean().default(false),
  birthDate: birthDateField.nullable().optional(),
  ageGroup: z.enum(ageGroups).nullable().optional(),
  gender: z.enum(genders).nullable().optional(),
  citizenship: countryCode.nullable().optional(),
  languages: z.array(languageCode).max(10).default([]),
  phone: text(50),
  email: emailField.nullable().optional(),
  contactNote: text(500),
  arrivalYear: z.number().int().min(1900).max(2200).nullable().optional(),
  residenceStatusGroup: categoryCode.nullable().optional(),
  familyMembers: z.array(familyMember).max(20, 'Höchstens 20 Familienangehörige.').default([]),
};

export const openCaseBody = z.strictObject({
  caseType: z.enum(caseTypes),
  service: z.enum(services),
  serviceOverrideReason: text(500),
  officeId: z.uuid().nullable().optional(),
  openedOn: caseDate.optional(),
  wayIn: categoryCode.nullable().optional(),
  situationStart: situation.optional(),
});

const birthDateOrAgeGroup = (v: { birthDate?: string | null; ageGroup?: string | null }) =>
  Boolean(v.birthDate) || Boolean(v.ageGroup);
const birthDateOrAgeGroupMessage = {
  message: 'Bitte ein Geburtsdatum oder eine Altersgruppe angeben.',
  path: ['birthDate'],
};

export const createClientBody = z
  .strictObject({ ...clientFields, case: openCaseBody })
  .refine(birthDateOrAgeGroup, birthDateOrAgeGroupMessage);

export const updateClientBody = z.strictObject({
  ...versionField,
  givenName: clientFields.givenName,
  familyName: clientFields.familyName.optional(),
  pseudonymous: z.boolean().optional(),
  birthDate: clientFields.birthDate,
  ageGroup: clientFields.ageGroup,
  gender: clientFields.gender,
  citizenship: clientFields.citizenship,
  languages: z.array(languageCode).max(10).optional(),
  phone: clientFields.phone,
  email: clientFields.email,
  contactNote: clientFields.contactNote,
  arrivalYear: clientFields.arrivalYear,
  residenceStatusGroup: clientFields.residenceStatusGroup,
  familyMembers: z.array(familyMember).max(20, 'Höchstens 20 Familienangehörige.').optional(),
});

export const searchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(3, 'Bitte mindestens 3 Zeichen eingeben (Name, Geburtsdatum oder Fallnummer).')
    .max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const suggestionQuery = z.strictObject({
  birthDate: birthDateField.optional(),
  ageGroup: z.enum(ageGroups).optional(),
});

export const exportQuery = z.strictObject({ format: z.enum(['json', 'pdf']).default('json') });

/** The language of a client document beside German (R-UX-1); another one is refused. */
export const documentLanguageQuery = z.strictObject({
  language: z
    .enum(documentLanguages, {
      error: `Dieses Dokument gibt es nicht in dieser Sprache. Möglich sind: ${documentLanguages.map((c) => languageName(c)).join(', ')}.`,
    })
    .optional(),
});

export type CreateClientInput = z.infer<typeof createClientBody>;
export type UpdateClientInput = z.infer<typeof updateClientBody>;
export type OpenCaseInput = z.infer<typeof openCaseBody>;
export type FamilyMemberInput = z.infer<typeof familyMember>;

// ---------------------------------------------------------------------------------------------
// Cases

export const updateCaseBody = z.strictObject({
  ...versionField,
  caseType: z.enum(caseTypes).optional(),
  service: z.enum(services).optional(),
  serviceOverrideReason: text(500),
  officeId: z.uuid().nullable().optional(),
  phase: z.enum(phases).nullable().optional(),
  wayIn: categoryCode.nullable().optional(),
  nextReviewOn: optionalDate,
  situationStart: situation.optional(),
});

export const closeCaseBody = z.strictObject({
  ...versionField,
  closedOn: caseDate,
  closureReason: categoryCode,
  closureNote: text(2000),
  situationEnd: situation.default({}),
});

export const versionBody = z.strictObject(versionField);

/** 1:1 sections (intake, analysis, plan): without `version` they are created, with it updated. */
const sectionVersion = { version: z.number().int().positive().optional() };

export const intakeBody = z.strictObject({
  ...sectionVersion,
  heldOn: caseDate,
  reason: requiredText(4000, 'Bitte den Anlass des Gesprächs angeben.'),
  concerns: text(4000),
  agreedNextSteps: text(4000),
  topics: z.array(categoryCode).max(20).default([]),
});

const qualification = z.strictObject({
  type: categoryCode,
  title: requiredText(200, 'Bitte die Qualifikation benennen.'),
  country: countryCode.nullable().optional(),
  recognition: z.enum(recognitionStates),
});

export const analysisBody = z.strictObject({
  ...sectionVersion,
  germanLevel: z.enum(cefrLevels).nullable().optional(),
  otherLanguages: z.array(languageCode).max(10).default([]),
  schooling: z.enum(schoolingLevels).nullable().optional(),
  schoolingYears: z.number().int().min(0).max(30).nullable().optional(),
  schoolingNote: text(2000),
  qualifications: z.array(qualification).max(20).default([]),
  workExperience: text(4000),
  familySituation: text(4000),
  housing: z.enum(housingKinds).nullable().optional(),
  housingNote: text(2000),
  /** Special category (Art. 9 DSGVO). Left out, the stored note stays as it is. */
  healthNote: text(4000),
  residenceStatusGroup: categoryCode.nullable().optional(),
  residenceNote: text(2000),
  livelihood: z.array(categoryCode).max(10).default([]),
  livelihoodNote: text(2000),
});

const planStep = z
  .strictObject({
    id: z.uuid().optional(),
    title: requiredText(300, 'Bitte den Schritt beschreiben.'),
    responsible: z.enum(stepResponsibles),
    partnerName: text(200),
    dueOn: optionalDate,
    status: z.enum(stepStatuses).default('open'),
    doneOn: optionalDate,
  })
  .refine((s) => s.responsible !== 'partner' || Boolean(s.partnerName), {
    message: 'Bitte angeben, welcher Partner diesen Schritt übernimmt.',
    path: ['partnerName'],
  });

const planGoal = z.strictObject({
  id: z.uuid().optional(),
  title: requiredText(300, 'Bitte das Ziel beschreiben.'),
  status: z.enum(goalStatuses).default('open'),
  steps: z.array(planStep).max(30).default([]),
});

export const planBody = z
  .strictObject({
    ...sectionVersion,
    reason: text(4000),
    goal: text(4000),
    course: text(4000),
    agreement: z
      .strictObject({
        agreed: z.boolean(),
        agreedOn: optionalDate,
        method: z.enum(agreementMethods).nullable().optional(),
        note: text(1000),
      })
      .default({ agreed: false }),
    goals: z.array(planGoal).max(30).default([]),
  })
  .superRefine((plan, ctx) => {
    if (!plan.agreement.agreed) return;
    // R-CASE-4: "agreed" needs the client's agreement on record — when and how it was given.
    if (!plan.agreement.agreedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['agreement', 'agreedOn'],
        message: 'Bitte angeben, wann die ratsuchende Person dem Förderplan zugestimmt hat.',
      });
    if (!plan.agreement.method)
      ctx.addIssue({
        code: 'custom',
        path: ['agreement', 'method'],
        message: 'Bitte angeben, wie die ratsuchende Person zugestimmt hat (mündlich, unterschrieben …).',
      });
    if (!plan.reason || !plan.goal)
      ctx.addIssue({
        code: 'custom',
        path: [plan.reason ? 'goal' : 'reason'],
        message: 'Ein vereinbarter Förderplan nennt Anlass und Ziel der Beratung.',
      });
    if (plan.goals.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['goals'],
        message: 'Ein vereinbarter Förderplan enthält mindestens ein Ziel.',
      });
  });

const contactFields = {
  startsAt: z.iso
    .datetime({ offset: true, error: 'Bitte Datum und Uhrzeit angeben.', abort: true })
    .refine((v) => v.slice(0, 10) >= earliestCaseDate, {
      message: 'Der Kontakt darf nicht vor dem 01.01.2000 liegen. Bitte das Datum prüfen.',
    }),
  form: z.enum(contactForms),
  status: z.enum(contactStatuses).default('held'),
  durationMinutes: z.number().int().min(1).max(1440).nullable().optional(),
  topics: z.array(categoryCode).max(20).default([]),
  familyMemberIds: z.array(z.uuid()).max(20).default([]),
  note: text(4000),
};

export const contactBody = z.strictObject(contactFields);
export const updateContactBody = z.strictObject({
  ...versionField,
  startsAt: contactFields.startsAt.optional(),
  form: z.enum(contactForms).optional(),
  status: z.enum(contactStatuses).optional(),
  durationMinutes: contactFields.durationMinutes,
  topics: z.array(categoryCode).max(20).optional(),
  familyMemberIds: z.array(z.uuid()).max(20).optional(),
  note: contactFields.note,
});

const activityFields = {
  kind: z.enum(activityKinds),
  status: z.enum(activityStatuses).default('planned'),
  courseProviderName: text(200),
  courseName: text(200),
  startsOn: optionalDate,
  endsOn: optionalDate,
  childrenCount: z.number().int().min(1).max(20).nullable().optional(),
  childcarePlace: text(200),
  note: text(4000),
};
const endsAfterStart = (a: { startsOn?: string | null; endsOn?: string | null }) =>
  !a.startsOn || !a.endsOn || a.endsOn >= a.startsOn;
const endsAfterStartMessage = { message: 'Das Ende liegt vor dem Beginn.', path: ['endsOn'] };

export const activityBody = z.strictObject(activityFields).refine(endsAfterStart, endsAfterStartMessage);
export const updateActivityBody = z
  .strictObject({
    ...versionField,
    kind: z.enum(activityKinds).optional(),
    status: z.enum(activityStatuses).optional(),
    courseProviderName: activityFields.courseProviderName,
    courseName: activityFields.courseName,
    startsOn: activityFields.startsOn,
    endsOn: activityFields.endsOn,
    childrenCount: activityFields.childrenCount,
    childcarePlace: activityFields.childcarePlace,
    note: activityFields.note,
  })
  .refine(endsAfterStart, endsAfterStartMessage);

export const responsibilityParams = z.strictObject({
  id: z.uuid(),
  area: z.enum(responsibilityAreas as [string, ...string[]]),
});
export const responsibilityBody = z.strictObject({
  ...versionField,
  responsible: z.enum(responsibleParties),
  note: text(1000),
});

export const breakGlassBody = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(10, 'Bitte begründen Sie den Zugriff (mindestens 10 Zeichen).')
    .max(500, tooLong(500)),
});

export const legalHoldBody = z
  .strictObject({ ...versionField, hold: z.boolean(), reason: text(500) })
  .refine((v) => !v.hold || Boolean(v.reason), {
    message: 'Bitte den Grund der Aufbewahrungssperre angeben.',
    path: ['reason'],
  });

export const lookupQuery = z.strictObject({
  caseNumber: z
    .string()
    .trim()
    .regex(/^[0-9]{4}-[0-9]{5}$/, 'Bitte eine Fallnummer im Format JJJJ-NNNNN angeben.'),
});

export const childParams = z.strictObject({ id: z.uuid(), childId: z.uuid() });

const categoryEntry = z.strictObject({
  code: categoryCode,
  de: requiredText(200, 'Bitte eine Bezeichnung angeben.'),
  en: requiredText(200, 'Bitte eine englische Bezeichnung angeben.'),
  active: z.boolean().default(true),
});

const retentionYearsMessage =
  'Die Aufbewahrungsfrist bitte als ganze Zahl von Jahren angeben, mindestens 1 und höchstens 30.';

/** R-CON-5: years after closure until a case is erased; the default is three. */
const retentionYearsField = z
  .number({ error: retentionYearsMessage })
  .int(retentionYearsMessage)
  .min(1, retentionYearsMessage)
  .max(30, retentionYearsMessage);

const consentMonthsMessage = `Die längste Gültigkeit einer Einwilligung bitte als ganze Zahl von Monaten angeben, mindestens 1 und höchstens ${longestConsentMonths}.`;

/** R-CON-1: the longest validity of a consent at this provider; the default is twelve months. */
const consentMaxMonthsField = z
  .number({ error: consentMonthsMessage })
  .int(consentMonthsMessage)
  .min(1, consentMonthsMessage)
  .max(longestConsentMonths, consentMonthsMessage);

export const settingsBody = z.strictObject({
  /** 0 while the organisation still uses the defaults. */
  version: z.number().int().min(0),
  retentionYears: retentionYearsField.optional(),
  consentMaxMonths: consentMaxMonthsField.optional(),
  categories: z
    .strictObject(
      Object.fromEntries(
        categoryKeys.map((k) => [
          k,
          z
            .array(categoryEntry)
            .min(1, 'Eine Auswahlliste braucht mindestens einen Eintrag.')
            .max(100)
            .refine(
              (l) => new Set(l.map((e) => e.code)).size === l.length,
              'Jeder Code darf nur einmal vorkommen.',
            )
            .refine(
              (l) => l.length === 0 || l.some((e) => e.active),
              'Mindestens ein Eintrag der Auswahlliste muss aktiv bleiben.',
            )
            .optional(),
        ]),
      ) as Record<(typeof categoryKeys)[number], z.ZodOptional<z.ZodArray<typeof categoryEntry>>>,
    )
    .default({}),
});

export type UpdateCaseInput = z.infer<typeof updateCaseBody>;
export type CloseCaseInput = z.infer<typeof closeCaseBody>;
export type IntakeInput = z.infer<typeof intakeBody>;
export type AnalysisInput = z.infer<typeof analysisBody>;
export type PlanInput = z.infer<typeof planBody>;
export type ContactInput = z.infer<typeof contactBody>;
export type UpdateContactInput = z.infer<typeof updateContactBody>;
export type ActivityInput = z.infer<typeof activityBody>;
export type UpdateActivityInput = z.infer<typeof updateActivityBody>;
export type ResponsibilityInput = z.infer<typeof responsibilityBody>;
export type LegalHoldInput = z.infer<typeof legalHoldBody>;
export type SettingsInput = z.infer<typeof settingsBody>;

// ---------------------------------------------------------------------------------------------
// Responses

const situationOut = z.object({
  livelihood: z.string().nullable(),
  languageLevel: z.string().nullable(),
  work: z.string().nullable(),
});

export const suggestionSchema = z.object({
  service: z.enum(services).nullable(),
  age: z.number().int().nullable(),
  turns27On: z.string().nullable(),
  explanation: z.string(),
});

export const familyMemberSchema = z.object({
  id: z.uuid(),
  relation: z.enum(relations),
  givenName: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  counselledAlongside: z.boolean(),
});

export const caseRefSchema = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  caseType: z.enum(caseTypes),
  service: z.enum(services),
  status: z.enum(['open', 'closed']),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  ownerUserId: z.uuid(),
  ownerName: z.string(),
  accessible: z.boolean(),
});

export const clientSchema = z.object({
  id: z.uuid(),
  givenName: z.string().nullable(),
  familyName: z.string(),
  pseudonymous: z.boolean(),
  birthDate: z.string().nullable(),
  ageGroup: z.string().nullable(),
  gender: z.string().nullable(),
  citizenship: z.string().nullable(),
  languages: z.array(z.string()),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  contactNote: z.string().nullable(),
  arrivalYear: z.number().int().nullable(),
  residenceStatusGroup: z.string().nullable(),
  familyMembers: z.array(familyMemberSchema),
  suggestion: suggestionSchema,
  cases: z.array(caseRefSchema),
  version: z.number().int(),
  allowedActions: z.array(z.string()),
});

export const searchHitSchema = z.object({
  clientId: z.uuid(),
  givenName: z.string().nullable(),
  familyName: z.string(),
  pseudonymous: z.boolean(),
  birthDate: z.string().nullable(),
  ageGroup: z.string().nullable(),
  cases: z.array(
    z.object({
      id: z.uuid(),
      caseNumber: z.string(),
      status: z.enum(['open', 'closed']),
      service: z.string(),
    }),
  ),
});

const planStepSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  responsible: z.enum(stepResponsibles),
  partnerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(stepStatuses),
  doneOn: z.string().nullable(),
});

export const planSchema = z.object({
  reason: z.string().nullable(),
  goal: z.string().nullable(),
  course: z.string().nullable(),
  agreement: z.object({
    agreed: z.boolean(),
    agreedOn: z.string().nullable(),
    method: z.enum(agreementMethods).nullable(),
    note: z.string().nullable(),
  }),
  goals: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      status: z.enum(goalStatuses),
      steps: z.array(planStepSchema),
    }),
  ),
  version: z.number().int(),
  updatedAt: z.string(),
});

export const intakeSchema = z.object({
  heldOn: z.string(),
  reason: z.string(),
  concerns: z.string().nullable(),
  agreedNextSteps: z.string().nullable(),
  topics: z.array(z.string()),
  version: z.number().int(),
});

export const analysisSchema = z.object({
  germanLevel: z.string().nullable(),
  otherLanguages: z.array(z.string()),
  schooling: z.string().nullable(),
  schoolingYears: z.number().int().nullable(),
  schoolingNote: z.string().nullable(),
  qualifications: z.array(
    z.object({
      type: z.string(),
      title: z.string(),
      country: z.string().nullable(),
      recognition: z.string(),
    }),
  ),
  workExperience: z.string().nullable(),
  familySituation: z.string().nullable(),
  housing: z.string().nullable(),
  housingNote: z.string().nullable(),
  /** Art. 9 DSGVO: present only for the case owner and after breaking the glass. */
  health: z
    .object({ note: z.string().nullable(), specialCategory: z.literal(true) })
    .nullable()
    .describe('Besondere Kategorie (Art. 9 DSGVO); null, wenn nicht berechtigt'),
  healthWithheld: z.boolean(),
  residenceStatusGroup: z.string().nullable(),
  residenceNote: z.string().nullable(),
  livelihood: z.array(z.string()),
  livelihoodNote: z.string().nullable(),
  version: z.number().int(),
});

/**
 * What saving the interview, the analysis or the plan answers: the section as saved and the case's
 * phase after it (saving may move the case forward), so the page needs no second read.
 */
const casePhaseField = { casePhase: z.enum(phases).nullable() };
export const intakeSavedSchema = intakeSchema.extend(casePhaseField);
export const analysisSavedSchema = analysisSchema.extend(casePhaseField);
export const planSavedSchema = planSchema.extend(casePhaseField);

export const contactSchema = z.object({
  id: z.uuid(),
  startsAt: z.string(),
  form: z.enum(contactForms),
  status: z.enum(contactStatuses),
  durationMinutes: z.number().int().nullable(),
  topics: z.array(z.string()),
  familyMemberIds: z.array(z.string()),
  note: z.string().nullable(),
  version: z.number().int(),
});

export const activitySchema = z.object({
  id: z.uuid(),
  kind: z.enum(activityKinds),
  status: z.enum(activityStatuses),
  courseProviderName: z.string().nullable(),
  courseName: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  childrenCount: z.number().int().nullable(),
  childcarePlace: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});

export const responsibilitySchema = z.object({
  area: z.string(),
  label: z.string(),
  responsible: z.enum(responsibleParties),
  responsibleLabel: z.string(),
  isDefault: z.boolean(),
  source: z.string(),
  note: z.string().nullable(),
  version: z.number().int(),
});

export const accessGrantSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userName: z.string(),
  reason: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
});

export const caseSchema = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  caseType: z.enum(caseTypes),
  service: z.enum(services),
  suggestedService: z.enum(services).nullable(),
  serviceOverrideReason: z.string().nullable(),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  officeId: z.uuid().nullable(),
  status: z.enum(['open', 'closed']),
  phase: z.enum(phases).nullable(),
  wayIn: z.string().nullable(),
  openedOn: z.string(),
  nextReviewOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  closureReason: z.string().nullable(),
  closureNote: z.string().nullable(),
  situationStart: situationOut,
  situationEnd: situationOut,
  legalHold: z.object({ active: z.boolean(), reason: z.string().nullable(), setAt: z.string().nullable() }),
  retentionEndsOn: z.string().nullable(),
  /** The client's own data, with what the reader may do with the client record (`client.update` …). */
  client: clientSchema.omit({ cases: true, suggestion: true }),
  intake: intakeSchema.nullable(),
  analysis: analysisSchema.nullable(),
  plan: planSchema.nullable(),
  contacts: z.array(contactSchema),
  activities: z.array(activitySchema),
  responsibilities: z.array(responsibilitySchema),
  /** Break-the-glass accesses by others (R-CON-8), shown to the owner. */
  accessGrants: z.array(accessGrantSchema),
  /** Set when the reader opened the case by breaking the glass. */
  viaGrant: z.object({ reason: z.string(), expiresAt: z.string() }).nullable(),
  version: z.number().int(),
  allowedActions: z.array(z.string()),
});

/** A case's legal hold after setting or lifting it (R-CON-5). */
export const legalHoldResponse = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  legalHold: caseSchema.shape.legalHold,
  version: z.number().int(),
});

export const caseCreatedSchema = z.object({ client: clientSchema, caseId: z.uuid(), caseNumber: z.string() });

export const lookupSchema = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  status: z.enum(['open', 'closed']),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  accessible: z.boolean(),
  allowedActions: z.array(z.string()),
});

export const grantSchema = z.object({
  caseId: z.uuid(),
  reason: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
});

const dueStepSchema = z.object({
  caseId: z.uuid(),
  caseNumber: z.string(),
  clientName: z.string(),
  stepId: z.uuid(),
  title: z.string(),
  responsible: z.enum(stepResponsibles),
  dueOn: z.string(),
  overdue: z.boolean(),
  /** Due from today to Sunday of this calendar week. */
  dueThisWeek: z.boolean(),
});

export const caseloadSchema = z.object({
  today: z.string(),
  /** Monday and Sunday of this calendar week in Berlin ("diese Woche"). */
  weekStart: z.string(),
  weekEnd: z.string(),
  openCases: z.array(
    z.object({
      id: z.uuid(),
      caseNumber: z.string(),
      clientName: z.string(),
      caseType: z.enum(caseTypes),
      service: z.enum(services),
      phase: z.enum(phases).nullable(),
      openedOn: z.string(),
      nextReviewOn: z.string().nullable(),
      reviewOverdue: z.boolean(),
      nextStepDueOn: z.string().nullable(),
      nextStepOverdue: z.boolean(),
      lastContactAt: z.string().nullable(),
    }),
  ),
  dueSteps: z.array(dueStepSchema),
  /** Planned contacts of my open cases on Berlin's today, earliest first. */
  appointmentsToday: z.array(
    z.object({
      contactId: z.uuid(),
      caseId: z.uuid(),
      caseNumber: z.string(),
      clientName: z.string(),
      startsAt: z.string(),
      form: z.enum(contactForms),
      durationMinutes: z.number().int().nullable(),
    }),
  ),
  overdueReviews: z.array(
    z.object({ caseId: z.uuid(), caseNumber: z.string(), clientName: z.string(), nextReviewOn: z.string() }),
  ),
  /** Others who opened one of my cases by breaking the glass, in the last 30 days (R-CON-8). */
  accessByOthers: z.array(
    z.object({
      caseId: z.uuid(),
      caseNumber: z.string(),
      userName: z.string(),
      reason: z.string(),
      grantedAt: z.string(),
    }),
  ),
  counts: z.object({
    open: z.number().int(),
    caseManagement: z.number().int(),
    shortCounselling: z.number().int(),
    /** Counted from the lists above by the same rule (`due.ts`). */
    overdueSteps: z.number().int(),
    stepsDueThisWeek: z.number().int(),
    overdueReviews: z.number().int(),
    appointmentsToday: z.number().int(),
  }),
});

export const teamSchema = z.object({
  today: z.string(),
  weekStart: z.string(),
  weekEnd: z.string(),
  counsellors: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      open: z.number().int(),
      caseManagement: z.number().int(),
      shortCounselling: z.number().int(),
      overdueReviews: z.number().int(),
      stepsDueThisWeek: z.number().int(),
      overdueSteps: z.number().int(),
    }),
  ),
  /** Due items without content: which case, whose, what kind, when. */
  dueItems: z.array(
    z.object({
      /** The step's id, or the case's for a review. */
      itemId: z.uuid(),
      caseId: z.uuid(),
      caseNumber: z.string(),
      ownerName: z.string(),
      kind: z.enum(['review', 'step']),
      dueOn: z.string(),
      overdue: z.boolean(),
    }),
  ),
});

const categoryEntrySchema = z.object({
  code: z.string(),
  de: z.string(),
  en: z.string(),
  active: z.boolean(),
});

export const settingsSchema = z.object({
  retentionYears: z.number().int(),
  consentMaxMonths: z.number().int(),
  categories: z.object(
    Object.fromEntries(categoryKeys.map((k) => [k, z.array(categoryEntrySchema)])) as Record<
      (typeof categoryKeys)[number],
      z.ZodArray<typeof categoryEntrySchema>
    >,
  ),
  categoryNames: z.record(z.string(), z.string()),
  /** The lists the organisation replaced; every other list is the default. */
  customisedLists: z.array(z.enum(categoryKeys)),
  isDefault: z.boolean(),
  version: z.number().int(),
  allowedActions: z.array(z.string()),
});

export const deletionRecordSchema = z.object({
  id: z.uuid(),
  erasedAt: z.string(),
  rule: z.string(),
  retentionYears: z.number().int(),
  closedMonth: z.string(),
  service: z.string(),
  caseType: z.string(),
  recordsRemoved: z.number().int(),
  clientErased: z.boolean(),
});

/** Art. 15 (1) a–h and (2) DSGVO: what the client is told beside their data, in one language. */
const art15InformationSchema = z.object({
  controller: z.object({
    name: z.string(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    applicableLaw: z.string(),
    dataProtectionContact: z.string(),
  }),
  purposes: z.array(z.string()),
  dataCategories: z.array(z.string()),
  recipients: z.object({
    disclosures: z.array(z.object({ recipient: z.string(), sentOn: z.string(), data: z.string() })),
    statement: z.string(),
    possibleRecipients: z.array(z.string()),
  }),
  /** The client's consents to passing on data, withdrawn ones included (R-CON-1, R-CON-4). */
  consents: z.object({
    statement: z.string(),
    items: z.array(
      z.object({
        recipient: z.string(),
        purpose: z.string(),
        data: z.string(),
        direction: z.string(),
        validity: z.string(),
        withdrawn: z.string().nullable(),
      }),
    ),
  }),
  storagePeriod: z.object({ retentionYears: z.number().int(), rule: z.string() }),
  rights: z.object({
    rectification: z.string(),
    erasure: z.string(),
    restriction: z.string(),
    objection: z.string(),
    withdrawal: z.string(),
  }),
  complaint: z.object({
    statement: z.string(),
    authority: z.object({ name: z.string(), url: z.string().nullable() }),
  }),
  sources: z.array(z.string()),
  automatedDecisionMaking: z.string(),
  thirdCountryTransfers: z.string(),
});

export const exportSchema = z.object({
  generatedAt: z.string(),
  /** The language beside German ("de" when German only). */
  language: z.enum(documentLanguages),
  controller: z.object({ name: z.string(), dataProtectionLaw: z.string().nullable() }),
  information: art15InformationSchema,
  translation: z
    .object({ language: z.enum(documentLanguages), information: art15InformationSchema })
    .nullable(),
  client: z.record(z.string(), z.unknown()),
  cases: z.array(z.record(z.string(), z.unknown())),
});

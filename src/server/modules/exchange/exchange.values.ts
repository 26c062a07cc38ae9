// No imports: the web loads these lists too (the consent wizard, the composer, the inbox).

/**
 * The closed lists of consent-gated exchange (R-CON-1, R-EXC-1..3). A consent names exactly
 * which of these data categories may be passed on; health is a category of its own (Art. 9
 * DSGVO) and never implied by another. No category, no message kind and no field says whether a
 * person attends counselling (R-RED-2).
 */
export const dataCategories = [
  'identity_contact',
  'residence_status',
  'language_courses',
  'schooling_qualifications',
  'work_experience',
  'analysis_results',
  'plan_goals',
  'course_attendance',
  'family_situation',
  'health',
] as const;
export type DataCategory = (typeof dataCategories)[number];

/** Data of special categories (Art. 9 DSGVO): asked for separately, shown apart on the form. */
export const specialCategories: readonly DataCategory[] = ['health'];

/**
 * What the exchange is for. Each provider keeps its list of purposes in its case settings
 * ("consentPurposes"); a consent names a code of that list and may add its own words, and
 * "other" requires the words. These codes start every list and have reviewed texts on the
 * printed form in every document language; a provider's own purpose prints as the provider
 * words it, in German (in English on an English form).
 */
export const reviewedPurposes = [
  'integration_jobcenter',
  'course_participation',
  'residence_matters',
  'other',
] as const;
export type ReviewedPurpose = (typeof reviewedPurposes)[number];
/** A code of the provider's list of purposes. */
export type ConsentPurpose = string;
export const isReviewedPurpose = (purpose: string): purpose is ReviewedPurpose =>
  (reviewedPurposes as readonly string[]).includes(purpose);
/** What a purpose code looks like in a list (lower case, digits and underscores). */
export const purposeCodePattern = /^[a-z0-9_]{1,64}$/;

/** Which way data may flow under a consent. */
export const consentDirections = ['to_partner', 'from_partner', 'both'] as const;
export type ConsentDirection = (typeof consentDirections)[number];

/** Whether a consent covers one transmission or repeated ones during its validity. */
export const consentRepetitions = ['once', 'repeated'] as const;
export type ConsentRepetition = (typeof consentRepetitions)[number];

/** How the client gave the consent: on signed paper (the scan is stored) or signed on screen. */
export const consentForms = ['paper', 'on_screen'] as const;
export type ConsentForm = (typeof consentForms)[number];

/**
 * The longest validity of a consent, in months: twelve unless the provider sets its own in the
 * case settings, never more than twenty-four.
 */
export const defaultConsentMonths = 12;
export const longestConsentMonths = 24;

/**
 * Kinds of message in a thread. From the counselling service: the result of the social and
 * competence analysis or profiling with the needs that follow (R-EXC-1), a threatened drop-out
 * or a serious change that matters for the Kooperationsplan (R-EXC-2), an answer. From a
 * partner: an answer, a threatened drop-out of a measure or course, special problems of a
 * participant (R-EXC-2).
 */
export const providerMessageKinds = [
  'assessment_result',
  'dropout_notice',
  'serious_change',
  'answer',
] as const;
export const partnerMessageKinds = ['answer', 'dropout_notice', 'special_problem'] as const;
export const messageKinds = [
  'assessment_result',
  'dropout_notice',
  'serious_change',
  'special_problem',
  'answer',
] as const;
export type MessageKind = (typeof messageKinds)[number];

/** How the client's copy of a disclosure was handed over (R-RED-5). */
export const handoverMethods = ['in_person', 'post', 'email'] as const;
export type HandoverMethod = (typeof handoverMethods)[number];

/** The reasons a disclosure is refused, each a stable code with a German message. */
export const refusalReasons = [
  'no_consent',
  'consent_other_client',
  'consent_other_recipient',
  'consent_other_purpose',
  'category_not_covered',
  'direction_not_covered',
  'consent_not_yet_valid',
  'consent_expired',
  'consent_withdrawn',
  'consent_used',
  'legal_basis_other_client',
  'legal_basis_other_recipient',
  'legal_basis_category',
  'legal_basis_used',
] as const;
export type RefusalReason = (typeof refusalReasons)[number];

/**
 * Legal bases other than consent (R-RED-1), recorded by a team lead with a justification for one
 * transfer; their legal terms live in terms.ts.
 */
export const legalBases = ['child_protection', 'danger_to_life', 'court_order', 'statutory_duty'] as const;
export type LegalBasis = (typeof legalBases)[number];

/** Events of a consent's life (ISO/IEC 27560 event log): append-only. */
export const consentEvents = ['given', 'used', 'withdrawn'] as const;
export type ConsentEvent = (typeof consentEvents)[number];

/**
 * The counselling service's independence, shown with every thread and in every inbox partners
 * see (R-RED-4, R-RED-2). The web shows its own translation of the same words.
 */
export const independenceNotice =
  'Die Migrationsberatung ist eigenständig und unabhängig. Sie gibt nur weiter, was die Person ' +
  'schriftlich erlaubt hat. Die Beratung ist freiwillig: Ob jemand sie besucht, ist keine ' +
  'Voraussetzung für Leistungen oder Entscheidungen und wird nicht mitgeteilt.';

/** The German names of the data categories, for refusals that name what is missing. */
export const dataCategoryNames: Record<DataCategory, string> = {
  identity_contact: 'Name und Kontaktdaten',
  residence_status: 'Aufenthaltsstatus',
  language_courses: 'Sprachstand und Kurse',
  schooling_qualifications: 'Schulbildung, Abschlüsse und ihre Anerkennung',
  work_experience: 'Berufserfahrung',
  analysis_results: 'Ergebnisse der Sozial- und Kompetenzanalyse',
  plan_goals: 'Ziele des Förderplans',
  course_attendance: 'Kursteilnahme und drohender Abbruch',
  family_situation: 'Familiäre Situation',
  health: 'Gesundheit (besondere Kategorie, Art. 9 DSGVO)',
};

/** Why a disclosure may not go, in German, as the problem's detail. */
export const refusalMessages: Record<RefusalReason, string> = {
  no_consent: 'Für diese Weitergabe liegt keine Einwilligung vor.',
  consent_other_client: 'Die Einwilligung gehört zu einer anderen Person.',
  consent_other_recipient: 'Die Einwilligung gilt für einen anderen Empfänger (Organisation oder Team).',
  consent_other_purpose: 'Die Einwilligung gilt für einen anderen Zweck.',
  category_not_covered: 'Die Einwilligung deckt diese Daten nicht:',
  direction_not_covered: 'Die Einwilligung erlaubt diese Richtung der Weitergabe nicht.',
  consent_not_yet_valid: 'Die Einwilligung gilt noch nicht.',
  consent_expired: 'Die Einwilligung ist abgelaufen.',
  consent_withdrawn: 'Die Einwilligung wurde widerrufen.',
  consent_used: 'Die Einwilligung galt für eine einmalige Weitergabe und ist verbraucht.',
  legal_basis_other_client: 'Die Rechtsgrundlage wurde für eine andere Person festgestellt.',
  legal_basis_other_recipient:
    'Die Rechtsgrundlage gilt für einen anderen Empfänger (Organisation oder Team).',
  legal_basis_category: 'Die Rechtsgrundlage deckt diese Daten nicht:',
  legal_basis_used: 'Die Rechtsgrundlage galt für eine Weitergabe und ist verbraucht.',
};

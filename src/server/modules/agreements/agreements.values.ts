// No imports: the web loads these lists too (templates to choose, statuses, meetings).

/**
 * The closed lists of cooperation agreements (R-AGR-1..7): the models of the BAGFW
 * recommendation, the lifecycle's statuses and transitions, the meetings an agreement prescribes.
 */

/** R-AGR-1: ABH with and without clearing office, course provider, Jobcenter, free, informal. */
export const agreementModels = [
  'abh_clearing',
  'abh',
  'course_provider',
  'jobcenter',
  'free',
  'informal',
] as const;
export type AgreementModel = (typeof agreementModels)[number];

/** R-AGR-4: where an agreement stands. */
export const agreementStatuses = [
  'draft',
  'negotiation',
  'signed',
  'active',
  'renewal_due',
  'renewed',
  'expired',
  'terminated',
] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

/** The steps of the lifecycle a person takes (renewal due and expiry also come from the clock). */
export const agreementTransitions = [
  'start_negotiation',
  'sign',
  'activate',
  'mark_renewal_due',
  'renew',
  'expire',
  'terminate',
] as const;
export type AgreementTransition = (typeof agreementTransitions)[number];

/** Whether an informal arrangement was written down or agreed orally. */
export const arrangementForms = ['written', 'oral'] as const;
export type ArrangementForm = (typeof arrangementForms)[number];

/** Which side a party is on: a counselling provider or the partner. */
export const partySides = ['provider', 'partner'] as const;
export type PartySide = (typeof partySides)[number];

/** What a person of a party is for the agreement (R-ORG-3). */
export const partyPersonRoles = ['signatory', 'central_contact'] as const;
export type PartyPersonRole = (typeof partyPersonRoles)[number];

/** R-AGR-6, R-AGR-7: the meetings and presentations the models prescribe. */
export const meetingKinds = [
  'management_talk',
  'clearing_coordination',
  'teacher_conference',
  'jobcenter_evaluation',
  'staff_presentation',
  'course_presentation',
  'other',
] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** Days before the end of the term on which the renewal reminder goes out. */
export const renewalReminderDays = 60;

// No imports: the web loads these lists too (the referral form, the inbox, the list of sent referrals).

/**
 * The closed lists of referrals (R-REF-1, R-REF-4, R-RED-2). Nothing here says whether a person
 * came to counselling: the receiving office closes a referral with its own reason, which stays
 * with the office, and the referrer learns at most one of two outcomes.
 */

/** Where a named referral stands at the receiving office. */
export const referralStatuses = ['sent', 'received', 'accepted', 'closed'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** Why the receiving office closes a referral without opening a case (its own knowledge only). */
export const closeReasons = ['did_not_come', 'declined', 'not_reachable', 'other'] as const;
export type CloseReason = (typeof closeReasons)[number];

/**
 * R-REF-4, R-RED-2: the only words a referrer ever reads about a referral's outcome, and only
 * where the person allowed feedback. "open" while the office has not decided.
 */
export const referrerOutcomes = ['taken_up', 'not_taken_up', 'open'] as const;
export type ReferrerOutcome = (typeof referrerOutcomes)[number];

/** The German words for the outcomes a referrer reads. */
export const referrerOutcomeNames: Record<ReferrerOutcome, string> = {
  taken_up: 'angenommen',
  not_taken_up: 'nicht angenommen',
  open: 'noch offen',
};

/** The history of a referral as the receiving side keeps it. */
export const referralEvents = ['sent', 'received', 'accepted', 'handed_on', 'closed'] as const;
export type ReferralEvent = (typeof referralEvents)[number];

/** How many offices a referral slip lists: the nearest suitable ones. */
export const slipOfficeCount = 3;

/** The online counselling every slip names (R-UX-3), besides the platforms the offices link to. */
export const mbeonLink = {
  platform: 'mbeon',
  url: 'https://www.mbeon.de',
  label: 'mbeon – Migrationsberatung online',
} as const;

/**
 * How long a named referral is kept (R-CON-5): a decided one this many days after its decision
 * (an accepted one lives on as its client and case), an undecided one this many days after it
 * was sent. Then only its outcome is counted, without the person.
 */
export const decidedReferralDays = 90;
export const undecidedReferralDays = 180;

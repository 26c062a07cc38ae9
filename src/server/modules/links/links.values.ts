/** One-time links and letter codes for partners off the platform (R-REF-5). No imports: the web loads it too. */

export const linkChannels = ['email', 'letter'] as const;
export type LinkChannel = (typeof linkChannels)[number];

/** What the counselling side sees of a link. */
export const linkStatuses = ['waiting', 'opened', 'answered', 'expired', 'revoked', 'locked'] as const;
export type LinkStatus = (typeof linkStatuses)[number];

/** How long a link or letter code is valid unless the counsellor chooses otherwise. */
export const defaultLinkDays = 14;
export const longestLinkDays = 30;

/** After its first opening, the same browser may read the link again for this long. */
export const readingMinutes = 60;

/** Wrong letter codes (or birth years) in a row before the letter is locked, and for how long. */
export const maxCodeAttempts = 5;
export const lockMinutes = 60;

/** The characters of a letter code: no 0/O, 1/I/L or U/V that read alike on paper. */
export const codeAlphabet = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
export const codeLength = 10;

/** The public page a link and a letter point to. */
export const answerPath = '/antwort';

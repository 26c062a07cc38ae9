/**
 * Where people report accessibility barriers (the feedback channel BITV 2.0 requires). The
 * browser UI cannot read the server's configuration, so the address is kept here, once: every
 * operator of a Koop installation replaces it with a mailbox they actually read.
 */
export const accessibilityFeedbackEmail = 'barrierefreiheit@koop.example';

/** The day the accessibility statement was prepared or last reviewed (ISO date). */
export const accessibilityStatementDate = '2026-11-25';

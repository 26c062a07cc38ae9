import { lockMinutes, maxCodeAttempts, readingMinutes, type LinkStatus } from './links.values.ts';

/**
 * The policy of one-time links (R-REF-5). Creating and revoking a link is sending on a thread,
 * which the exchange's policy decides (`disclosure.send`); this file decides what the holder of
 * a link may do, without an account: open it once (and again from the same browser for a short
 * while), answer once, nothing after expiry, revocation, a withdrawn consent or too many wrong
 * letter codes.
 */

export type LinkAction = 'link.open' | 'link.resume' | 'link.answer';

/** The facts of a link a rule reads. */
export interface LinkFacts {
  expiresAt: Date;
  openedAt: Date | null;
  answeredAt: Date | null;
  revokedAt: Date | null;
  lockedUntil: Date | null;
  /** The consent of the thread has been withdrawn or has run out. */
  consentEnded: boolean;
}

export type LinkRefusal = 'link_revoked' | 'link_expired' | 'link_used' | 'link_locked';

/** Why the holder may not do `action` now, or null. */
export function linkRefusal(link: LinkFacts, action: LinkAction, now: Date): LinkRefusal | null {
  if (link.revokedAt !== null || link.consentEnded) return 'link_revoked';
  if (now >= link.expiresAt) return 'link_expired';
  if (link.lockedUntil !== null && now < link.lockedUntil) return 'link_locked';
  if (link.answeredAt !== null) return 'link_used';
  if (action === 'link.open') return link.openedAt === null ? null : 'link_used';
  // Resuming and answering need the first opening, in the reading window it started.
  if (link.openedAt === null) return 'link_used';
  const windowEnd = link.openedAt.getTime() + readingMinutes * 60_000;
  return now.getTime() < windowEnd ? null : 'link_expired';
}

/** What a wrong letter code does to the letter: counted, and locked at the limit. */
export function afterWrongCode(
  failedAttempts: number,
  now: Date,
): { failedAttempts: number; lockedUntil: Date | null } {
  const failures = failedAttempts + 1;
  return {
    failedAttempts: failures,
    lockedUntil: failures >= maxCodeAttempts ? new Date(now.getTime() + lockMinutes * 60_000) : null,
  };
}

/** The state the counselling side sees. */
export function linkStatus(link: Omit<LinkFacts, 'consentEnded'>, now: Date): LinkStatus {
  if (link.revokedAt !== null) return 'revoked';
  if (link.answeredAt !== null) return 'answered';
  if (now >= link.expiresAt) return 'expired';
  if (link.lockedUntil !== null && now < link.lockedUntil) return 'locked';
  return link.openedAt !== null ? 'opened' : 'waiting';
}

import { describe, expect, it } from 'vitest';
import { afterWrongCode, linkRefusal, linkStatus, type LinkFacts } from './links.policy.ts';
import { lockMinutes, maxCodeAttempts, readingMinutes } from './links.values.ts';

const now = new Date('2026-03-10T09:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const fresh: LinkFacts = {
  expiresAt: minutes(14 * 24 * 60),
  openedAt: null,
  answeredAt: null,
  revokedAt: null,
  lockedUntil: null,
  consentEnded: false,
};

describe('the policy of one-time links', () => {
  it('R-REF-5: a fresh link opens once; answering needs the opening and its reading window', () => {
    expect(linkRefusal(fresh, 'link.open', now)).toBeNull();
    expect(linkRefusal(fresh, 'link.answer', now)).toBe('link_used');
    const opened = { ...fresh, openedAt: now };
    expect(linkRefusal(opened, 'link.open', minutes(1))).toBe('link_used');
    expect(linkRefusal(opened, 'link.resume', minutes(readingMinutes - 1))).toBeNull();
    expect(linkRefusal(opened, 'link.answer', minutes(readingMinutes - 1))).toBeNull();
    expect(linkRefusal(opened, 'link.answer', minutes(readingMinutes))).toBe('link_expired');
    expect(linkRefusal({ ...opened, answeredAt: minutes(2) }, 'link.answer', minutes(3))).toBe('link_used');
  });

  it('R-REF-5, R-CON-3: revocation, a withdrawn consent, expiry and a lock come before everything else', () => {
    for (const action of ['link.open', 'link.resume', 'link.answer'] as const) {
      expect(linkRefusal({ ...fresh, revokedAt: now }, action, now)).toBe('link_revoked');
      expect(linkRefusal({ ...fresh, consentEnded: true }, action, now)).toBe('link_revoked');
      expect(linkRefusal(fresh, action, fresh.expiresAt)).toBe('link_expired');
      expect(linkRefusal({ ...fresh, lockedUntil: minutes(5) }, action, now)).toBe('link_locked');
    }
    expect(linkRefusal({ ...fresh, lockedUntil: minutes(5) }, 'link.open', minutes(5))).toBeNull();
  });

  it('R-REF-5: wrong letter codes lock the letter at the limit', () => {
    let state = { failedAttempts: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < maxCodeAttempts; i += 1) {
      state = afterWrongCode(state.failedAttempts, now);
      expect(state).toEqual({ failedAttempts: i, lockedUntil: null });
    }
    expect(afterWrongCode(state.failedAttempts, now)).toEqual({
      failedAttempts: maxCodeAttempts,
      lockedUntil: minutes(lockMinutes),
    });
  });

  it('R-REF-5: the counselling side sees one status per link', () => {
    expect(linkStatus(fresh, now)).toBe('waiting');
    expect(linkStatus({ ...fresh, openedAt: now }, now)).toBe('opened');
    expect(linkStatus({ ...fresh, openedAt: now, answeredAt: now }, now)).toBe('answered');
    expect(linkStatus({ ...fresh, revokedAt: now, answeredAt: now }, now)).toBe('revoked');
    expect(linkStatus(fresh, fresh.expiresAt)).toBe('expired');
    expect(linkStatus({ ...fresh, lockedUntil: minutes(1) }, now)).toBe('locked');
  });
});

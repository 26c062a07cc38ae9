import { describe, expect, it } from 'vitest';
import { changedFields, localDateTime } from './caseFormat.ts';

describe('changing a recorded entry sends only what changed', () => {
  it('R-CASE-1, R-CASE-5: lists the changed fields, lists and family members compared by content', () => {
    const before: {
      phone: string;
      languages: string[];
      arrivalYear: number | null;
      email: string | null;
      familyMembers: { id: string; relation: string; givenName: string }[];
    } = {
      phone: '0176 1',
      languages: ['uk', 'ru'],
      arrivalYear: 2022,
      email: null,
      familyMembers: [{ id: 'a', relation: 'child', givenName: 'Maksym' }],
    };
    expect(changedFields(before, { ...before, languages: ['uk', 'ru'] })).toEqual({});
    expect(
      changedFields(before, {
        ...before,
        languages: ['uk', 'ru', 'de'],
        email: 'o.k@example.org',
        familyMembers: [...before.familyMembers, { id: 'b', relation: 'parent', givenName: 'Halyna' }],
      }),
    ).toEqual({
      languages: ['uk', 'ru', 'de'],
      email: 'o.k@example.org',
      familyMembers: [
        { id: 'a', relation: 'child', givenName: 'Maksym' },
        { id: 'b', relation: 'parent', givenName: 'Halyna' },
      ],
    });
    expect(changedFields(before, { ...before, arrivalYear: null })).toEqual({
      arrivalYear: null,
    });
  });

  it('R-CASE-5: a stored instant fills a datetime-local field in local time and survives the round trip', () => {
    const stored = '2026-03-12T09:30:00.000Z';
    const local = localDateTime(stored);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(new Date(local).toISOString()).toBe(stored);
  });
});

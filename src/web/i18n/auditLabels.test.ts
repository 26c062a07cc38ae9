import { describe, expect, it } from 'vitest';
import { auditActions, auditEntityTypes } from '../../server/audit/audit.ts';
import de from './de.json';
import en from './en.json';

const languages = { de, en } as const;

/** The text at a dotted path ("user.listed") of a translation section, if it is a string. */
function lookup(section: unknown, path: string): string | undefined {
  let node: unknown = section;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Every dotted path to a string in a translation section. */
function paths(section: unknown, prefix = ''): string[] {
  if (typeof section !== 'object' || section === null) return [prefix];
  return Object.entries(section).flatMap(([key, value]) => paths(value, prefix ? `${prefix}.${key}` : key));
}

describe('audit viewer labels', () => {
  for (const [language, translation] of Object.entries(languages)) {
    it(`R-UX-1: every audit action has a ${language} label`, () => {
      const missing = auditActions.filter((action) => !lookup(translation.auditAction, action)?.trim());
      expect(missing).toEqual([]);
    });

    it(`R-UX-1: every kind of audited record has a ${language} label`, () => {
      const missing = auditEntityTypes.filter((type) => !lookup(translation.auditEntity, type)?.trim());
      expect(missing).toEqual([]);
    });

    it(`R-SEC-1: the ${language} labels name no action or record kind that the audit log does not know`, () => {
      expect(paths(translation.auditAction).filter((path) => !auditActions.includes(path as never))).toEqual(
        [],
      );
      expect(
        paths(translation.auditEntity).filter((path) => !auditEntityTypes.includes(path as never)),
      ).toEqual([]);
    });
  }

  it('R-UX-1: the labels are words, not the action codes', () => {
    for (const action of auditActions) {
      expect(lookup(de.auditAction, action)).not.toContain(action);
      expect(lookup(en.auditAction, action)).not.toContain(action);
    }
  });
});

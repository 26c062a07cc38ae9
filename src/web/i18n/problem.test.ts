import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../api/client.ts';
import { fieldProblemMessage, problemMessage } from './problem.ts';

const t = ((key: string) => `translated:${key}`) as unknown as TFunction;
const problem = (code: string): Problem => ({ title: 'T', status: 409, detail: 'Deutscher Text', code });

describe('problemMessage', () => {
  it('shows the server text in German', () => {
    expect(problemMessage(problem('version_conflict'), t, 'de')).toBe('Deutscher Text');
  });

  it('translates by code in English', () => {
    expect(problemMessage(problem('version_conflict'), t, 'en')).toBe('translated:errors.version_conflict');
  });

  it('falls back to the server text for unknown codes', () => {
    expect(problemMessage(problem('something_new'), t, 'en')).toBe('Deutscher Text');
  });

  it('always translates problems the browser made up itself', () => {
    expect(problemMessage(problem('network_error'), t, 'de')).toBe('translated:errors.network_error');
  });
});

describe('fieldProblemMessage', () => {
  const field = { path: 'email', code: 'email_taken', message: 'Bereits vergeben' };

  it('keeps the server message in German and translates known codes in English', () => {
    expect(fieldProblemMessage(field, t, 'de')).toBe('Bereits vergeben');
    expect(fieldProblemMessage(field, t, 'en')).toBe('translated:fieldErrors.email_taken');
    expect(fieldProblemMessage({ ...field, code: 'client' }, t, 'en')).toBe('Bereits vergeben');
  });
});

describe('field problems the server names', () => {
  it('R-UX-1: every code a server check gives a field has an English text', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const en = (await import('./en.json')).default;
    const root = new URL('../../server/', import.meta.url);
    const files = (await readdir(root, { recursive: true })).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    const codes = new Set<string>();
    for (const file of files) {
      const source = await readFile(new URL(file, root), 'utf8');
      // `{ path: …, code: 'x', message: … }` in errors[], and `check.add(path, message, 'x')`.
      for (const m of source.matchAll(/path:[^\n]*?\n?\s*code: '([a-z_]+)'/g)) if (m[1]) codes.add(m[1]);
      for (const m of source.matchAll(/check\.add\([^;]*?,\s*'([a-z_]+)',?\s*\)/g)) if (m[1]) codes.add(m[1]);
    }
    expect(codes.size).toBeGreaterThan(5);
    const missing = [...codes].filter((code) => !Object.hasOwn(en.fieldErrors, code));
    expect(missing).toEqual([]);
  });
});

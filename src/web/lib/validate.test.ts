import { describe, expect, it } from 'vitest';
import { checkInput, oneOf, orNull, subset } from './validate.ts';

describe('checkInput', () => {
  it('returns null when nothing failed', () => {
    expect(checkInput('Bitte prüfen', [{ path: 'name', failed: false, message: 'x' }])).toBeNull();
  });

  it('reports the first failure per field as a validation problem', () => {
    const error = checkInput('Bitte prüfen', [
      { path: 'password', failed: true, message: 'zu kurz' },
      { path: 'password', failed: true, message: 'zweite Meldung' },
      { path: 'email', failed: true, message: 'fehlt' },
    ]);
    expect(error?.code).toBe('validation_failed');
    expect(error?.problem.detail).toBe('Bitte prüfen');
    expect(error?.problem.errors?.map((problem) => [problem.path, problem.message])).toEqual([
      ['password', 'zu kurz'],
      ['email', 'fehlt'],
    ]);
  });
});

describe('value helpers', () => {
  it('maps empty optional text to null', () => {
    expect(orNull('  ')).toBeNull();
    expect(orNull(' Köln ')).toBe('Köln');
  });

  it('accepts only entries of a closed list', () => {
    expect(oneOf(['MBE', 'JMD'] as const, 'JMD')).toBe('JMD');
    expect(oneOf(['MBE', 'JMD'] as const, 'XYZ')).toBeNull();
    expect(subset(['MBE', 'JMD'] as const, ['JMD', 'XYZ', 'MBE'])).toEqual(['MBE', 'JMD']);
  });
});

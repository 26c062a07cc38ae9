import type { ApiError } from '../api/client.ts';
import { validationError } from '../hooks/useSubmit.ts';

export interface Check {
  /** The field name, as the API would report it. */
  path: string;
  /** True when the input is wrong. */
  failed: boolean;
  message: string;
}

/**
 * Checks input before it is sent, so obvious gaps are shown at once and in the same way
 * as the server's validation problems. Returns null when all checks pass.
 */
export function checkInput(summary: string, checks: readonly Check[]): ApiError | null {
  const failed = checks.filter((check) => check.failed);
  if (failed.length === 0) return null;
  const seen = new Set<string>();
  const first = failed.filter((check) => !seen.has(check.path) && seen.add(check.path));
  return validationError(
    summary,
    first.map(({ path, message }) => ({ path, message })),
  );
}

/** True for a value that is empty after trimming. */
export const blank = (value: string): boolean => value.trim() === '';

/** The trimmed value, or null when empty (optional API fields). */
export const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The server's minimum password length. */
export const minPasswordLength = 12;

/** The entry of a closed list that equals value, or null. */
export const oneOf = <T extends string>(list: readonly T[], value: string): T | null =>
  list.find((entry) => entry === value) ?? null;

/** The entries of a closed list that appear in values, in the list's order. */
export const subset = <T extends string>(list: readonly T[], values: readonly string[]): T[] =>
  list.filter((entry) => values.includes(entry));

import type { TFunction } from 'i18next';
import type { FieldProblem, Problem } from '../api/client.ts';
import type { Locale } from '../api/types.ts';
import de from './de.json';

type ErrorCode = keyof typeof de.errors;
type FieldCode = keyof typeof de.fieldErrors;

const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(de.errors, code);
const isFieldCode = (code: string): code is FieldCode => Object.hasOwn(de.fieldErrors, code);

/** Codes the browser makes up itself; their detail is always translated. */
const localCodes = new Set(['network_error']);

/**
 * The message for a problem: the server's German text in German, a translation by code in
 * English (falling back to the server's text for codes the browser does not know).
 */
export function problemMessage(problem: Problem, t: TFunction, locale: Locale): string {
  if ((locale === 'en' || localCodes.has(problem.code)) && isErrorCode(problem.code)) {
    return t(`errors.${problem.code}`);
  }
  return problem.detail;
}

/** The message for one field problem, translated by code in English where known. */
export function fieldProblemMessage(problem: FieldProblem, t: TFunction, locale: Locale): string {
  if (locale === 'en' && isFieldCode(problem.code)) return t(`fieldErrors.${problem.code}`);
  return problem.message;
}

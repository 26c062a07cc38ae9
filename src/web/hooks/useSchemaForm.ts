import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useForm } from 'react-hook-form';
import type { DefaultValues, FieldErrors, FieldValues, Path, PathValue, Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { FieldProblem } from '../api/client.ts';
import type { Check } from '../lib/validate.ts';
import type { TextKey } from './useFormValues.ts';
import type { Submission } from './useSubmit.ts';
import { validationError } from './useSubmit.ts';

export interface SchemaFormOptions<V extends FieldValues, S extends z.ZodType> {
  /** The server's body schema: the form refuses exactly what the server would refuse. */
  schema: S;
  defaultValues: V;
  /** The request body for what the fields hold, under the API's field names. */
  toBody: (values: V) => z.input<S>;
  /**
   * Rules the schema cannot decide without the browser's context (a date within the case, two
   * fields that must match). They are reported together with the schema's, on the first submit.
   */
  checks?: (values: V) => readonly Check[];
  /** Where a refused input is shown: the submission the form's `Form` displays. */
  submission: Pick<Submission<never[], unknown>, 'setError'>;
}

/** Every message in react-hook-form's nested errors, under its dot-joined field path. */
function problemsOf(errors: FieldErrors, prefix = ''): Omit<FieldProblem, 'code'>[] {
  const problems: Omit<FieldProblem, 'code'>[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (value === undefined || value === null || typeof value !== 'object') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const message: unknown = (value as { message?: unknown }).message;
    if (typeof message === 'string') problems.push({ path, message });
    else if (key !== 'ref') problems.push(...problemsOf(value as FieldErrors, path));
  }
  return problems;
}

/** Every problem of a zod parse, under its dot-joined field path, with the schema's message. */
export function issueProblems(issues: readonly z.core.$ZodIssue[]): Omit<FieldProblem, 'code'>[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * Checks a request body with the server's own schema, and the rules it cannot know (`checks`),
 * before it is sent: the parsed body, or the error the `Form` shows at the fields — the same as
 * `useSchemaForm` reports, for forms that build their body themselves.
 */
export function checkBody<S extends z.ZodType>(
  schema: S,
  body: unknown,
  detail: string,
  checks: readonly Check[] = [],
): { ok: true; body: z.output<S> } | { ok: false; error: ReturnType<typeof validationError> } {
  const parsed = schema.safeParse(body);
  const problems = parsed.success ? [] : issueProblems(parsed.error.issues);
  // One message a field: where the schema already refused, a check of the same field says no more.
  const refused = new Set(problems.map((problem) => problem.path));
  for (const { path, message, failed } of checks)
    if (failed && !refused.has(path)) problems.push({ path, message });
  if (parsed.success && problems.length === 0) return { ok: true, body: parsed.data };
  return { ok: false, error: validationError(detail, problems) };
}

/**
 * A form checked with the server's own zod schema before anything is sent (react-hook-form with
 * the zod resolver). Messages come from the schema in the language shown (the web installs the
 * server's message map), and every problem appears at its field on the first submit, in the same
 * way as the server's validation problems. `submit(send)` gives the `Form`'s onSubmit; `send`
 * receives the parsed body, as the server will read it.
 */
export function useSchemaForm<V extends FieldValues, S extends z.ZodType>({
  schema,
  defaultValues,
  toBody,
  checks,
  submission,
}: SchemaFormOptions<V, S>) {
  const { t } = useTranslation();
  // The latest toBody and checks, so the resolver stays one function for the form's lifetime.
  const rules = useRef({ toBody, checks });
  useEffect(() => {
    rules.current = { toBody, checks };
  });
  const resolver = useMemo<Resolver<V, unknown, z.output<S>>>(() => {
    const parse = zodResolver(schema as z.ZodType<z.output<S>, FieldValues>);
    return async (values, context, options) => {
      const parsed = await parse(rules.current.toBody(values) as FieldValues, context, options as never);
      const extra = (rules.current.checks?.(values) ?? []).filter((check) => check.failed);
      if (extra.length === 0) return parsed as Awaited<ReturnType<Resolver<V, unknown, z.output<S>>>>;
      const errors: Record<string, { type: string; message: string }> = {};
      for (const check of extra) errors[check.path] = { type: 'client', message: check.message };
      return { values: {}, errors: { ...parsed.errors, ...errors } as FieldErrors<V> };
    };
  }, [schema]);

  const form = useForm<V, unknown, z.output<S>>({
    defaultValues: defaultValues as DefaultValues<V>,
    resolver,
  });
  const { setValue, watch, handleSubmit } = form;
  const values = watch();

  const set = useCallback(
    <K extends Path<V>>(key: K, value: PathValue<V, K>) => setValue(key, value, { shouldDirty: true }),
    [setValue],
  );

  /** name, value and onChange for a TextField or SelectField bound to a string value. */
  const text = (key: TextKey<V>) => ({
    name: key,
    value: String(values[key] ?? ''),
    onChange: (value: string) => set(key as unknown as Path<V>, value as PathValue<V, Path<V>>),
  });

  const { setError } = submission;
  const submit = useCallback(
    (send: (body: z.output<S>) => Promise<void> | void) => () =>
      void handleSubmit(
        async (body) => {
          await send(body);
        },
        (errors) => setError(validationError(t('errors.validation_failed'), problemsOf(errors))),
      )(),
    [handleSubmit, setError, t],
  );

  return { values, set, text, submit, form };
}

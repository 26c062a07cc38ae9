import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { FieldProblem } from '../api/client.ts';

/** Turns anything thrown into an ApiError so the UI has one error shape to show. */
export function toApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason;
  return new ApiError({
    title: 'Interner Fehler',
    status: 0,
    code: 'internal_error',
    detail: 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut.',
  });
}

/** An error for input the browser already knows is wrong; messages are already translated. */
export function validationError(detail: string, errors: Omit<FieldProblem, 'code'>[]): ApiError {
  return new ApiError({
    title: detail,
    status: 400,
    code: 'validation_failed',
    detail,
    errors: errors.map((error) => ({ ...error, code: 'client' })),
  });
}

export type SubmitResult<R> = { ok: true; value: R } | { ok: false; error: ApiError };

export interface Submission<A extends unknown[], R> {
  run: (...args: A) => Promise<SubmitResult<R>>;
  pending: boolean;
  error: ApiError | null;
  setError: (error: ApiError | null) => void;
  reset: () => void;
}

/**
 * Runs a change against the API and keeps its pending state and error for the form.
 * A second submit while one is running is ignored.
 */
export function useSubmit<A extends unknown[], R>(action: (...args: A) => Promise<R>): Submission<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const running = useRef(false);
  const actionRef = useRef(action);
  useEffect(() => {
    actionRef.current = action;
  });

  const run = useCallback(async (...args: A): Promise<SubmitResult<R>> => {
    if (running.current) return { ok: false, error: toApiError(new Error('busy')) };
    running.current = true;
    setPending(true);
    setError(null);
    try {
      const value = await actionRef.current(...args);
      return { ok: true, value };
    } catch (reason) {
      const apiError = toApiError(reason);
      setError(apiError);
      return { ok: false, error: apiError };
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);

  const reset = useCallback(() => setError(null), []);
  return { run, pending, error, setError, reset };
}

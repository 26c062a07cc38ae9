/**
 * The one way the browser talks to the Koop API: same-origin cookies, JSON bodies, the CSRF
 * header on every state-changing request, and RFC 9457 problem details turned into ApiError.
 */

import type { z } from 'zod';
import type { problemSchema } from '../../server/http/schemas.ts';

type ServerProblem = z.infer<typeof problemSchema>;

/** A field-level problem; `path` is the dot-joined name of the field it belongs to. */
export type FieldProblem = NonNullable<ServerProblem['errors']>[number];

/**
 * Problem details as the API sends them (`application/problem+json`); one made in the browser
 * (server unreachable, no problem document) has no type and no request id.
 */
export type Problem = Omit<ServerProblem, 'type' | 'requestId'> &
  Partial<Pick<ServerProblem, 'type' | 'requestId'>>;

/** Thrown for every failed request, so callers handle one error type. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get code(): string {
    return this.problem.code;
  }

  get status(): number {
    return this.problem.status;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

/** Web-only: how the browser sends one request (not an API shape). */
export type RequestOptions = {
  body?: unknown;
  /** A multipart body (file uploads); sent as it is instead of JSON. */
  form?: FormData;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Do not report 401 to the session listener (used for the session probe and sign-in). */
  quiet?: boolean;
};

/** Codes after which the session is gone and the person has to sign in again. */
const signedOutCodes = new Set(['session_expired', 'not_authenticated']);
/** Codes after which the session still exists but its state changed (second factor). */
const sessionStateCodes = new Set(['mfa_required', 'mfa_enrolment_required']);

let csrfToken: string | null = null;
let sessionListener: ((code: string) => void) | null = null;

/** Remembers the CSRF token of the current session (null after sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers the handler that reacts when the API reports a lost or changed session. */
export function setSessionListener(listener: ((code: string) => void) | null): void {
  sessionListener = listener;
}

/** Appends the defined query values to a path. */
export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function localProblem(code: string, status: number, detail: string): Problem {
  return { title: detail, status, detail, code };
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.code === 'string' && typeof candidate.detail === 'string';
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Sends one request; a failed one (no answer, or an error status) throws an ApiError. */
async function send(
  method: Method,
  path: string,
  options: RequestOptions,
  accept: string,
): Promise<Response> {
  const headers: Record<string, string> = { accept };
  if (options.body !== undefined && !options.form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(localProblem('network_error', 0, 'Der Server ist nicht erreichbar.'));
  }
  if (response.ok) return response;

  const body = await readBody(response);
  const problem = isProblem(body)
    ? { ...body, status: response.status }
    : localProblem('internal_error', response.status, 'Ein unerwarteter Fehler ist aufgetreten.');
  if (!options.quiet) {
    if (response.status === 401 && signedOutCodes.has(problem.code)) sessionListener?.(problem.code);
    if (response.status === 403 && sessionStateCodes.has(problem.code)) sessionListener?.(problem.code);
  }
  throw new ApiError(problem);
}

/** Sends one request and resolves with the parsed JSON body (undefined for 204). */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options, 'application/json, application/problem+json');
  return (await readBody(response)) as T;
}

/**
 * Sends one request whose answer is a document (a PDF made from a draft the browser sends) and
 * resolves with its bytes; problems arrive as JSON like every other answer.
 */
export async function requestDocument(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<Blob> {
  const response = await send(method, path, options, 'application/pdf, application/problem+json');
  return response.blob();
}

/** Shorthands for the HTTP methods. */
export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
  /** A document (PDF) made from the body sent, as bytes. */
  postDocument: (path: string, body: unknown, options?: RequestOptions) =>
    requestDocument('POST', path, { ...options, body }),
  /** A multipart/form-data upload (the browser sets the boundary). */
  postForm: <T>(path: string, form: FormData, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, form }),
  delete: <T = void>(path: string, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('DELETE', path, options),
};

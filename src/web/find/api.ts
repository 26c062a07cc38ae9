/** The public directory API as the search page uses it (no sign-in, no cookies). */
import type { z } from 'zod';
import type {
  publicLanguagesResponse,
  publicSearchQuery,
  publicSearchResponse,
  publicSearchResultSchema,
} from '../../server/modules/directory/directory.schemas.ts';

// The shapes are the server's schemas of the public routes (type-only imports: nothing of the
// server reaches this page's bundle).
export type { Service } from '../../server/modules/organisations/organisations.values.ts';
export type PublicOffice = z.infer<typeof publicSearchResultSchema>;
export type Day = PublicOffice['days'][number];
export type Slot = Day['slots'][number];
export type Place = NonNullable<Slot['place']>;
export type SearchResult = z.infer<typeof publicSearchResponse>;
/** The search's parameters, as the server reads them; each may be left out. */
export type SearchQuery = Partial<z.output<typeof publicSearchQuery>>;
export type SpokenLanguages = z.infer<typeof publicLanguagesResponse>;

/** A failed request: the problem's code (validation_failed, rate_limited …) and field paths. */
export class SearchError extends Error {
  constructor(
    readonly code: string,
    readonly paths: string[],
  ) {
    super(code);
  }
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'omit', signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new SearchError('network_error', []);
  }
  if (response.ok) return (await response.json()) as T;
  let code = 'internal_error';
  let paths: string[] = [];
  try {
    const problem = (await response.json()) as { code?: string; errors?: { path: string }[] };
    code = problem.code ?? code;
    paths = (problem.errors ?? []).map((e) => e.path);
  } catch {
    // not a problem document
  }
  throw new SearchError(code, paths);
}

export function searchOffices(query: SearchQuery, signal?: AbortSignal): Promise<SearchResult> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return getJson<SearchResult>(`/api/public/offices?${params.toString()}`, signal);
}

export function spokenLanguages(signal?: AbortSignal): Promise<SpokenLanguages> {
  return getJson(`/api/public/languages`, signal);
}

/** The printable overview (PDF): of the offices a search by place finds, otherwise of all. */
export function overviewPdfUrl(query: SearchQuery | null): string {
  const params = new URLSearchParams();
  if (query?.q) {
    params.set('q', query.q);
    if (query.language) params.set('language', query.language);
    if (query.age !== undefined) params.set('age', String(query.age));
    if (query.service) params.set('service', query.service);
  }
  const search = params.toString();
  return `/api/public/directory/overview.pdf${search ? `?${search}` : ''}`;
}

/** The hours as iCalendar: of one office, or of all. */
export function hoursCalendarUrl(officeId?: string): string {
  return `/api/public/directory/hours.ics${officeId ? `?office=${encodeURIComponent(officeId)}` : ''}`;
}

/** The whole directory as Open Referral HSDS 3.0 JSON. */
export const hsdsUrl = '/api/public/directory/hsds';

/** The public directory API as the search page uses it (no sign-in, no cookies). */

export type Service = 'MBE' | 'JMD';

export interface Place {
  organisationId: string;
  name: string;
  street: string | null;
  postcode: string | null;
  city: string | null;
}

export interface Slot {
  kind: 'counselling' | 'opening' | 'extra';
  service: Service | null;
  opensAt: string;
  closesAt: string;
  place: Place | null;
  room: string | null;
  byAppointment: boolean;
  note: string | null;
}

export interface Day {
  date: string;
  weekday: number;
  closed: { kind: 'closed' | 'holiday'; note: string | null } | null;
  slots: Slot[];
}

export interface PublicOffice {
  id: string;
  providerName: string;
  name: string;
  street: string;
  postcode: string;
  city: string;
  mapUrl: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  description: string | null;
  services: Service[];
  languages: string[];
  accessibility: string | null;
  onlineLinks: { platform: string; url: string; label: string | null }[];
  contacts: { functionTitle: string; name: string | null; phone: string | null; email: string | null }[];
  days: Day[];
  match: 'catchment' | 'town' | 'nearby';
  distanceKm: number | null;
  suitableServices: Service[];
}

export interface SearchResult {
  items: PublicOffice[];
  languageFallback: boolean;
  servicesForAge: Service[] | null;
}

export interface SearchQuery {
  q?: string;
  language?: string;
  age?: number;
  lat?: number;
  lon?: number;
}

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

export function spokenLanguages(signal?: AbortSignal): Promise<{ items: { code: string }[] }> {
  return getJson(`/api/public/languages`, signal);
}

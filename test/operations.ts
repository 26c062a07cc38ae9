import type { App } from '../src/server/http/app.ts';

/** The operations reachable without signing in (health, sign-in, invitations, the public directory). */
export const publicOperations: ReadonlySet<string> = new Set([
  'GET /api/health',
  'GET /api/meta/terms',
  'POST /api/auth/login',
  'GET /api/auth/invitations/{token}',
  'POST /api/auth/invitations/accept',
  'GET /api/meta/languages',
  'GET /api/meta/countries',
  'GET /api/public/offices',
  'GET /api/public/offices/{id}',
  'GET /api/public/languages',
  'GET /api/public/directory/hsds',
  'GET /api/public/directory/hours.ics',
  'GET /api/public/directory/offices.csv',
  'GET /api/public/directory/overview.pdf',
  'POST /api/public/links/open',
  'POST /api/public/links/letter',
  'GET /api/public/links/current',
  'POST /api/public/links/answer',
]);

export interface Operation {
  /** "METHOD /path/{param}", as the OpenAPI document names it. */
  key: string;
  path: string;
  method: string;
  hasQuery: boolean;
  hasBody: boolean;
  /** The security schemes the operation accepts, where it narrows the document's. */
  security: string[] | undefined;
}

/** Every operation of the application's OpenAPI document. */
export async function apiOperations(app: App): Promise<Operation[]> {
  type Raw = { parameters?: { in: string }[]; requestBody?: unknown; security?: Record<string, unknown>[] };
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, Raw>>;
  }>();
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${path}`,
      path,
      method: method.toUpperCase(),
      hasQuery: (op.parameters ?? []).some((p) => p.in === 'query'),
      hasBody: op.requestBody !== undefined,
      security: op.security?.flatMap((s) => Object.keys(s)),
    })),
  );
}

/** The path with every parameter replaced by `value`. */
export const withParams = (path: string, value: string): string => path.replace(/\{[^}]+\}/g, value);

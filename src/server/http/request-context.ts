import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { inTenantTransaction, type Db, type Trx } from '../db/database.ts';
import type { AuditContext } from '../audit/audit.ts';
import type { Mailer } from '../mail/mailer.ts';
import { credentialRefusal, type Actor, type Credential, type RouteKind } from '../policy/policy.ts';
import { AppError } from './errors.ts';
import {
  authenticateSession,
  authenticateToken,
  csrfValid,
  expireSession,
  SessionExpired,
  tokenScope,
  type Authenticated,
  type SessionState,
} from '../modules/auth/auth.service.ts';

/** What every route module receives: the database, the configuration and the outside world. */
export interface AppDeps {
  db: Db;
  config: Config;
  mailer: Mailer;
  now: () => Date;
}

/** One request's unit of work: its transaction, who acts, and how to audit. */
export interface RequestContext {
  trx: Trx;
  actor: Actor;
  auth: Authenticated;
  audit: AuditContext;
  deps: AppDeps;
  now: Date;
}

export const sessionCookieName = 'koop_session';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerFrom(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

function routeKind(request: FastifyRequest): RouteKind {
  return {
    safe: safeMethods.has(request.method),
    credentials: request.routeOptions.config?.credentials === true,
  };
}

function credentialOf(auth: Authenticated): Credential {
  return auth.session ? { kind: 'session' } : { kind: 'token', scope: auth.actor.tokenScope ?? 'read' };
}

/**
 * Refuses an API token by what it is before the request's input is validated (a `preValidation`
 * hook): a read-only token gets 403 for every write and any token 403 for credential routes,
 * whatever it sends. Only requests with a bearer token that could be refused look it up.
 */
export async function refuseTokenEarly(deps: AppDeps, request: FastifyRequest): Promise<void> {
  const bearer = bearerFrom(request);
  if (!bearer || request.routeOptions.config?.public) return;
  const route = routeKind(request);
  if (route.safe && !route.credentials) return;
  const scope = await tokenScope(deps.db, bearer, deps.now());
  if (!scope) throw new AppError('not_authenticated');
  const refusal = credentialRefusal({ kind: 'token', scope }, route);
  if (refusal) throw new AppError(refusal);
}

/**
 * Runs a handler's work in one transaction as the authenticated user: resolves the session or
 * API token, sets the organisation context for row-level security, checks CSRF and the
 * session's sign-in state, then calls `fn`. Everything `fn` writes — audit rows included —
 * commits or rolls back together.
 */
export async function withAuth<T>(
  deps: AppDeps,
  request: FastifyRequest,
  fn: (ctx: RequestContext) => Promise<T>,
  options: { states?: readonly SessionState[] } = {},
): Promise<T> {
  const bearer = bearerFrom(request);
  const cookie = request.cookies[sessionCookieName];
  if (!bearer && !cookie) throw new AppError('not_authenticated');
  const now = deps.now();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const auth = bearer
        ? await authenticateToken(trx, bearer, now)
        : await authenticateSession(trx, cookie!, deps.config, now);
      if (!auth) throw new AppError(bearer ? 'not_authenticated' : 'session_expired');
      const refusal = credentialRefusal(credentialOf(auth), routeKind(request));
      if (refusal) throw new AppError(refusal);
      if (
        auth.session &&
        !safeMethods.has(request.method) &&
        !csrfValid(auth, request.headers['x-csrf-token'] as string | undefined)
      ) {
        throw new AppError('csrf_failed');
      }
      const allowed = options.states ?? ['active'];
      const state = auth.session?.state ?? 'active';
      if (!allowed.includes(state)) {
        throw new AppError(state === 'mfa_pending' ? 'mfa_required' : 'mfa_enrolment_required');
      }
      const audit: AuditContext = {
        organisationId: auth.actor.organisationId,
        actorUserId: auth.actor.userId,
        requestId: request.id,
      };
      return fn({ trx, actor: auth.actor, auth, audit, deps, now });
    });
  } catch (err) {
    if (err instanceof SessionExpired) {
      await expireSession(deps.db, err, request.id);
      throw new AppError('session_expired');
    }
    throw err;
  }
}

/** Runs work that needs no sign-in (health, sign-in itself, invitations) in one transaction. */
export function withoutAuth<T>(deps: AppDeps, fn: (trx: Trx, now: Date) => Promise<T>): Promise<T> {
  const now = deps.now();
  return inTenantTransaction(
    deps.db,
    { organisationId: null, userId: null, allOrganisations: false },
    (trx) => fn(trx, now),
  );
}

import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../http/app.ts';
import { AppError } from '../../http/errors.ts';
import { problemResponses, idParams } from '../../http/schemas.ts';
import { sessionCookieName, withAuth, withoutAuth, type AppDeps } from '../../http/request-context.ts';
import { recordAudit } from '../../audit/audit.ts';
import * as service from './auth.service.ts';
import * as s from './auth.schemas.ts';

const tags = ['Anmeldung'];
const preMfa = ['active', 'mfa_pending', 'enrolment_required'] as const;
const enrolment = ['active', 'enrolment_required'] as const;

function setSessionCookie(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, token: string): void {
  void reply.setCookie(sessionCookieName, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies || request.protocol === 'https',
    maxAge: deps.config.sessionAbsoluteHours * 3600,
  });
}

function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(sessionCookieName, { path: '/' });
}

/** Sign-in, sessions, second factor, personal API tokens and invitations. */
export function registerAuthRoutes(app: App, deps: AppDeps): void {
  // Sign-in attempts per client address and minute, before the lockout per account takes over;
  // entering the password again or a security code is limited the same way.
  const loginRateLimit = { max: deps.config.loginRateLimit, timeWindow: '1 minute' };
  app.post(
    '/api/auth/login',
    {
      config: {
        public: true,
        rateLimit: { ...loginRateLimit, onExceeded: (request) => void recordRateLimited(deps, request.id) },
      },
      schema: {
        tags,
        summary: 'Anmelden mit E-Mail-Adresse und Passwort',
        body: s.loginBody,
        response: { 200: s.loginResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await withoutAuth(deps, (trx, now) =>
        service.login(trx, request.body, deps.config, request.id, now),
      );
      if (result.outcome === 'locked') throw new AppError('account_locked');
      if (result.outcome !== 'ok' || !result.sessionToken || !result.csrfToken || !result.state)
        throw new AppError('invalid_credentials');
      setSessionCookie(deps, request, reply, result.sessionToken);
      return { state: result.state, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/login/totp',
    {
      config: { rateLimit: loginRateLimit, credentials: true },
      schema: {
        tags,
        summary: 'Zweiten Faktor bestätigen',
        body: s.totpLoginBody,
        response: { 200: s.loginResponse, ...problemResponses },
      },
    },
    async (request) => {
      const result = await withAuth(
        deps,
        request,
        async ({ trx, auth, audit, now }) => ({
          ...(await service.completeSecondFactor(trx, auth, request.body, {
            config: deps.config,
            audit,
            now,
          })),
          csrfToken: auth.session?.csrfToken ?? '',
        }),
        { states: ['mfa_pending'] },
      );
      if (result.locked) throw new AppError('account_locked');
      if (!result.ok) throw new AppError('totp_invalid');
      return { state: 'active' as const, csrfToken: result.csrfToken };
    },
  );

  app.get(
    '/api/auth/session',
    {
      schema: {
        tags,
        summary: 'Aktuelle Sitzung',
        response: { 200: s.sessionResponse, ...problemResponses },
      },
    },
    (request) =>
      withAuth(deps, request, ({ auth }) => Promise.resolve(service.presentSession(auth)), {
        states: preMfa,
      }),
  );

  app.post(
    '/api/auth/logout',
    {
      config: { credentials: true },
      schema: { tags, summary: 'Abmelden', response: { 204: z.null(), ...problemResponses } },
    },
    async (request, reply) => {
      await withAuth(deps, request, ({ trx, auth, audit }) => service.logout(trx, auth, audit), {
        states: preMfa,
      });
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout-everywhere',
    {
      config: { credentials: true },
      schema: {
        tags,
        summary: 'Überall abmelden (alle Sitzungen beenden)',
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await withAuth(deps, request, ({ trx, auth, audit }) => service.logoutEverywhere(trx, auth, audit));
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.patch(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'Eigene Einstellungen ändern',
        body: s.meBody,
        response: { 200: s.sessionResponse, ...problemResponses },
      },
    },
    (request) =>
      withAuth(
        deps,
        request,
        async ({ trx, auth, audit }) => {
          const next = service.presentSession(await service.updateProfile(trx, auth, request.body, audit));
          return next;
        },
        { states: preMfa },
      ),
  );

  app.post(
    '/api/auth/password',
    {
      config: { rateLimit: loginRateLimit, credentials: true },
      schema: {
        tags,
        summary: 'Passwort ändern',
        body: s.passwordBody,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await withAuth(deps, request, ({ trx, auth, audit }) =>
        service.changePassword(trx, auth, request.body, audit),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      config: { rateLimit: loginRateLimit, credentials: true },
      schema: {
        tags,
        summary: 'Zweiten Faktor (TOTP) einrichten: Geheimnis und QR-Code (Passwort erneut eingeben)',
        body: s.reauthenticateBody,
        response: { 200: s.totpSetupResponse, ...problemResponses },
      },
    },
    (request) =>
      withAuth(
        deps,
        request,
        ({ trx, auth }) => service.setupTotp(trx, auth, request.body.password, deps.config),
        {
          states: enrolment,
        },
      ),
  );

  app.post(
    '/api/auth/totp/confirm',
    {
      config: { rateLimit: loginRateLimit, credentials: true },
      schema: {
        tags,
        summary: 'Zweiten Faktor bestätigen; liefert Wiederherstellungscodes',
        body: s.codeBody,
        response: { 200: s.recoveryCodesResponse, ...problemResponses },
      },
    },
    (request) =>
      withAuth(
        deps,
        request,
        ({ trx, auth, audit, now }) =>
          service.confirmTotp(trx, auth, request.body.code, deps.config, audit, now),
        {
          states: enrolment,
        },
      ),
  );

  app.post(
    '/api/auth/totp/disable',
    {
      config: { rateLimit: loginRateLimit, credentials: true },
      schema: {
        tags,
        summary: 'Zweiten Faktor abschalten (Passwort und Sicherheitscode)',
        body: s.codeAndPasswordBody,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await withAuth(deps, request, ({ trx, auth, audit }) =>
        service.disableTotp(trx, auth, request.body, deps.config, audit),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/recovery-codes',
    {
      config: { rateLimit: loginRateLimit, credentials: true },
      schema: {
        tags,
        summary: 'Neue Wiederherstellungscodes erzeugen (Passwort und Sicherheitscode)',
        body: s.codeAndPasswordBody,
        response: { 200: s.recoveryCodesResponse, ...problemResponses },
      },
    },
    (request) =>
      withAuth(deps, request, ({ trx, auth, audit }) =>
        service.regenerateRecoveryCodes(trx, auth, request.body, deps.config, audit),
      ),
  );

  app.get(
    '/api/auth/tokens',
    {
      config: { credentials: true },
      schema: {
        tags,
        summary: 'Eigene API-Tokens',
        response: { 200: s.tokenListResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, ({ trx, auth }) => service.listTokens(trx, auth)),
  );

  app.post(
    '/api/auth/tokens',
    {
      config: { credentials: true },
      schema: {
        tags,
        summary: 'API-Token anlegen (wird nur einmal angezeigt)',
        body: s.createTokenBody,
        response: { 201: s.createTokenResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = await withAuth(deps, request, ({ trx, auth, audit, now }) =>
        service.createToken(trx, auth, request.body, audit, now),
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      config: { credentials: true },
      schema: {
        tags,
        summary: 'API-Token widerrufen',
        params: idParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await withAuth(deps, request, ({ trx, auth, audit, now }) =>
        service.revokeToken(trx, auth, request.params.id, audit, now),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/invitations/:token',
    {
      config: { public: true, rateLimit: loginRateLimit },
      schema: {
        tags,
        summary: 'Einladung ansehen',
        params: s.invitationParams,
        response: { 200: s.invitationResponse, ...problemResponses },
      },
    },
    (request) =>
      withoutAuth(deps, async (trx, now) => {
        const { row } = await service.readInvitation(trx, request.params.token, now);
        return { email: row.email, displayName: row.display_name, organisationName: row.organisation_name };
      }),
  );

  app.post(
    '/api/auth/invitations/accept',
    {
      config: { public: true, rateLimit: loginRateLimit },
      schema: {
        tags,
        summary: 'Einladung annehmen und Passwort setzen',
        body: s.acceptInvitationBody,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await withoutAuth(deps, (trx, now) => service.acceptInvitation(trx, request.body, request.id, now));
      return reply.status(204).send(null);
    },
  );
}

/** A client hit the sign-in rate limit: recorded without an organisation, since none is known. */
async function recordRateLimited(deps: AppDeps, requestId: string): Promise<void> {
  await withoutAuth(deps, (trx) =>
    recordAudit(
      trx,
      { organisationId: null, actorUserId: null, requestId },
      { action: 'auth.rate_limited', entityType: 'session' },
    ),
  );
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../http/app.ts';
import { AppError } from '../../http/errors.ts';
import { idParams, problemResponses } from '../../http/schemas.ts';
import { withAuth, type AppDeps } from '../../http/request-context.ts';
import * as s from './links.schemas.ts';
import * as service from './links.service.ts';
import { answerPath, readingMinutes } from './links.values.ts';

const tags = ['Partner ohne Koop-Zugang'];

/** The reader key of a first opening: this browser may read again for a while and answer once. */
export const linkCookieName = 'koop_link';
const linkCookiePath = '/api/public/links';

/** Nothing of a link is cached, indexed or passed on as a referrer. */
function privateReply(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex, nofollow');
}

function readerKey(request: FastifyRequest): string {
  const key = request.cookies[linkCookieName];
  if (!key) throw new AppError('link_used');
  return key;
}

/** A public outcome: the result, or the refusal — answered after its transaction committed. */
function settle<T>(outcome: service.Holding<T>): T {
  if (outcome.refused) throw new AppError(outcome.refused);
  return outcome.ok;
}

/** R-REF-5: disclosures to partners off the platform, by one-time link or letter with a code. */
export function registerLinkRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/threads/:id/links',
    {
      schema: {
        tags,
        summary: 'Links und Briefe eines Verlaufs',
        params: idParams,
        response: { 200: s.linkListSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.listLinks(ctx, request.params.id)),
  );

  app.post(
    '/api/threads/:id/links',
    {
      schema: {
        tags,
        summary: 'Einmal-Link per E-Mail an eine Partnerstelle ohne Koop-Zugang senden',
        description:
          'Der Link gilt einmal zum Lesen und für eine Antwort (Standard 14 Tage). Gespeichert wird nur sein Hash; die E-Mail enthält keine Angaben zur Person.',
        params: idParams,
        body: s.emailLinkBody,
        response: { 201: s.linkSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const link = await withAuth(deps, request, (ctx) =>
        service.createEmailLink(ctx, request.params.id, request.body),
      );
      return reply.status(201).send(link);
    },
  );

  app.post(
    '/api/threads/:id/letter.pdf',
    {
      schema: {
        tags,
        summary: 'Brief mit Nummer und Code (PDF) für eine Partnerstelle ohne Koop-Zugang',
        description: 'Der Code steht nur auf diesem Brief; zweites Merkmal ist das Geburtsjahr der Person.',
        params: idParams,
        body: s.letterBody,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('PDF-Dokument'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { pdf, number } = await withAuth(deps, request, (ctx) =>
        service.createLetter(ctx, request.params.id, request.body),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="brief-${number}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/links/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Link oder Brief zurückziehen',
        params: idParams,
        response: { 200: s.linkSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.revokeLink(ctx, request.params.id)),
  );

  // The holder's side: no account, limited per address and minute.
  const publicConfig = {
    public: true,
    rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' },
  };
  const setReader = (request: FastifyRequest, reply: FastifyReply, key: string) =>
    reply.setCookie(linkCookieName, key, {
      path: linkCookiePath,
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.config.secureCookies || request.protocol === 'https',
      maxAge: readingMinutes * 60,
    });

  app.post(
    '/api/public/links/open',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Einmal-Link öffnen (das Geheimnis aus dem Fragment der Adresse)',
        body: s.openBody,
        response: { 200: s.readingSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const opened = settle(await service.openByToken(deps, request.id, request.body.token));
      setReader(request, privateReply(reply), opened.readerKey);
      return opened.reading;
    },
  );

  app.post(
    '/api/public/links/letter',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Brief öffnen: Nummer, Code und Geburtsjahr der Person',
        body: s.letterOpenBody,
        response: { 200: s.readingSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const opened = settle(await service.openLetter(deps, request.id, request.body));
      setReader(request, privateReply(reply), opened.readerKey);
      return opened.reading;
    },
  );

  app.get(
    '/api/public/links/current',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Den geöffneten Link in diesem Browser noch einmal lesen',
        response: { 200: s.readingSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      privateReply(reply);
      return settle(await service.resume(deps, request.id, readerKey(request)));
    },
  );

  app.post(
    '/api/public/links/answer',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Einmal antworten — die Antwort kommt in den Verlauf der Beratungsstelle',
        body: s.answerBody,
        response: { 200: s.answeredSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const answered = settle(await service.answer(deps, request.id, readerKey(request), request.body));
      privateReply(reply).clearCookie(linkCookieName, { path: linkCookiePath });
      return answered;
    },
  );

  // The answer page itself is not indexed either.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.split('?')[0] === answerPath) privateReply(reply);
    done(null, payload);
  });
}

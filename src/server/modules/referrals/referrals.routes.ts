import { z } from 'zod';
import type { App } from '../../http/app.ts';
import { idParams, problemResponses } from '../../http/schemas.ts';
import { withAuth, type AppDeps } from '../../http/request-context.ts';
import * as s from './referrals.schemas.ts';
import * as service from './referrals.service.ts';

const tags = ['Verweisungen'];
const pdfResponse = { 200: z.any().describe('PDF-Dokument'), ...problemResponses };

/** Referrals from partners to counselling (R-REF-1, R-REF-3, R-REF-4, R-RED-1, R-RED-2). */
export function registerReferralRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/referrals/offices',
    {
      schema: {
        tags,
        summary: 'Nächstgelegene passende Beratungsstellen für einen Hinweis (nichts wird gespeichert)',
        body: s.slipBody,
        response: { 200: s.suitableOfficesResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.suitableOffices(ctx, request.body)),
  );

  app.post(
    '/api/referrals/slip.pdf',
    {
      schema: {
        tags,
        summary: 'Hinweiszettel (PDF) in der Sprache der Person und auf Deutsch, ohne Angaben zur Person',
        description: 'Gezählt wird nur anonym: Monat, Stelle, Angebot, Sprache, Thema (R-REF-1, R-REF-3).',
        body: s.slipBody,
        produces: ['application/pdf'],
        response: pdfResponse,
      },
    },
    async (request, reply) => {
      const { pdf } = await withAuth(deps, request, (ctx) => service.printSlip(ctx, request.body));
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="hinweis-beratung.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/referrals/consent-form.pdf',
    {
      schema: {
        tags,
        summary: 'Einwilligung zur namentlichen Verweisung (PDF), Deutsch und die Sprache der Person',
        body: s.consentFormBody,
        produces: ['application/pdf'],
        response: pdfResponse,
      },
    },
    async (request, reply) => {
      const { pdf } = await withAuth(deps, request, (ctx) => service.consentForm(ctx, request.body));
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="einwilligung-verweisung.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/referrals',
    {
      schema: {
        tags,
        summary: 'Namentliche Verweisung mit Einwilligung der Person senden',
        body: s.sendReferralBody,
        response: { 201: s.sentReferralSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withAuth(deps, request, (ctx) => service.sendReferral(ctx, request.body))),
  );

  app.get(
    '/api/referrals/sent',
    {
      schema: {
        tags,
        summary: 'Eigene gesendete Verweisungen (Rückmeldung nur, wo die Person zugestimmt hat)',
        querystring: s.sentReferralsQuery,
        response: { 200: s.sentReferralsResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.listSent(ctx, request.query)),
  );

  app.get(
    '/api/referrals/sent/:id/outcome',
    {
      schema: {
        tags,
        summary: 'Rückmeldung zu einer gesendeten Verweisung: angenommen oder nicht angenommen',
        params: idParams,
        response: { 200: s.outcomeResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.outcomeOf(ctx, request.params.id)),
  );

  app.get(
    '/api/referrals/inbox',
    {
      schema: {
        tags,
        summary: 'Verweisungen an die eigenen Beratungsstellen',
        querystring: s.inboxQuery,
        response: { 200: s.inboxResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.inbox(ctx, request.query)),
  );

  app.get(
    '/api/referrals/inbox/count',
    {
      schema: {
        tags,
        summary: 'Wie viele Verweisungen offen sind (für die Übersicht)',
        response: { 200: s.openCountResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.openReferrals(ctx)),
  );

  app.get(
    '/api/referrals/:id',
    {
      schema: {
        tags,
        summary: 'Eine Verweisung an die eigene Beratungsstelle',
        params: idParams,
        response: { 200: s.referralSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.getReferral(ctx, request.params.id)),
  );

  app.post(
    '/api/referrals/:id/accept',
    {
      schema: {
        tags,
        summary: 'Verweisung annehmen: Person und Fall in einem Schritt anlegen',
        params: idParams,
        body: s.acceptBody,
        response: { 200: s.acceptResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.accept(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/referrals/:id/hand-on',
    {
      schema: {
        tags,
        summary: 'Verweisung an eine andere Beratungsstelle oder ein anderes Angebot weitergeben',
        params: idParams,
        body: s.handOnBody,
        response: { 200: z.object({ id: z.uuid(), handedOn: z.literal(true) }), ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.handOn(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/referrals/:id/close',
    {
      schema: {
        tags,
        summary: 'Verweisung ohne Fall abschließen (der Grund bleibt bei der Beratungsstelle)',
        params: idParams,
        body: s.closeBody,
        response: { 200: z.object({ id: z.uuid(), closed: z.literal(true) }), ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.close(ctx, request.params.id, request.body)),
  );
}

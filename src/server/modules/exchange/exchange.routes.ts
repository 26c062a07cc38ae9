import { z } from 'zod';
import type { App } from '../../http/app.ts';
import { idParams, problemResponses } from '../../http/schemas.ts';
import { withAuth, type AppDeps } from '../../http/request-context.ts';
import { documentLanguageQuery } from '../cases/cases.schemas.ts';
import * as s from './exchange.schemas.ts';
import * as service from './exchange.service.ts';

const tags = ['Einwilligungen und Austausch'];
const pdfResponse = { 200: z.any().describe('PDF-Dokument'), ...problemResponses };

/** A signed scan is up to 5 MB, base64 in JSON. */
const consentBodyLimit = 8 * 1024 * 1024;
/** A message carries up to three attachments of 5 MB each, base64 in JSON. */
const messageBodyLimit = 22 * 1024 * 1024;

/** Consent-gated exchange with partners (R-CON-1..4, R-RED-1, R-RED-4, R-RED-5, R-EXC-1..4). */
export function registerExchangeRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/exchange/partners',
    {
      schema: {
        tags,
        summary: 'Partnerorganisationen mit ihren Teams und zentralen Ansprechpersonen',
        response: { 200: s.partnersResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.listPartners(ctx)),
  );

  app.get(
    '/api/organisations/:id/teams',
    {
      schema: {
        tags,
        summary: 'Teams der eigenen Partnerorganisation',
        params: idParams,
        response: { 200: s.teamsResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.listTeams(ctx, request.params.id)),
  );

  app.post(
    '/api/organisations/:id/teams',
    {
      schema: {
        tags,
        summary: 'Team anlegen',
        params: idParams,
        body: s.teamBody,
        response: { 201: s.teamSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withAuth(deps, request, (ctx) => service.createTeam(ctx, request.params.id, request.body)),
        ),
  );

  app.put(
    '/api/partner-teams/:id',
    {
      schema: {
        tags,
        summary: 'Team ändern (Name, Kontakt, Mitglieder)',
        params: idParams,
        body: s.updateTeamBody,
        response: { 200: s.teamSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.updateTeam(ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/cases/:id/exchange',
    {
      schema: {
        tags,
        summary: 'Einwilligungen und Austausch eines Falls',
        params: idParams,
        response: { 200: s.caseExchangeSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.caseExchange(ctx, request.params.id)),
  );

  app.post(
    '/api/cases/:id/consent-form.pdf',
    {
      schema: {
        tags,
        summary: 'Einwilligungsformular zum Unterschreiben (PDF), Deutsch und die Sprache der Person',
        description:
          'Druckt das Formular aus dem Entwurf, bevor die Einwilligung erfasst wird (R-CON-2, R-UX-1).',
        params: idParams,
        querystring: documentLanguageQuery,
        body: s.consentDraftBody,
        produces: ['application/pdf'],
        response: pdfResponse,
      },
    },
    async (request, reply) => {
      const { pdf } = await withAuth(deps, request, (ctx) =>
        service.consentForm(ctx, request.params.id, request.body, request.query.language),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="einwilligung.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/cases/:id/consents',
    {
      bodyLimit: consentBodyLimit,
      schema: {
        tags,
        summary: 'Einwilligung erfassen',
        description:
          'Empfänger (Team oder Person einer Partnerorganisation), Zweck, Datenkategorien, Richtung, einmalig oder wiederholt, Gültigkeit, Form (unterschriebenes Papier als Scan oder Unterschrift am Bildschirm) (R-CON-1).',
        params: idParams,
        body: s.giveConsentBody,
        response: { 201: s.consentSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withAuth(deps, request, (ctx) => service.giveConsent(ctx, request.params.id, request.body)),
        ),
  );

  app.post(
    '/api/consents/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Einwilligung widerrufen – wirkt sofort',
        params: idParams,
        body: s.withdrawConsentBody,
        response: { 200: s.consentSchema, ...problemResponses },
      },
    },
    (request) =>
      withAuth(deps, request, (ctx) => service.withdrawConsent(ctx, request.params.id, request.body.note)),
  );

  app.get(
    '/api/consents/:id/document',
    {
      schema: {
        tags,
        summary: 'Die unterschriebene Einwilligung (Scan)',
        params: idParams,
        response: { 200: z.any().describe('PDF oder Bild'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const document = await withAuth(deps, request, (ctx) =>
        service.consentDocument(ctx, request.params.id),
      );
      return reply
        .type(document.contentType)
        .header('content-disposition', 'inline')
        .header('cache-control', 'no-store')
        .send(document.bytes);
    },
  );

  app.post(
    '/api/cases/:id/legal-bases',
    {
      schema: {
        tags,
        summary: 'Rechtsgrundlage ohne Einwilligung feststellen (Teamleitung)',
        description:
          'Für eine Weitergabe an ein Team, mit Begründung und den genannten Datenkategorien; nie ein Häkchen (R-RED-1).',
        params: idParams,
        body: s.recordLegalBasisBody,
        response: { 201: s.legalBasisSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withAuth(deps, request, (ctx) =>
            service.recordLegalBasis(ctx, request.params.id, request.body),
          ),
        ),
  );

  app.post(
    '/api/cases/:id/disclosures',
    {
      bodyLimit: messageBodyLimit,
      schema: {
        tags,
        summary: 'Mitteilung an einen Partner senden',
        description:
          'Prüft beim Senden die Einwilligung (Empfänger, Zweck, jede Datenkategorie, Richtung, Gültigkeit, Widerruf) und erzeugt in derselben Transaktion die Kopie für die Person in ihrer Sprache (R-CON-3, R-RED-5).',
        params: idParams,
        body: s.sendDisclosureBody,
        response: { 201: s.sentSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withAuth(deps, request, (ctx) =>
            service.sendDisclosure(ctx, request.params.id, request.body),
          ),
        ),
  );

  app.get(
    '/api/threads/:id',
    {
      schema: {
        tags,
        summary: 'Ein Austausch mit seinen Nachrichten',
        params: idParams,
        response: { 200: s.threadSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.getThread(ctx, request.params.id)),
  );

  app.post(
    '/api/threads/:id/messages',
    {
      bodyLimit: messageBodyLimit,
      schema: {
        tags,
        summary: 'Antwort oder Mitteilung im selben Austausch',
        params: idParams,
        body: s.postMessageBody,
        response: { 201: s.postedSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withAuth(deps, request, (ctx) => service.postMessage(ctx, request.params.id, request.body)),
        ),
  );

  app.get(
    '/api/attachments/:id',
    {
      schema: {
        tags,
        summary: 'Eine Anlage einer Nachricht (PDF oder Bild)',
        params: idParams,
        response: { 200: z.any().describe('PDF oder Bild'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const file = await withAuth(deps, request, (ctx) => service.attachment(ctx, request.params.id));
      return reply
        .type(file.contentType)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );

  app.get(
    '/api/inbox',
    {
      schema: {
        tags,
        summary: 'Posteingang der Partner: Nachrichten an die eigenen Teams',
        querystring: s.inboxQuery,
        response: { 200: s.inboxResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.inbox(ctx, request.query)),
  );

  app.get(
    '/api/client-copies/:id/pdf',
    {
      schema: {
        tags,
        summary: 'Kopie für die Person (PDF), in ihrer Sprache mit dem deutschen Original',
        params: idParams,
        produces: ['application/pdf'],
        response: pdfResponse,
      },
    },
    async (request, reply) => {
      const pdf = await withAuth(deps, request, (ctx) => service.clientCopyPdf(ctx, request.params.id));
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="kopie.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/client-copies/:id/handover',
    {
      schema: {
        tags,
        summary: 'Übergabe der Kopie erfassen (persönlich, per Post, per E-Mail)',
        params: idParams,
        body: s.handoverBody,
        response: { 200: s.handoverSchema, ...problemResponses },
      },
    },
    (request) =>
      withAuth(deps, request, (ctx) => service.recordHandover(ctx, request.params.id, request.body.method)),
  );

  app.get(
    '/api/conflicts',
    {
      schema: {
        tags,
        summary: 'Konflikte in der Zusammenarbeit (zentrale Ansprechpersonen und Beteiligte)',
        querystring: s.conflictsQuery,
        response: { 200: s.conflictsResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.listConflicts(ctx, request.query.status)),
  );

  app.post(
    '/api/threads/:id/conflicts',
    {
      schema: {
        tags,
        summary: 'Konflikt melden – die zentralen Ansprechpersonen beider Seiten werden benachrichtigt',
        params: idParams,
        body: s.raiseConflictBody,
        response: { 201: s.conflictSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withAuth(deps, request, (ctx) =>
            service.raiseConflict(ctx, request.params.id, request.body.description),
          ),
        ),
  );

  app.post(
    '/api/conflicts/:id/notes',
    {
      schema: {
        tags,
        summary: 'Notiz zu einem Konflikt',
        params: idParams,
        body: s.conflictNoteBody,
        response: { 200: s.conflictSchema, ...problemResponses },
      },
    },
    (request) =>
      withAuth(deps, request, (ctx) => service.noteConflict(ctx, request.params.id, request.body.text)),
  );

  app.post(
    '/api/conflicts/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Konflikt mit Ergebnis abschließen',
        params: idParams,
        body: s.resolveConflictBody,
        response: { 200: s.conflictSchema, ...problemResponses },
      },
    },
    (request) =>
      withAuth(deps, request, (ctx) =>
        service.resolveConflict(ctx, request.params.id, request.body.outcome, request.body.version),
      ),
  );
}

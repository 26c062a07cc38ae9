import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../http/app.ts';
import { AppError } from '../../http/errors.ts';
import { idParams, problemResponses, problemSchema } from '../../http/schemas.ts';
import { withAuth, type AppDeps } from '../../http/request-context.ts';
import * as s from './agreements.schemas.ts';
import * as service from './agreements.service.ts';

const tags = ['Kooperationen'];
const agreementResponse = { 200: s.agreementSchema, ...problemResponses };

/** Cooperation agreements and their meetings (R-AGR-1..7, R-ORG-3). */
export function registerAgreementRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/agreement-templates',
    {
      schema: {
        tags,
        summary: 'Vorlagen: Mustervereinbarungen und Checklisten der BAGFW-Empfehlung in heutigen Begriffen',
        response: { 200: s.templatesResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, () => Promise.resolve(service.templates())),
  );

  app.get(
    '/api/agreements',
    {
      schema: {
        tags,
        summary: 'Kooperationen, an denen die eigene Organisation beteiligt ist',
        response: { 200: s.agreementListResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.list(ctx)),
  );

  app.post(
    '/api/agreements',
    {
      schema: {
        tags,
        summary: 'Kooperation aus einer Vorlage beginnen (die Texte werden übernommen, nicht verknüpft)',
        body: s.createAgreementBody,
        response: { 201: s.agreementSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withAuth(deps, request, (ctx) => service.create(ctx, request.body))),
  );

  app.get(
    '/api/agreements/:id',
    { schema: { tags, summary: 'Eine Kooperation', params: idParams, response: agreementResponse } },
    (request) => withAuth(deps, request, (ctx) => service.get(ctx, request.params.id)),
  );

  app.patch(
    '/api/agreements/:id',
    {
      schema: {
        tags,
        summary:
          'Angaben ändern: Zuständigkeiten, Clearingstelle, Räume, Kommunikationsstruktur, Verlängerung',
        params: idParams,
        body: s.updateAgreementBody,
        response: agreementResponse,
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.update(ctx, request.params.id, request.body)),
  );

  app.patch(
    '/api/agreements/:id/clauses/:clauseId',
    {
      schema: {
        tags,
        summary: 'Regelung ankreuzen, bearbeiten oder ergänzen (neue Fassung)',
        params: s.clauseParams,
        body: s.updateClauseBody,
        response: agreementResponse,
      },
    },
    (request) =>
      withAuth(deps, request, (ctx) =>
        service.updateClause(ctx, request.params.id, request.params.clauseId, request.body),
      ),
  );

  app.post(
    '/api/agreements/:id/clauses',
    {
      schema: {
        tags,
        summary: 'Eigene Regelung hinzufügen (neue Fassung)',
        params: idParams,
        body: s.addClauseBody,
        response: agreementResponse,
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.addClause(ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/agreements/:id/compare',
    {
      schema: {
        tags,
        summary: 'Zwei Fassungen der Regelungen nebeneinander',
        params: idParams,
        querystring: s.compareQuery,
        response: { 200: s.compareResponse, ...problemResponses },
      },
    },
    (request) =>
      withAuth(deps, request, (ctx) =>
        service.compare(ctx, request.params.id, request.query.from, request.query.to),
      ),
  );

  app.post(
    '/api/agreements/:id/parties',
    {
      schema: {
        tags,
        summary: 'Weiteren Träger als Partei aufnehmen (MBE und JMD gemeinsam)',
        params: idParams,
        body: s.addPartyBody,
        response: agreementResponse,
      },
    },
    (request) =>
      withAuth(deps, request, (ctx) => service.addParty(ctx, request.params.id, request.body.organisationId)),
  );

  app.delete(
    '/api/agreements/:id/parties/:subId',
    {
      schema: {
        tags,
        summary: 'Träger als Partei entfernen',
        params: s.subParams,
        response: agreementResponse,
      },
    },
    (request) =>
      withAuth(deps, request, (ctx) => service.removeParty(ctx, request.params.id, request.params.subId)),
  );

  app.post(
    '/api/agreements/:id/people',
    {
      schema: {
        tags,
        summary: 'Unterzeichnende Person oder zentrale Ansprechperson einer Partei benennen',
        params: idParams,
        body: s.addPersonBody,
        response: agreementResponse,
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.addPerson(ctx, request.params.id, request.body)),
  );

  app.delete(
    '/api/agreements/:id/people/:subId',
    { schema: { tags, summary: 'Person entfernen', params: s.subParams, response: agreementResponse } },
    (request) =>
      withAuth(deps, request, (ctx) => service.removePerson(ctx, request.params.id, request.params.subId)),
  );

  app.post(
    '/api/agreements/:id/comments',
    {
      schema: {
        tags,
        summary: 'Kommentar zum Entwurf (auch vom Partner)',
        params: idParams,
        body: s.commentBody,
        response: agreementResponse,
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.comment(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/agreements/:id/transitions',
    {
      schema: {
        tags,
        summary:
          'Nächster Schritt: Verhandlung, Unterschrift, Beginn, Verlängerung, Auflösung (mit wichtigem Grund)',
        params: idParams,
        body: s.transitionBody,
        response: agreementResponse,
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.transition(ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/agreements/:id/document.pdf',
    {
      schema: {
        tags,
        summary: 'Die Vereinbarung zum Unterschreiben (PDF, mit Ort, Datum und Unterschrift je Person)',
        params: idParams,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('PDF-Dokument'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { pdf, fileName } = await withAuth(deps, request, (ctx) => service.pdf(ctx, request.params.id));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/agreements/:id/scan',
    {
      schema: {
        tags,
        summary: 'Die unterschriebene Fassung (Scan)',
        params: idParams,
        response: { 200: z.any().describe('PDF oder Bild'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const scan = await withAuth(deps, request, (ctx) => service.readScan(ctx, request.params.id));
      return reply
        .type(scan.mediaType)
        .header('content-disposition', `inline; filename="${encodeURIComponent(scan.fileName)}"`)
        .header('cache-control', 'no-store')
        .send(scan.content);
    },
  );

  app.post(
    '/api/agreements/:id/meetings/schedule',
    {
      schema: {
        tags,
        summary: 'Treffen eines Jahres aus der Kommunikationsstruktur planen',
        params: idParams,
        body: s.scheduleBody,
        response: agreementResponse,
      },
    },
    (request) =>
      withAuth(deps, request, (ctx) => service.schedule(ctx, request.params.id, request.body.year)),
  );

  app.post(
    '/api/agreements/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Ein Treffen oder eine Vorstellung planen',
        params: idParams,
        body: s.planMeetingBody,
        response: agreementResponse,
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.planMeeting(ctx, request.params.id, request.body)),
  );

  app.patch(
    '/api/agreement-meetings/:id',
    {
      schema: {
        tags,
        summary: 'Treffen festhalten: Stand, Protokoll, Teilnehmende',
        params: idParams,
        body: s.updateMeetingBody,
        response: agreementResponse,
      },
    },
    (request) =>
      withAuth(deps, request, (ctx) => service.updateMeeting(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/agreement-meetings/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Einladung als iCalendar an alle Teilnehmenden mit E-Mail-Adresse senden',
        params: idParams,
        response: { 200: s.inviteResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.invite(ctx, request.params.id)),
  );

  app.get(
    '/api/agreement-meetings/:id/invitation.ics',
    {
      schema: {
        tags,
        summary: 'Die Einladung als iCalendar-Datei',
        params: idParams,
        produces: ['text/calendar'],
        response: { 200: z.string(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const ics = await withAuth(deps, request, (ctx) => service.invitationIcs(ctx, request.params.id));
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="einladung.ics"')
        .send(ics);
    },
  );

  app.post(
    '/api/agreement-meetings/:id/actions',
    {
      schema: {
        tags,
        summary: 'Vereinbarte Aufgabe mit verantwortlicher Person und Termin',
        params: idParams,
        body: s.actionBody,
        response: agreementResponse,
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.addAction(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/agreement-actions/:id/done',
    {
      schema: {
        tags,
        summary: 'Aufgabe als erledigt festhalten',
        params: idParams,
        response: agreementResponse,
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.completeAction(ctx, request.params.id)),
  );

  app.get(
    '/api/agreement-actions/overdue',
    {
      schema: {
        tags,
        summary: 'Eigene überfällige Aufgaben aus Kooperationstreffen (für die Übersicht)',
        response: { 200: s.overdueActionsResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.overdueActions(ctx)),
  );
}

/** Reads the one file of a scan upload; the limits are those of the upload scope in app.ts. */
async function readScanUpload(request: FastifyRequest): Promise<{ filename: string; bytes: Buffer }> {
  let file: { filename: string; bytes: Buffer } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          await part.toBuffer();
          throw new AppError('validation_failed', {
            detail: 'Bitte genau eine Datei im Feld "file" senden.',
          });
        }
        file = { filename: part.filename, bytes: await part.toBuffer() };
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('file_too_large');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError('unsupported_media_type');
    throw new AppError('validation_failed', {
      detail: 'Der Inhalt der Anfrage ist kein gültiges multipart/form-data.',
    });
  }
  if (!file || file.bytes.length === 0) throw new AppError('file_missing');
  return file;
}

/** The scan upload, registered in the upload scope of app.ts (multipart only there). */
export function registerAgreementUploadRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/agreements/:id/scan',
    {
      schema: {
        tags,
        summary: 'Unterschriebene Fassung hochladen (multipart/form-data: file; PDF, PNG oder JPEG)',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: s.agreementSchema, 413: problemSchema, 415: problemSchema, ...problemResponses },
      },
    },
    async (request) => {
      const upload = await readScanUpload(request);
      return withAuth(deps, request, (ctx) => service.uploadScan(ctx, request.params.id, upload));
    },
  );
}

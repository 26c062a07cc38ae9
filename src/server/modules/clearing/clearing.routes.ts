import { z } from 'zod';
import type { App } from '../../http/app.ts';
import { problemResponses } from '../../http/schemas.ts';
import { withAuth, type AppDeps } from '../../http/request-context.ts';
import * as s from './clearing.schemas.ts';
import * as service from './clearing.service.ts';
import * as gaps from './gaps.service.ts';

const tags = ['Clearingstelle'];

/** The clearing office (R-CLR-1..4, R-REF-2, R-STAT-1, R-STAT-5). */
export function registerClearingRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/clearing/contacts',
    {
      schema: {
        tags,
        summary: 'Einen Kontakt der Clearingstelle erfassen (ohne Namen; dieselbe Kennung zählt nur einmal)',
        body: s.contactBody,
        response: { 200: s.contactResponse, 201: s.contactResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const result = await withAuth(deps, request, (ctx) => service.recordContact(ctx, request.body));
      return reply.status(result.recorded ? 201 : 200).send(result);
    },
  );

  app.get(
    '/api/clearing/settings',
    {
      schema: {
        tags,
        summary: 'Einstellungen der Clearingstelle: Ausländerbehörde, Dienststelle, Liste sonstiger Themen',
        response: { 200: s.settingsSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.getSettings(ctx)),
  );

  app.put(
    '/api/clearing/settings',
    {
      schema: {
        tags,
        summary: 'Einstellungen der Clearingstelle ändern',
        body: s.settingsBody,
        response: { 200: s.settingsSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.updateSettings(ctx, request.body)),
  );

  app.get(
    '/api/clearing/rota',
    {
      schema: {
        tags,
        summary: 'Dienstplan der Clearingstelle mit den Öffnungszeiten der Ausländerbehörde und den Lücken',
        response: { 200: s.rotaSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.getRota(ctx)),
  );

  app.put(
    '/api/clearing/rota',
    {
      schema: {
        tags,
        summary: 'Dienstplan der Clearingstelle ersetzen',
        body: s.rotaBody,
        response: { 200: s.rotaSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.updateRota(ctx, request.body)),
  );

  app.get(
    '/api/clearing/report',
    {
      schema: {
        tags,
        summary: 'Halbjahresbericht der Clearingstelle (kleine Zahlen verborgen)',
        description:
          'Die Clearingstelle sieht ihren eigenen Bericht, die Ausländerbehörde, mit der sie zusammenarbeitet, nur die verborgenen Summen (R-STAT-1, R-STAT-5).',
        querystring: s.reportQuery,
        response: { 200: s.reportSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.report(ctx, request.query)),
  );

  app.get(
    '/api/clearing/report.csv',
    {
      schema: {
        tags,
        summary: 'Halbjahresbericht als CSV, mit denselben verborgenen Werten',
        querystring: s.reportQuery,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV (Semikolon, UTF-8 mit BOM)'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const csv = await withAuth(deps, request, (ctx) => service.exportCsv(ctx, request.query));
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="clearingstelle-${request.query.year}-${request.query.half}.csv"`,
        )
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );

  app.get(
    '/api/clearing/report.pdf',
    {
      schema: {
        tags,
        summary: 'Halbjahresbericht als PDF, mit denselben verborgenen Werten',
        querystring: s.reportQuery,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('PDF-Dokument'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const pdf = await withAuth(deps, request, (ctx) => service.exportPdf(ctx, request.query));
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `inline; filename="clearingstelle-${request.query.year}-${request.query.half}.pdf"`,
        )
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/clearing/offers',
    {
      schema: {
        tags,
        summary:
          'Angebote in Wohnortnähe: Beratungsstellen nach Alter und Sprache, Integrationskurse mit freien Plätzen',
        description: 'Ort, Sprache und Alter werden nicht gespeichert (R-REF-2).',
        body: s.offersBody,
        response: { 200: s.offersResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.findOffers(ctx, request.body)),
  );

  app.post(
    '/api/clearing/slip.pdf',
    {
      schema: {
        tags,
        summary: 'Hinweiszettel in der Sprache der Person (wie der Hinweiszettel der Partner)',
        body: s.slipBody,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('PDF-Dokument'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const pdf = await withAuth(deps, request, (ctx) => service.printSlip(ctx, request.body));
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="hinweis-clearingstelle.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/clearing/gaps',
    {
      schema: {
        tags,
        summary:
          'Angebotslücken: Nachfrage nach Sprache, Dienst und Gebiet, die keine Beratungsstelle abdeckt',
        description:
          'Suchen ohne Treffer im öffentlichen Verzeichnis (anonym gezählt) und Kontakte der Clearingstelle (R-STAT-4).',
        querystring: s.gapsQuery,
        response: { 200: s.gapsSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => gaps.gapReport(ctx, request.query)),
  );
}

import { z } from 'zod';
import type { App } from '../../http/app.ts';
import { problemResponses } from '../../http/schemas.ts';
import { withAuth, type AppDeps } from '../../http/request-context.ts';
import { counsellingCsv, counsellingPdf, evaluationCsv, evaluationPdf } from './statistics.export.ts';
import * as s from './statistics.schemas.ts';
import * as service from './statistics.service.ts';

const tags = ['Statistik'];
const fileResponse = (description: string) => ({ 200: z.any().describe(description), ...problemResponses });

/** Counselling statistics and the evaluation of a cooperation (R-STAT-2, R-STAT-3, R-STAT-5). */
export function registerStatisticsRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/statistics/counselling',
    {
      schema: {
        tags,
        summary: 'Anonyme Beratungsstatistik: Fälle nach Merkmalen, kleine Zahlen verborgen',
        description:
          'Eigene Organisation, Verband oder Region; Zeitraum in Monaten, Dienst, Beratungsstelle (R-STAT-2, R-STAT-5).',
        querystring: s.statisticsQuery,
        response: { 200: s.counsellingStatisticsResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.readCounsellingStatistics(ctx, request.query)),
  );

  app.get(
    '/api/statistics/counselling.csv',
    {
      schema: {
        tags,
        summary: 'Beratungsstatistik als CSV, mit denselben verborgenen Zahlen',
        querystring: s.statisticsExportQuery,
        produces: ['text/csv'],
        response: fileResponse('CSV-Datei'),
      },
    },
    async (request, reply) => {
      const { lang, ...query } = request.query;
      const body = await withAuth(deps, request, async (ctx) => {
        const { report, view, categories } = await service.counsellingStatistics(ctx, query, 'csv');
        return counsellingCsv(report, view, categories, lang);
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="beratungsstatistik.csv"')
        .header('cache-control', 'no-store')
        .send(body);
    },
  );

  app.get(
    '/api/statistics/counselling.pdf',
    {
      schema: {
        tags,
        summary: 'Beratungsstatistik als PDF, mit denselben verborgenen Zahlen',
        querystring: s.statisticsExportQuery,
        produces: ['application/pdf'],
        response: fileResponse('PDF-Dokument'),
      },
    },
    async (request, reply) => {
      const { lang, ...query } = request.query;
      const { report, view, categories } = await withAuth(deps, request, (ctx) =>
        service.counsellingStatistics(ctx, query, 'pdf'),
      );
      const pdf = await counsellingPdf(report, view, categories, lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="beratungsstatistik.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/statistics/partners',
    {
      schema: {
        tags,
        summary: 'Partnerorganisationen, deren Kooperation ausgewertet werden kann',
        response: { 200: s.partnersResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.evaluationPartners(ctx)),
  );

  app.get(
    '/api/statistics/evaluations/:partnerId',
    {
      schema: {
        tags,
        summary: 'Auswertung der Kooperation mit einem Partner je Halbjahr, kleine Zahlen verborgen',
        description:
          'Verweisungen, Einwilligungen, Übermittlungen, Mitteilungen, Konflikte, Besprechungen (R-STAT-3, R-STAT-5).',
        params: s.partnerParams,
        querystring: s.evaluationQuery,
        response: { 200: s.evaluationResponse, ...problemResponses },
      },
    },
    (request) =>
      withAuth(deps, request, (ctx) => service.readEvaluation(ctx, request.params.partnerId, request.query)),
  );

  app.get(
    '/api/statistics/evaluations/:partnerId/evaluation.csv',
    {
      schema: {
        tags,
        summary: 'Auswertung der Kooperation als CSV',
        params: s.partnerParams,
        querystring: s.evaluationExportQuery,
        produces: ['text/csv'],
        response: fileResponse('CSV-Datei'),
      },
    },
    async (request, reply) => {
      const { lang, ...query } = request.query;
      const body = await withAuth(deps, request, async (ctx) => {
        const { figure, view } = await service.evaluation(ctx, request.params.partnerId, query, 'csv');
        return evaluationCsv(figure, view, lang);
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="auswertung-kooperation.csv"')
        .header('cache-control', 'no-store')
        .send(body);
    },
  );

  app.get(
    '/api/statistics/evaluations/:partnerId/evaluation.pdf',
    {
      schema: {
        tags,
        summary: 'Auswertung der Kooperation als PDF',
        params: s.partnerParams,
        querystring: s.evaluationExportQuery,
        produces: ['application/pdf'],
        response: fileResponse('PDF-Dokument'),
      },
    },
    async (request, reply) => {
      const { lang, ...query } = request.query;
      const { figure, view } = await withAuth(deps, request, (ctx) =>
        service.evaluation(ctx, request.params.partnerId, query, 'pdf'),
      );
      const pdf = await evaluationPdf(figure, view, lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="auswertung-kooperation.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}

import { z } from 'zod';
import type { App } from '../../http/app.ts';
import { idParams, problemResponses, problemSchema } from '../../http/schemas.ts';
import { withAuth, withoutAuth, type AppDeps } from '../../http/request-context.ts';
import * as service from './directory.service.ts';
import { recordSearchGap } from '../clearing/gaps.service.ts';
import * as search from './search.service.ts';
import * as exports from './exports.service.ts';
import * as s from './directory.schemas.ts';
import { allLanguages } from './languages.ts';
import { allCountries } from './countries.ts';

const tags = ['Verzeichnis'];
const publicTags = ['Öffentliches Verzeichnis'];

/** Problems a public route may answer with. */
const publicProblems = { 400: problemSchema, 404: problemSchema, 429: problemSchema } as const;

const hsdsDocument = z.object({
  hsds_version: z.literal('3.0'),
  generated_at: z.string(),
  organizations: z.array(z.record(z.string(), z.unknown())),
  services: z.array(z.record(z.string(), z.unknown())),
});

/** Hours, the partner overview, the public search and the open-format exports (R-DIR-1..4). */
export function registerDirectoryRoutes(app: App, deps: AppDeps): void {
  const publicConfig = {
    public: true,
    rateLimit: { max: deps.config.publicRateLimit, timeWindow: '1 minute' },
  };

  app.get(
    '/api/offices/:id/schedule',
    {
      schema: {
        tags,
        summary: 'Sprech- und Öffnungszeiten einer Beratungsstelle',
        params: idParams,
        response: { 200: s.scheduleSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.getSchedule(ctx, request.params.id)),
  );

  app.put(
    '/api/offices/:id/schedule',
    {
      schema: {
        tags,
        summary: 'Sprech- und Öffnungszeiten mit Ausnahmen ersetzen',
        description:
          'Ersetzt die wöchentlichen Zeiten und die Ausnahmen (Schließtage, Feiertage, zusätzliche Termine) als Ganzes. Überschneidungen am selben Ort und Wochentag werden mit 422 abgelehnt; es wird dann nichts gespeichert.',
        params: idParams,
        body: s.scheduleBody,
        response: { 200: s.scheduleSchema, ...problemResponses },
      },
    },
    (request) =>
      withAuth(deps, request, (ctx) => service.replaceSchedule(ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/directory/overview',
    {
      schema: {
        tags,
        summary: 'Aktuelle Übersicht der Beratungsstellen für Partner',
        querystring: s.overviewQuery,
        response: { 200: s.overviewResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.overview(ctx, request.query)),
  );

  app.get(
    '/api/directory/overview.pdf',
    {
      schema: {
        tags,
        summary: 'Übersicht der Beratungsstellen als PDF, mit allen Ansprechpersonen (für Partner)',
        querystring: s.overviewQuery,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('PDF-Dokument'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const pdf = await withAuth(deps, request, (ctx) => service.overviewPdf(ctx, request.query));
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="uebersicht-beratungsstellen.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/organisations/:id/hosted-hours',
    {
      schema: {
        tags,
        summary: 'Sprechzeiten in den Räumen einer Partnerorganisation',
        description:
          'Welche Beratungsdienste (MBE, JMD) diese und nächste Woche Sprechzeiten in den Räumen der Partnerorganisation (Jobcenter, Ausländerbehörde, Kursträger) halten – mit Träger, Beratungsstelle, Zeiten und entfallenden Terminen. Für die eigene Organisation; andere Organisationen antworten 404.',
        params: idParams,
        querystring: s.hostedHoursQuery,
        response: { 200: s.hostedHoursResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.hostedHours(ctx, request.params.id, request.query)),
  );

  app.get(
    '/api/public/offices',
    {
      config: publicConfig,
      schema: {
        tags: publicTags,
        summary: 'Beratungsstellen suchen (ohne Anmeldung)',
        description:
          'Nach Postleitzahl oder Ort, Sprache (ISO 639), Alter und Dienst. Zuerst die zuständigen Stellen (Einzugsgebiet), dann Stellen im Ort und in der Nähe, nach Entfernung sortiert, wo Koordinaten bekannt sind.',
        querystring: s.publicSearchQuery,
        response: { 200: s.publicSearchResponse, ...publicProblems },
      },
    },
    (request) =>
      withoutAuth(deps, async (trx, now) => {
        const found = await search.searchPublic(trx, now, request.query);
        // R-STAT-4: a search that found nothing is counted, anonymously.
        await recordSearchGap(trx, now, request.query, found);
        return found;
      }),
  );

  app.get(
    '/api/public/offices/:id',
    {
      config: publicConfig,
      schema: {
        tags: publicTags,
        summary: 'Eine Beratungsstelle (ohne Anmeldung)',
        params: idParams,
        response: { 200: s.publicOfficeSchema, ...publicProblems },
      },
    },
    (request) => withoutAuth(deps, (trx, now) => search.publicOffice(trx, now, request.params.id)),
  );

  app.get(
    '/api/public/languages',
    {
      config: publicConfig,
      schema: {
        tags: publicTags,
        summary: 'Sprachen, in denen Beratungsstellen beraten',
        response: { 200: s.publicLanguagesResponse, 429: problemSchema },
      },
    },
    () => withoutAuth(deps, (trx) => search.publicLanguages(trx)),
  );

  app.get(
    '/api/meta/languages',
    {
      config: { public: true },
      schema: {
        tags: ['System'],
        summary: 'Alle bekannten Sprachcodes (ISO 639) mit Namen',
        response: { 200: s.publicLanguagesResponse },
      },
    },
    () => ({ items: allLanguages() }),
  );

  app.get(
    '/api/meta/countries',
    {
      config: { public: true },
      schema: {
        tags: ['System'],
        summary: 'Alle bekannten Länder (ISO 3166-1) mit Namen',
        response: { 200: s.countriesResponse },
      },
    },
    () => ({ items: allCountries() }),
  );

  app.get(
    '/api/public/directory/hsds',
    {
      config: publicConfig,
      schema: {
        tags: publicTags,
        summary: 'Verzeichnis als Open Referral HSDS 3.0 (JSON)',
        response: { 200: hsdsDocument, 429: problemSchema },
      },
    },
    async (_request, reply) => {
      const document = await withoutAuth(deps, (trx, now) => exports.exportHsds(trx, now));
      void reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=300');
      return document;
    },
  );

  app.get(
    '/api/public/directory/hours.ics',
    {
      config: publicConfig,
      schema: {
        tags: publicTags,
        summary: 'Sprechzeiten als iCalendar (Europe/Berlin)',
        querystring: s.officeIdQuery,
        produces: ['text/calendar'],
        response: { 200: z.string().describe('iCalendar (RFC 5545)'), ...publicProblems },
      },
    },
    async (request, reply) => {
      const text = await withoutAuth(deps, (trx, now) => exports.exportIcal(trx, now, request.query.office));
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="sprechzeiten.ics"')
        .header('access-control-allow-origin', '*')
        .header('cache-control', 'public, max-age=300')
        .send(text);
    },
  );

  app.get(
    '/api/public/directory/overview.pdf',
    {
      config: publicConfig,
      schema: {
        tags: publicTags,
        summary: 'Übersicht der Beratungsstellen als PDF (ohne Anmeldung)',
        description:
          'Das ganze Verzeichnis oder mit q (Postleitzahl oder Ort), language, age und service die Stellen, die die öffentliche Suche findet – in ihrer Reihenfolge. Nur öffentliche Angaben: Namen von Beraterinnen und Beratern nur, wo sie der Veröffentlichung zugestimmt haben.',
        querystring: s.publicOverviewQuery,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('PDF-Dokument'), ...publicProblems },
      },
    },
    async (request, reply) => {
      const pdf = await withoutAuth(deps, (trx, now) => exports.exportOverviewPdf(trx, now, request.query));
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="uebersicht-beratungsstellen.pdf"')
        .header('access-control-allow-origin', '*')
        .header('cache-control', 'public, max-age=300')
        .send(pdf);
    },
  );

  app.get(
    '/api/public/directory/offices.csv',
    {
      config: publicConfig,
      schema: {
        tags: publicTags,
        summary: 'Beratungsstellen als CSV',
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV (Semikolon, UTF-8)'), 429: problemSchema },
      },
    },
    async (_request, reply) => {
      const text = await withoutAuth(deps, (trx) => exports.exportCsv(trx));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="beratungsstellen.csv"')
        .header('access-control-allow-origin', '*')
        .header('cache-control', 'public, max-age=300')
        .send(text);
    },
  );
}

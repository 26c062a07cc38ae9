import { z } from 'zod';
import type { App } from '../../http/app.ts';
import { idParams, pageOf, paginationQuery, problemResponses } from '../../http/schemas.ts';
import { withAuth, type AppDeps } from '../../http/request-context.ts';
import * as caseload from './caseload.service.ts';
import * as cases from './cases.service.ts';
import * as clients from './clients.service.ts';
import * as exports from './export.service.ts';
import * as s from './cases.schemas.ts';

const clientTags = ['Klienten'];
const caseTags = ['Fälle'];

/**
 * Case management of the counselling services (R-CASE-1..8, R-CON-5, R-CON-8). Every route
 * answers 404 to partner staff (R-RED-4); the policy decides, the services audit every read.
 */
export function registerCaseRoutes(app: App, deps: AppDeps): void {
  // --- Klienten ----------------------------------------------------------------------------------

  app.get(
    '/api/clients/service-suggestion',
    {
      schema: {
        tags: clientTags,
        summary: 'MBE oder JMD nach dem Alter vorschlagen (R-CASE-2)',
        querystring: s.suggestionQuery,
        response: { 200: s.suggestionSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => Promise.resolve(clients.suggestion(ctx, request.query))),
  );

  app.get(
    '/api/clients/search',
    {
      schema: {
        tags: clientTags,
        summary: 'Eigene Klient/innen suchen: Namensteil, Geburtsdatum oder Fallnummer (R-CASE-8)',
        querystring: s.searchQuery,
        response: { 200: pageOf(s.searchHitSchema), ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => clients.searchClients(ctx, request.query)),
  );

  app.post(
    '/api/clients',
    {
      schema: {
        tags: clientTags,
        summary: 'Klient/in aufnehmen und ersten Fall eröffnen (R-CASE-1)',
        body: s.createClientBody,
        response: { 201: s.caseCreatedSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withAuth(deps, request, (ctx) => clients.createClient(ctx, request.body))),
  );

  app.get(
    '/api/clients/:id',
    {
      schema: {
        tags: clientTags,
        summary: 'Klient/in',
        params: idParams,
        response: { 200: s.clientSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => clients.getClient(ctx, request.params.id)),
  );

  app.patch(
    '/api/clients/:id',
    {
      schema: {
        tags: clientTags,
        summary: 'Klient/in ändern (mit Familienangehörigen)',
        params: idParams,
        body: s.updateClientBody,
        response: { 200: s.clientSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => clients.updateClient(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/clients/:id/cases',
    {
      schema: {
        tags: clientTags,
        summary: 'Weiteren Fall eröffnen',
        params: idParams,
        body: s.openCaseBody,
        response: { 201: s.caseCreatedSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withAuth(deps, request, (ctx) => clients.openCase(ctx, request.params.id, request.body))),
  );

  app.get(
    '/api/clients/:id/export',
    {
      schema: {
        tags: clientTags,
        summary: 'Auskunft nach Art. 15 DSGVO: alles Gespeicherte als JSON (R-CON-5)',
        params: idParams,
        querystring: s.documentLanguageQuery,
        response: { 200: s.exportSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const data = await withAuth(deps, request, (ctx) =>
        exports.exportClientJson(ctx, request.params.id, request.query.language),
      );
      return reply
        .header('content-disposition', 'attachment; filename="auskunft.json"')
        .header('cache-control', 'no-store')
        .send(data);
    },
  );

  app.get(
    '/api/clients/:id/export.pdf',
    {
      schema: {
        tags: clientTags,
        summary:
          'Auskunft nach Art. 15 DSGVO als lesbares PDF, Deutsch und die Sprache der Person (R-CON-5, R-UX-1)',
        params: idParams,
        querystring: s.documentLanguageQuery,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('PDF-Dokument'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const pdf = await withAuth(deps, request, (ctx) =>
        exports.exportClientPdf(ctx, request.params.id, request.query.language),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="auskunft.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  // --- Fälle -------------------------------------------------------------------------------------

  app.get(
    '/api/cases/lookup',
    {
      schema: {
        tags: caseTags,
        summary: 'Fall per Fallnummer finden (nur Zuständigkeit, kein Inhalt)',
        querystring: s.lookupQuery,
        response: { 200: s.lookupSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => cases.lookupCase(ctx, request.query.caseNumber)),
  );

  app.get(
    '/api/cases/:id',
    {
      schema: {
        tags: caseTags,
        summary: 'Fall mit allen Teilen (jeder Zugriff wird protokolliert)',
        params: idParams,
        response: { 200: s.caseSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => cases.getCase(ctx, request.params.id)),
  );

  app.patch(
    '/api/cases/:id',
    {
      schema: {
        tags: caseTags,
        summary: 'Fall ändern (Art, Dienst, Phase, Überprüfung, Ausgangslage)',
        params: idParams,
        body: s.updateCaseBody,
        response: { 200: s.caseSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => cases.updateCase(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/cases/:id/close',
    {
      schema: {
        tags: caseTags,
        summary: 'Fall abschließen (Grund und Situation zum Ende)',
        params: idParams,
        body: s.closeCaseBody,
        response: { 200: s.caseSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => cases.closeCase(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/cases/:id/reopen',
    {
      schema: {
        tags: caseTags,
        summary: 'Abgeschlossenen Fall wieder aufnehmen',
        params: idParams,
        body: s.versionBody,
        response: { 200: s.caseSchema, ...problemResponses },
      },
    },
    (request) =>
      withAuth(deps, request, (ctx) => cases.reopenCase(ctx, request.params.id, request.body.version)),
  );

  app.post(
    '/api/cases/:id/break-glass',
    {
      schema: {
        tags: caseTags,
        summary: 'Fremden Fall mit Begründung öffnen (R-CON-8)',
        params: idParams,
        body: s.breakGlassBody,
        response: { 201: s.grantSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withAuth(deps, request, (ctx) =>
            cases.breakGlass(ctx, request.params.id, request.body.reason),
          ),
        ),
  );

  app.post(
    '/api/cases/:id/legal-hold',
    {
      schema: {
        tags: caseTags,
        summary: 'Aufbewahrungssperre setzen oder aufheben (R-CON-5)',
        params: idParams,
        body: s.legalHoldBody,
        response: {
          200: s.legalHoldResponse,
          ...problemResponses,
        },
      },
    },
    (request) => withAuth(deps, request, (ctx) => cases.setLegalHold(ctx, request.params.id, request.body)),
  );

  app.put(
    '/api/cases/:id/intake',
    {
      schema: {
        tags: caseTags,
        summary: 'Sondierungsgespräch erfassen oder ändern',
        params: idParams,
        body: s.intakeBody,
        response: { 200: s.intakeSavedSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => cases.saveIntake(ctx, request.params.id, request.body)),
  );

  app.put(
    '/api/cases/:id/analysis',
    {
      schema: {
        tags: caseTags,
        summary: 'Sozial- und Kompetenzanalyse erfassen oder ändern',
        params: idParams,
        body: s.analysisBody,
        response: { 200: s.analysisSavedSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => cases.saveAnalysis(ctx, request.params.id, request.body)),
  );

  app.put(
    '/api/cases/:id/plan',
    {
      schema: {
        tags: caseTags,
        summary: 'Förderplan mit Zielen, Schritten und Zustimmung speichern (R-CASE-4)',
        params: idParams,
        body: s.planBody,
        response: { 200: s.planSavedSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => cases.savePlan(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/cases/:id/contacts',
    {
      schema: {
        tags: caseTags,
        summary: 'Kontakt oder Termin erfassen (R-CASE-5)',
        params: idParams,
        body: s.contactBody,
        response: { 201: s.contactSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withAuth(deps, request, (ctx) => cases.addContact(ctx, request.params.id, request.body))),
  );

  app.patch(
    '/api/cases/:id/contacts/:childId',
    {
      schema: {
        tags: caseTags,
        summary: 'Kontakt oder Termin ändern',
        params: s.childParams,
        body: s.updateContactBody,
        response: { 200: s.contactSchema, ...problemResponses },
      },
    },
    (request) =>
      withAuth(deps, request, (ctx) =>
        cases.updateContact(ctx, request.params.id, request.params.childId, request.body),
      ),
  );

  app.post(
    '/api/cases/:id/activities',
    {
      schema: {
        tags: caseTags,
        summary: 'Begleitung im Integrationskurs oder Kinderbetreuung erfassen (R-CASE-6)',
        params: idParams,
        body: s.activityBody,
        response: { 201: s.activitySchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withAuth(deps, request, (ctx) => cases.addActivity(ctx, request.params.id, request.body)),
        ),
  );

  app.patch(
    '/api/cases/:id/activities/:childId',
    {
      schema: {
        tags: caseTags,
        summary: 'Aktivität ändern',
        params: s.childParams,
        body: s.updateActivityBody,
        response: { 200: s.activitySchema, ...problemResponses },
      },
    },
    (request) =>
      withAuth(deps, request, (ctx) =>
        cases.updateActivity(ctx, request.params.id, request.params.childId, request.body),
      ),
  );

  app.patch(
    '/api/cases/:id/responsibilities/:area',
    {
      schema: {
        tags: caseTags,
        summary: 'Zuständigkeit in diesem Fall ändern (R-CASE-7)',
        params: s.responsibilityParams,
        body: s.responsibilityBody,
        response: { 200: z.array(s.responsibilitySchema), ...problemResponses },
      },
    },
    (request) =>
      withAuth(deps, request, (ctx) =>
        cases.updateResponsibility(ctx, request.params.id, request.params.area, request.body),
      ),
  );

  app.get(
    '/api/cases/:id/summary.pdf',
    {
      schema: {
        tags: caseTags,
        summary: 'Fallzusammenfassung für die ratsuchende Person (PDF), Deutsch und ihre Sprache (R-UX-1)',
        params: idParams,
        querystring: s.documentLanguageQuery,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('PDF-Dokument'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const pdf = await withAuth(deps, request, (ctx) =>
        exports.caseSummary(ctx, request.params.id, request.query.language),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="fallzusammenfassung.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  // --- Fallbestand -------------------------------------------------------------------------------

  app.get(
    '/api/caseload',
    {
      schema: {
        tags: caseTags,
        summary: 'Mein Fallbestand: offene Fälle, fällige Schritte, überfällige Überprüfungen',
        response: { 200: s.caseloadSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => caseload.caseload(ctx)),
  );

  app.get(
    '/api/caseload/team',
    {
      schema: {
        tags: caseTags,
        summary: 'Fallbestände des Teams als Zahlen und fällige Termine (ohne Inhalte)',
        response: { 200: s.teamSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => caseload.teamOverview(ctx)),
  );

  // --- Einstellungen -----------------------------------------------------------------------------

  app.get(
    '/api/case-settings',
    {
      schema: {
        tags: caseTags,
        summary: 'Auswahllisten und Aufbewahrungsfrist der Organisation',
        response: { 200: s.settingsSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => caseload.getSettings(ctx)),
  );

  app.put(
    '/api/case-settings',
    {
      schema: {
        tags: caseTags,
        summary: 'Auswahllisten und Aufbewahrungsfrist ändern',
        body: s.settingsBody,
        response: { 200: s.settingsSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => caseload.updateSettings(ctx, request.body)),
  );

  app.get(
    '/api/case-deletions',
    {
      schema: {
        tags: caseTags,
        summary: 'Löschprotokoll der Aufbewahrungsfrist (ohne personenbezogene Daten)',
        querystring: z.strictObject(paginationQuery),
        response: { 200: pageOf(s.deletionRecordSchema), ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => caseload.listDeletions(ctx, request.query)),
  );
}

import { z } from 'zod';
import type { App } from '../../http/app.ts';
import { idParams, pageOf, problemResponses } from '../../http/schemas.ts';
import { withAuth, type AppDeps } from '../../http/request-context.ts';
import * as service from './offices.service.ts';
import * as s from './offices.schemas.ts';

const tags = ['Beratungsstellen'];

/** Counselling offices of welfare providers. */
export function registerOfficeRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/organisations/:id/offices',
    {
      schema: {
        tags,
        summary: 'Beratungsstellen eines Trägers',
        params: idParams,
        response: { 200: pageOf(s.officeSchema), ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.listOffices(ctx, request.params.id)),
  );

  app.post(
    '/api/organisations/:id/offices',
    {
      schema: {
        tags,
        summary: 'Beratungsstelle anlegen',
        params: idParams,
        body: s.createOfficeBody,
        response: { 201: s.officeSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withAuth(deps, request, (ctx) => service.createOffice(ctx, request.params.id, request.body)),
        ),
  );

  app.get(
    '/api/offices/:id',
    {
      schema: {
        tags,
        summary: 'Beratungsstelle mit Angaben und Kontakten',
        params: idParams,
        response: { 200: s.officeSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.getOffice(ctx, request.params.id)),
  );

  app.patch(
    '/api/offices/:id',
    {
      schema: {
        tags,
        summary: 'Beratungsstelle ändern',
        params: idParams,
        body: s.updateOfficeBody,
        response: { 200: s.officeSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.updateOffice(ctx, request.params.id, request.body)),
  );

  app.delete(
    '/api/offices/:id',
    {
      schema: {
        tags,
        summary: 'Beratungsstelle löschen',
        params: idParams,
        querystring: s.deleteOfficeQuery,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await withAuth(deps, request, (ctx) =>
        service.deleteOffice(ctx, request.params.id, request.query.version),
      );
      return reply.status(204).send(null);
    },
  );
}

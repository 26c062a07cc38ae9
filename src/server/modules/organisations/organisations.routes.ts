import type { App } from '../../http/app.ts';
import { idParams, pageOf, problemResponses } from '../../http/schemas.ts';
import { withAuth, type AppDeps } from '../../http/request-context.ts';
import * as service from './organisations.service.ts';
import * as s from './organisations.schemas.ts';

const tags = ['Organisationen'];

/** Organisations of every kind (R-ORG-1) and their central contacts (R-ORG-3). */
export function registerOrganisationRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/organisations',
    {
      schema: {
        tags,
        summary: 'Organisationen',
        querystring: s.listOrganisationsQuery,
        response: { 200: pageOf(s.organisationSchema), ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.listOrganisations(ctx, request.query)),
  );

  app.post(
    '/api/organisations',
    {
      schema: {
        tags,
        summary: 'Organisation anlegen',
        body: s.createOrganisationBody,
        response: { 201: s.organisationSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withAuth(deps, request, (ctx) => service.createOrganisation(ctx, request.body))),
  );

  app.get(
    '/api/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Organisation mit zentralen Ansprechpersonen',
        params: idParams,
        response: { 200: s.organisationDetailSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.getOrganisation(ctx, request.params.id)),
  );

  app.patch(
    '/api/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Organisation ändern',
        params: idParams,
        body: s.updateOrganisationBody,
        response: { 200: s.organisationSchema, ...problemResponses },
      },
    },
    (request) =>
      withAuth(deps, request, (ctx) => service.updateOrganisation(ctx, request.params.id, request.body)),
  );
}

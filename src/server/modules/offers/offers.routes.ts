import { z } from 'zod';
import type { App } from '../../http/app.ts';
import { idParams, pageOf, problemResponses } from '../../http/schemas.ts';
import { withAuth, type AppDeps } from '../../http/request-context.ts';
import * as service from './offers.service.ts';
import * as notifications from './notifications.service.ts';
import * as s from './offers.schemas.ts';

const tags = ['Angebote der Partner'];
const notificationTags = ['Benachrichtigungen'];

/** Partner offers (R-OFF-1..3) and the notifications of counselling staff (R-OFF-4). */
export function registerOfferRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/offer-categories',
    {
      schema: {
        tags,
        summary: 'Kategorien der Angebote (Kursarten, Maßnahmen, Regelungen)',
        response: { 200: s.categoriesResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, async (ctx) => ({ items: await service.listCategories(ctx) })),
  );

  app.get(
    '/api/offers',
    {
      schema: {
        tags,
        summary: 'Angebote der Partner',
        querystring: s.listOffersQuery,
        response: { 200: pageOf(s.offerSchema), ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.listOffers(ctx, request.query)),
  );

  app.get(
    '/api/offers/:id',
    {
      schema: {
        tags,
        summary: 'Ein Angebot',
        params: idParams,
        response: { 200: s.offerSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.getOffer(ctx, request.params.id)),
  );

  app.post(
    '/api/organisations/:id/offers',
    {
      schema: {
        tags,
        summary: 'Angebot veröffentlichen',
        description:
          'Kursträger veröffentlichen Kurse, Jobcenter Angebote und Maßnahmen, die Ausländerbehörde Regelungen und Dienstanweisungen – jeweils nur für die eigene Organisation.',
        params: idParams,
        body: s.publishOfferBody,
        response: { 201: s.offerSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withAuth(deps, request, (ctx) => service.publishOffer(ctx, request.params.id, request.body)),
        ),
  );

  app.patch(
    '/api/offers/:id',
    {
      schema: {
        tags,
        summary: 'Angebot ändern',
        params: idParams,
        body: s.updateOfferBody,
        response: { 200: s.offerSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.updateOffer(ctx, request.params.id, request.body)),
  );

  app.delete(
    '/api/offers/:id',
    {
      schema: {
        tags,
        summary: 'Angebot zurückziehen',
        params: idParams,
        querystring: s.deleteOfferQuery,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await withAuth(deps, request, (ctx) =>
        service.deleteOffer(ctx, request.params.id, request.query.version),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/notifications',
    {
      schema: {
        tags: notificationTags,
        summary: 'Neue Angebote und Hinweise der Partner (ungelesen oder alle)',
        querystring: s.notificationsQuery,
        response: {
          200: s.notificationsResponse,
          ...problemResponses,
        },
      },
    },
    (request) => withAuth(deps, request, (ctx) => notifications.listNotifications(ctx, request.query)),
  );

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags: notificationTags,
        summary: 'Als gelesen markieren',
        body: s.markReadBody,
        response: {
          200: s.markReadResponse,
          ...problemResponses,
        },
      },
    },
    (request) => withAuth(deps, request, (ctx) => notifications.markRead(ctx, request.body)),
  );

  app.get(
    '/api/notifications/settings',
    {
      schema: {
        tags: notificationTags,
        summary: 'Einstellung der E-Mail-Übersicht',
        response: { 200: s.digestSettingsSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => notifications.getDigestSettings(ctx)),
  );

  app.put(
    '/api/notifications/settings',
    {
      schema: {
        tags: notificationTags,
        summary: 'E-Mail-Übersicht täglich, wöchentlich oder nie',
        body: s.digestSettingsBody,
        response: { 200: s.digestSettingsSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => notifications.saveDigestSettings(ctx, request.body)),
  );
}

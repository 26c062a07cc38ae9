import type { App } from '../../http/app.ts';
import { idParams, pageOf, problemResponses } from '../../http/schemas.ts';
import { withAuth, type AppDeps } from '../../http/request-context.ts';
import * as service from './users.service.ts';
import * as s from './users.schemas.ts';

const tags = ['Benutzer'];

/** Staff of an organisation: invite, roles, deactivate. */
export function registerUserRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/organisations/:id/users',
    {
      schema: {
        tags,
        summary: 'Benutzer einer Organisation',
        params: idParams,
        querystring: s.listUsersQuery,
        response: { 200: pageOf(s.userSchema), ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.listUsers(ctx, request.params.id, request.query)),
  );

  app.get(
    '/api/organisations/:id/roles',
    {
      schema: {
        tags,
        summary: 'In dieser Organisation vergebbare Rollen',
        params: idParams,
        response: { 200: s.assignableRolesResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.assignableRoles(ctx, request.params.id)),
  );

  app.post(
    '/api/organisations/:id/users',
    {
      schema: {
        tags,
        summary: 'Person einladen',
        params: idParams,
        body: s.inviteUserBody,
        response: { 201: s.invitationResult, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withAuth(deps, request, (ctx) => service.inviteUser(ctx, request.params.id, request.body)),
        ),
  );

  app.get(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Benutzer',
        params: idParams,
        response: { 200: s.userSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.getUser(ctx, request.params.id)),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Benutzer ändern (Name, Rollen, Funktion)',
        params: idParams,
        body: s.updateUserBody,
        response: { 200: s.userSchema, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.updateUser(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/users/:id/deactivate',
    {
      schema: {
        tags,
        summary: 'Benutzer deaktivieren',
        params: idParams,
        body: s.versionBody,
        response: { 200: s.userSchema, ...problemResponses },
      },
    },
    (request) =>
      withAuth(deps, request, (ctx) => service.deactivateUser(ctx, request.params.id, request.body.version)),
  );

  app.post(
    '/api/users/:id/reactivate',
    {
      schema: {
        tags,
        summary: 'Benutzer reaktivieren',
        params: idParams,
        body: s.versionBody,
        response: { 200: s.userSchema, ...problemResponses },
      },
    },
    (request) =>
      withAuth(deps, request, (ctx) => service.reactivateUser(ctx, request.params.id, request.body.version)),
  );

  app.post(
    '/api/users/:id/reinvite',
    {
      schema: {
        tags,
        summary: 'Einladung erneut senden',
        params: idParams,
        response: { 200: s.invitationLinkResponse, ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.reinviteUser(ctx, request.params.id)),
  );
}

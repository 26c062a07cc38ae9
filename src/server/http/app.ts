import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AppError, problemFor, type ErrorCode, type FieldError } from './errors.ts';
import { refuseTokenEarly, sessionCookieName, type AppDeps } from './request-context.ts';
import { registerHealthRoutes } from '../modules/health/health.routes.ts';
import { registerMetaRoutes } from '../modules/health/meta.routes.ts';
import { registerAuthRoutes } from '../modules/auth/auth.routes.ts';
import { registerOrganisationRoutes } from '../modules/organisations/organisations.routes.ts';
import { registerUserRoutes } from '../modules/users/users.routes.ts';
import { registerOfficeRoutes } from '../modules/offices/offices.routes.ts';
import { registerAuditRoutes } from '../modules/audit/audit.routes.ts';
import { registerCaseRoutes } from '../modules/cases/cases.routes.ts';
import { registerExchangeRoutes } from '../modules/exchange/exchange.routes.ts';
import { registerLinkRoutes } from '../modules/links/links.routes.ts';
import { registerReferralRoutes } from '../modules/referrals/referrals.routes.ts';
import { registerStatisticsRoutes } from '../modules/statistics/statistics.routes.ts';
import { registerClearingRoutes } from '../modules/clearing/clearing.routes.ts';
import {
  registerAgreementRoutes,
  registerAgreementUploadRoutes,
} from '../modules/agreements/agreements.routes.ts';
import { registerDirectoryRoutes } from '../modules/directory/directory.routes.ts';
import { registerFlyerRoutes, registerFlyerUploadRoutes } from '../modules/flyers/flyers.routes.ts';
import { flyerMaxBytes } from '../modules/flyers/flyers.service.ts';
import { registerOfferRoutes } from '../modules/offers/offers.routes.ts';
import { useGermanValidationMessages } from './validation-messages.ts';

// Validation messages in plain German: the UI shows them next to the field as they are.
useGermanValidationMessages();

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Maximum request body; larger bodies answer 413 before any handler runs. */
export const bodyLimit = 1024 * 1024;

function fieldErrorsFrom(error: FastifyError): FieldError[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  return error.validation.map((issue) => ({
    path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
    code: issue.keyword,
    message: issue.message ?? 'Ungültiger Wert.',
  }));
}

/** Fastify's own errors, mapped to Koop's closed list of codes. */
function codeForFrameworkError(error: FastifyError): ErrorCode {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'malformed_json';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'payload_too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'unsupported_media_type';
    default:
      break;
  }
  if (error.statusCode === 429) return 'rate_limited';
  if (error instanceof SyntaxError || error.statusCode === 400) return 'validation_failed';
  if (error.statusCode === 413) return 'payload_too_large';
  if (error.statusCode === 415) return 'unsupported_media_type';
  return 'internal_error';
}

/** Builds the whole HTTP application; tests call it in-process through `inject`. */
export async function buildApp(
  deps: AppDeps,
  options: { logger?: boolean; webRoot?: string } = {},
): Promise<App> {
  const app = Fastify({
    bodyLimit,
    // The router's own refusals (bad percent-encoding, an over-long path segment) answer
    // problem+json like every other error.
    frameworkErrors: (error, request, reply) => {
      const code: ErrorCode =
        error.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? 'uri_too_long'
          : error.code === 'FST_ERR_BAD_URL'
            ? 'malformed_url'
            : 'internal_error';
      const problem = problemFor(code, request.id);
      // The router answers before any route (and its reply types) is known.
      void (reply as FastifyReply).status(problem.status).type('application/problem+json').send(problem);
    },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(incoming)
        ? incoming
        : crypto.randomUUID();
    },
    trustProxy: process.env.KOOP_TRUST_PROXY === '1',
    logger:
      options.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            // Logs carry ids and routes, never personal data: headers with credentials are redacted
            // and request bodies are never logged.
            redact: [
              'req.headers.cookie',
              'req.headers.authorization',
              'req.headers["x-csrf-token"]',
              'res.headers["set-cookie"]',
            ],
            serializers: {
              req: (req: { method: string; url: string; id: string }) => ({
                method: req.method,
                url: req.url.split('?')[0],
                id: req.id,
              }),
            },
          },
  }).withTypeProvider<ZodTypeProvider>();

  // JSON only: a text body would otherwise reach validation as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.options.headers) void reply.headers(error.options.headers);
      return reply
        .status(error.status)
        .type('application/problem+json')
        .send(problemFor(error.code, request.id, error.options.detail, error.options.errors));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply
        .status(400)
        .type('application/problem+json')
        .send(problemFor('validation_failed', request.id, undefined, fieldErrorsFrom(error)));
    }
    const code = codeForFrameworkError(error);
    if (code === 'internal_error') request.log.error({ err: error }, 'unhandled error');
    const status = code === 'internal_error' ? 500 : problemFor(code, request.id).status;
    return reply.status(status).type('application/problem+json').send(problemFor(code, request.id));
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !webIndex) {
      return reply
        .status(404)
        .type('application/problem+json')
        .send(problemFor('route_not_found', request.id));
    }
    // Browser routes of the single-page application all load its index.
    return reply.type('text/html').send(webIndex);
  });

  await app.register(cookie);
  // Requests without any credentials stop here with 401, before their input is even validated;
  // the credentials themselves are checked inside the request's transaction (withAuth).
  app.addHook('onRequest', (request, _reply, done) => {
    const config = request.routeOptions.config;
    const anonymous = !request.headers.authorization && !request.cookies[sessionCookieName];
    if (request.url.startsWith('/api/') && !config?.public && !request.is404 && anonymous) {
      done(new AppError('not_authenticated'));
      return;
    }
    done();
  });

  // An API token is refused by its scope before its input is validated (policy: credentialRefusal).
  app.addHook('preValidation', (request) => refuseTokenEarly(deps, request));
  // Credential routes take the browser session only, public routes no credentials at all; the
  // API document says so per operation (every other one takes the session or a token).
  app.addHook('onRoute', (route) => {
    if (route.config?.credentials) route.schema = { ...route.schema, security: [{ session: [] }] };
    else if (route.config?.public) route.schema = { ...route.schema, security: [] };
  });

  // Security headers (CSP, frame and referrer policies, HSTS behind TLS …) from helmet, built once
  // at start: the Fastify wrapper rebuilt the whole middleware on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: deps.config.secureCookies,
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err instanceof Error ? err : undefined));
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (request, context) =>
      new AppError('rate_limited', { headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) } }),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Koop API',
        description:
          'Koop – Kooperationsplattform der Migrationsberatung (MBE, JMD) mit Jobcentern, Ausländerbehörden und Integrationskursträgern. Fehler als RFC 9457 application/problem+json.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'koop_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());

  registerHealthRoutes(app, deps);
  registerMetaRoutes(app);
  registerAuthRoutes(app, deps);
  registerOrganisationRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerOfficeRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerExchangeRoutes(app, deps);
  registerReferralRoutes(app, deps);
  registerStatisticsRoutes(app, deps);
  registerClearingRoutes(app, deps);
  registerAgreementRoutes(app, deps);
  registerLinkRoutes(app, deps);
  registerDirectoryRoutes(app, deps);
  registerFlyerRoutes(app, deps);
  registerOfferRoutes(app, deps);
  // File uploads get their own scope: only there is multipart/form-data parsed (with these
  // limits); every other route keeps the JSON-only rule.
  await app.register(async (uploads) => {
    await uploads.register(multipart, {
      limits: { fileSize: flyerMaxBytes, files: 1, fields: 4, fieldSize: 1024, parts: 5, headerPairs: 100 },
    });
    registerFlyerUploadRoutes(uploads, deps);
    registerAgreementUploadRoutes(uploads, deps);
  });

  const webRoot = options.webRoot ?? path.resolve('dist/web');
  const indexPath = path.join(webRoot, 'index.html');
  const webIndex = fs.existsSync(indexPath) ? fs.readFileSync(indexPath, 'utf8') : undefined;
  if (webIndex) {
    await app.register(fastifyStatic, { root: webRoot, index: false, wildcard: false, prefix: '/' });
    app.get('/', { schema: { hide: true } }, (_request, reply) => reply.type('text/html').send(webIndex));
    // The public search page is a page of its own that does not load the staff application.
    const findPath = path.join(webRoot, 'find.html');
    if (fs.existsSync(findPath)) {
      const findPage = fs.readFileSync(findPath, 'utf8');
      app.get('/finden', { schema: { hide: true } }, (_request, reply) =>
        reply.type('text/html').send(findPage),
      );
    }
  }

  return app;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without signing in (health, sign-in, invitations, the API document). */
    public?: boolean;
    /** Manages the account's credentials (password, second factor, tokens, sessions): browser session only. */
    credentials?: boolean;
  }
}

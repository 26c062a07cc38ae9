import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../http/app.ts';
import { AppError } from '../../http/errors.ts';
import { idParams, pageOf, problemResponses, problemSchema } from '../../http/schemas.ts';
import { withAuth, type AppDeps } from '../../http/request-context.ts';
import { isLanguageCode, languageCodeField } from '../directory/languages.ts';
import * as service from './flyers.service.ts';

const tags = ['Informationsmaterial'];

export const flyerSchema = z.object({
  id: z.uuid(),
  officeId: z.uuid(),
  organisationId: z.uuid(),
  officeName: z.string(),
  providerName: z.string(),
  title: z.string(),
  version: z.number().int(),
  files: z.array(
    z.object({
      language: z.string(),
      revision: z.number().int(),
      revisions: z.number().int(),
      mediaType: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
      byteSize: z.number().int(),
      filename: z.string(),
      sha256: z.string(),
      uploadedAt: z.string(),
      downloadUrl: z.string(),
    }),
  ),
  allowedActions: z.array(z.string()),
});

const createFlyerBody = z.strictObject({ title: z.string().trim().min(2).max(200) });
const fileParams = z.strictObject({ id: z.uuid(), language: languageCodeField });
const downloadQuery = z.strictObject({ revision: z.coerce.number().int().positive().optional() });
const listQuery = z.strictObject({ language: languageCodeField.optional() });
const deleteQuery = z.strictObject({ version: z.coerce.number().int().positive() });

/** Flyers: list, create, download and delete (JSON routes). */
export function registerFlyerRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/offices/:id/flyers',
    {
      schema: {
        tags,
        summary: 'Informationsmaterial einer Beratungsstelle',
        params: idParams,
        response: { 200: pageOf(flyerSchema), ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.listOfficeFlyers(ctx, request.params.id)),
  );

  app.get(
    '/api/flyers',
    {
      schema: {
        tags,
        summary: 'Aktuelles Informationsmaterial aller Beratungsstellen',
        querystring: listQuery,
        response: { 200: pageOf(flyerSchema), ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => service.listAllFlyers(ctx, request.query.language)),
  );

  app.post(
    '/api/offices/:id/flyers',
    {
      schema: {
        tags,
        summary: 'Flyer anlegen',
        params: idParams,
        body: createFlyerBody,
        response: { 201: flyerSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withAuth(deps, request, (ctx) => service.createFlyer(ctx, request.params.id, request.body)),
        ),
  );

  app.get(
    '/api/flyers/:id/files/:language',
    {
      schema: {
        tags,
        summary: 'Aktuelle Datei eines Flyers in einer Sprache herunterladen',
        params: fileParams,
        querystring: downloadQuery,
        produces: ['application/pdf', 'image/png', 'image/jpeg'],
        response: { 200: z.any().describe('Die Datei'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const file = await withAuth(deps, request, (ctx) =>
        service.downloadFile(ctx, request.params.id, request.params.language, request.query.revision),
      );
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('x-flyer-revision', String(file.revision))
        .send(file.content);
    },
  );

  app.delete(
    '/api/flyers/:id',
    {
      schema: {
        tags,
        summary: 'Flyer mit allen Dateien löschen',
        params: idParams,
        querystring: deleteQuery,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await withAuth(deps, request, (ctx) =>
        service.deleteFlyer(ctx, request.params.id, request.query.version),
      );
      return reply.status(204).send(null);
    },
  );
}

/** Maps the multipart plugin's errors to Koop's codes. */
function uploadError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('file_too_large');
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return new AppError('unsupported_media_type', {
      detail: 'Bitte senden Sie die Datei als multipart/form-data mit den Feldern "language" und "file".',
    });
  }
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new AppError('validation_failed', { detail: 'Bitte genau eine Datei und die Sprache senden.' });
  }
  return new AppError('validation_failed', {
    detail: 'Der Inhalt der Anfrage ist kein gültiges multipart/form-data.',
  });
}

/** Reads the language field and the one file of an upload; the limits are those of app.ts. */
async function readUpload(request: FastifyRequest): Promise<service.Upload> {
  let language: string | undefined;
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
      } else if (part.fieldname === 'language' && typeof part.value === 'string') {
        language = part.value.trim().toLowerCase();
      }
    }
  } catch (err) {
    throw uploadError(err);
  }
  if (language === undefined || !isLanguageCode(language)) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'language',
          code: 'invalid_language',
          message: 'Unbekannter Sprachcode. Bitte einen Code nach ISO 639 angeben (z. B. de, ar, uk).',
        },
      ],
    });
  }
  if (!file || file.bytes.length === 0) throw new AppError('file_missing');
  return { language, filename: file.filename, bytes: file.bytes };
}

/**
 * The upload route. It lives in its own plugin scope (app.ts) where the multipart parser is
 * registered with its limits; every other route keeps accepting JSON only.
 */
export function registerFlyerUploadRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/flyers/:id/files',
    {
      schema: {
        tags,
        summary: 'Neue Fassung eines Flyers hochladen (multipart/form-data: language, file)',
        description: `PDF, PNG oder JPEG bis ${service.flyerMaxBytes / 1024 / 1024} MB; geprüft wird der Inhalt der Datei. Jede Sprache hat ihre eigene Fassungsfolge; die höchste ist die aktuelle.`,
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: flyerSchema, 413: problemSchema, 415: problemSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request);
      const flyer = await withAuth(deps, request, (ctx) =>
        service.uploadFile(ctx, request.params.id, upload),
      );
      return reply.status(201).send(flyer);
    },
  );
}

import crypto from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAudit } from '../../audit/audit.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../policy/policy.ts';
import {
  allowedOfficeActions,
  authorizeOffice,
  type OfficeAction,
  type OfficeResource,
} from '../offices/offices.policy.ts';
import { loadOffice } from '../offices/offices.service.ts';
import * as repo from './flyers.repository.ts';

/**
 * Information material per office (R-DIR-5): a flyer has a title and, per language, a series of
 * files; the highest revision is the current one that partners download. Uploads are checked
 * by their content (magic bytes), never by the file name.
 */

/** Largest flyer file accepted (also the multipart limit in app.ts). */
export const flyerMaxBytes = 8 * 1024 * 1024;

export const allowedMediaTypes = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
} as const;
type MediaType = keyof typeof allowedMediaTypes;

const flyerActions: readonly OfficeAction[] = ['flyer.upload', 'flyer.delete'];

function flyerResource(row: { organisation_id: string }): OfficeResource {
  return { type: 'flyer', organisationId: row.organisation_id };
}

/** Every office's flyers, which every signed-in person reads. */
const allFlyers = { type: 'flyers', organisationId: null } as const;

function presentFlyer(actor: Actor, flyer: repo.FlyerRow, files: readonly repo.FileInfoRow[]) {
  return {
    id: flyer.id,
    officeId: flyer.office_id,
    organisationId: flyer.organisation_id,
    officeName: flyer.office_name,
    providerName: flyer.provider_name,
    title: flyer.title,
    version: flyer.version,
    files: files
      .filter((f) => f.flyer_id === flyer.id)
      .map((f) => ({
        language: f.language,
        revision: f.revision,
        revisions: Number(f.revisions),
        mediaType: f.media_type as MediaType,
        byteSize: f.byte_size,
        filename: f.filename,
        sha256: f.sha256,
        uploadedAt: f.uploaded_at.toISOString(),
        downloadUrl: `/api/flyers/${flyer.id}/files/${f.language}`,
      })),
    allowedActions: allowedOfficeActions(actor, flyerResource(flyer), flyerActions),
  };
}

async function present(ctx: RequestContext, flyers: readonly repo.FlyerRow[]) {
  const files = await repo.listCurrentFiles(
    ctx.trx,
    flyers.map((f) => f.id),
  );
  return flyers.map((f) => presentFlyer(ctx.actor, f, files));
}

/** The flyers of an office with their current file per language. */
export async function listOfficeFlyers(ctx: RequestContext, officeId: string) {
  await loadOffice(ctx, officeId, 'office.list');
  authorizeOffice(ctx.actor, 'flyer.read', allFlyers);
  const items = await present(ctx, await repo.listFlyers(ctx.trx, officeId));
  return { items, total: items.length };
}

/** Every office's current flyers, for partners who lay them out (R-DIR-5). */
export async function listAllFlyers(ctx: RequestContext, language?: string) {
  authorizeOffice(ctx.actor, 'flyer.read', allFlyers);
  let items = await present(ctx, await repo.listFlyers(ctx.trx));
  if (language) {
    items = items
      .map((f) => ({ ...f, files: f.files.filter((file) => file.language === language) }))
      .filter((f) => f.files.length > 0);
  }
  return { items, total: items.length };
}

export async function createFlyer(ctx: RequestContext, officeId: string, input: { title: string }) {
  const office = await loadOffice(ctx, officeId, 'office.list');
  authorizeOffice(ctx.actor, 'flyer.upload', flyerResource(office));
  const { id } = await repo.insertFlyer(ctx.trx, {
    organisation_id: office.organisation_id,
    office_id: office.id,
    title: input.title,
  });
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'flyer.created',
    entityType: 'flyer',
    entityId: id,
    organisationId: office.organisation_id,
  });
  const [item] = await present(ctx, [(await repo.findFlyer(ctx.trx, id))!]);
  return item!;
}

async function loadFlyer(ctx: RequestContext, id: string, action: OfficeAction) {
  const flyer = await repo.findFlyer(ctx.trx, id);
  if (!flyer) throw new AppError('not_found');
  authorizeOffice(ctx.actor, action, flyerResource(flyer));
  return flyer;
}

/** A file as it arrived, before any check. */
export interface Upload {
  language: string;
  filename: string;
  bytes: Buffer;
}

/** Checks what a file really is from its first bytes; the name and the declared type do not count. */
export async function detectMediaType(bytes: Buffer): Promise<MediaType> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !(detected.mime in allowedMediaTypes)) throw new AppError('file_type_not_allowed');
  return detected.mime as MediaType;
}

function safeFilename(title: string, language: string, revision: number, mediaType: MediaType): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ß/g, 'ss')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'flyer';
  return `${base}-${language}-v${revision}.${allowedMediaTypes[mediaType]}`;
}

/** Stores a new revision of the flyer in one language. */
export async function uploadFile(ctx: RequestContext, flyerId: string, upload: Upload) {
  const flyer = await loadFlyer(ctx, flyerId, 'flyer.upload');
  if (upload.bytes.length > flyerMaxBytes) throw new AppError('file_too_large');
  const mediaType = await detectMediaType(upload.bytes);
  // Updating the flyer first locks it, so two uploads at once get consecutive revisions.
  await repo.touchFlyer(ctx.trx, flyer.id);
  const revision = await repo.nextRevision(ctx.trx, flyer.id, upload.language);
  await repo.insertFile(ctx.trx, {
    organisation_id: flyer.organisation_id,
    flyer_id: flyer.id,
    language: upload.language,
    revision,
    media_type: mediaType,
    byte_size: upload.bytes.length,
    sha256: crypto.createHash('sha256').update(upload.bytes).digest('hex'),
    filename: safeFilename(flyer.title, upload.language, revision, mediaType),
    content: upload.bytes,
    uploaded_by: ctx.actor.userId,
  });
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'flyer.uploaded',
    entityType: 'flyer',
    entityId: flyer.id,
    organisationId: flyer.organisation_id,
    details: { language: upload.language, revision, mediaType, bytes: upload.bytes.length },
  });
  const [item] = await present(ctx, [(await repo.findFlyer(ctx.trx, flyer.id))!]);
  return item!;
}

/** The current file of a language (or an older revision) with its bytes. */
export async function downloadFile(
  ctx: RequestContext,
  flyerId: string,
  language: string,
  revision?: number,
) {
  const flyer = await loadFlyer(ctx, flyerId, 'flyer.read');
  const file = await repo.findFile(ctx.trx, flyer.id, language, revision);
  if (!file) throw new AppError('not_found');
  return {
    mediaType: file.media_type,
    filename: file.filename,
    revision: file.revision,
    content: Buffer.from(file.content),
  };
}

export async function deleteFlyer(ctx: RequestContext, id: string, version: number) {
  const flyer = await loadFlyer(ctx, id, 'flyer.delete');
  if (!(await repo.deleteFlyer(ctx.trx, id, version))) throw new AppError('version_conflict');
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'flyer.deleted',
    entityType: 'flyer',
    entityId: id,
    organisationId: flyer.organisation_id,
  });
}

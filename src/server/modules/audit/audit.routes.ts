import { z } from 'zod';
import type { App } from '../../http/app.ts';
import { isoDate, pageOf, paginationQuery, problemResponses } from '../../http/schemas.ts';
import { withAuth, type AppDeps, type RequestContext } from '../../http/request-context.ts';
import { recordAudit } from '../../audit/audit.ts';
import { caseAuditEntityTypes, seesCaseAuditDetails } from '../../policy/policy.ts';
import { authorizeAudit } from './audit.policy.ts';
import { listAuditEntries } from './audit.repository.ts';

export const auditQuery = z
  .strictObject({
    organisationId: z.uuid().optional(),
    actorUserId: z.uuid().optional(),
    entityType: z.string().trim().max(50).optional(),
    entityId: z.string().trim().max(100).optional(),
    action: z.string().trim().max(100).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    ...paginationQuery,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'Der Beginn muss vor dem Ende liegen.',
    path: ['to'],
  });

export const auditEntry = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  organisationId: z.string().nullable(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
});

/** Reading the audit log is itself audited: it shows who worked with whose data. */
async function readAudit(ctx: RequestContext, query: z.infer<typeof auditQuery>) {
  const organisationId = query.organisationId ?? ctx.actor.organisationId;
  authorizeAudit(ctx.actor, 'audit.read', { type: 'audit_log', organisationId });
  const page = await listAuditEntries(ctx.trx, {
    ...query,
    organisationId,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    withheld: seesCaseAuditDetails(ctx.actor, organisationId) ? [] : caseAuditEntityTypes,
  });
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'audit.read',
    entityType: 'audit_log',
    organisationId,
    details: {
      actorUserId: query.actorUserId ?? null,
      entityType: query.entityType ?? null,
      entityId: query.entityId ?? null,
    },
  });
  return {
    items: page.items.map((r) => ({
      id: Number(r.id),
      occurredAt: isoDate(r.occurred_at) ?? '',
      organisationId: r.organisation_id,
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      reason: r.reason,
      requestId: r.request_id,
    })),
    total: page.total,
  };
}

/** The audit log viewer for administrators (R-SEC-1). */
export function registerAuditRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['Protokoll'],
        summary: 'Zugriffsprotokoll',
        querystring: auditQuery,
        response: { 200: pageOf(auditEntry), ...problemResponses },
      },
    },
    (request) => withAuth(deps, request, (ctx) => readAudit(ctx, request.query)),
  );
}

import { sql, type Compilable, type OperationNodeSource } from 'kysely';
import type { Trx } from '../db/database.ts';
import type { AuditAction, AuditEntityType } from './audit-events.ts';

// The closed lists of actions and record kinds live in a file without imports, so that the
// web's audit viewer can load them as well.
export { auditActions, auditEntityTypes } from './audit-events.ts';
export type { AuditAction, AuditEntityType } from './audit-events.ts';

export interface AuditEvent {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: string | null;
  /** Why an access happened, where the person had to say so (break-the-glass). */
  reason?: string | null;
  details?: Record<string, string | number | boolean | null | string[]>;
  /** Overrides the organisation of the context, e.g. for a failed sign-in of a known user. */
  organisationId?: string | null;
}

/** Who did it and in which request; the HTTP layer builds it once per request. */
export interface AuditContext {
  organisationId: string | null;
  actorUserId: string | null;
  requestId: string;
}

/** Writes one audit row in the caller's transaction; if the transaction rolls back, so does the row. */
export async function recordAudit(trx: Trx, ctx: AuditContext, event: AuditEvent): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      organisation_id: event.organisationId !== undefined ? event.organisationId : ctx.organisationId,
      actor_user_id: ctx.actorUserId,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId ?? null,
      reason: event.reason ?? null,
      request_id: ctx.requestId,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

/**
 * Reads one record and writes its audit row in the same statement (one round trip instead of
 * two): the row is written only when the query found the record, and like every audit row it
 * commits or rolls back with the caller's transaction — a read that the policy then refuses
 * leaves no row. `organisationColumn` takes the audit row's organisation from the record.
 */
export async function selectAudited<Row>(
  trx: Trx,
  ctx: AuditContext,
  query: Compilable<Row> & OperationNodeSource,
  event: AuditEvent & { organisationColumn?: string },
): Promise<Row | undefined> {
  const organisation = event.organisationColumn
    ? sql`r.${sql.ref(event.organisationColumn)}`
    : sql`${event.organisationId !== undefined ? event.organisationId : ctx.organisationId}::uuid`;
  const { rows } = await sql<Row>`
    WITH r AS (${query}),
    a AS (
      INSERT INTO audit_log (organisation_id, actor_user_id, action, entity_type, entity_id, reason, request_id, details)
      SELECT ${organisation}, ${ctx.actorUserId}::uuid, ${event.action}::text, ${event.entityType}::text,
             ${event.entityId ?? null}::text, ${event.reason ?? null}::text, ${ctx.requestId}::text,
             ${JSON.stringify(event.details ?? {})}::jsonb
      FROM r LIMIT 1
    )
    SELECT * FROM r`.execute(trx);
  return rows[0];
}

/** Several rows at once, e.g. one per user in a list that was read. */
export async function recordAuditMany(trx: Trx, ctx: AuditContext, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('audit_log')
    .values(
      events.map((event) => ({
        organisation_id: event.organisationId !== undefined ? event.organisationId : ctx.organisationId,
        actor_user_id: ctx.actorUserId,
        action: event.action,
        entity_type: event.entityType,
        entity_id: event.entityId ?? null,
        reason: event.reason ?? null,
        request_id: ctx.requestId,
        details: JSON.stringify(event.details ?? {}),
      })),
    )
    .execute();
}

/**
 * R-CON-5: after the retention job has erased cases, clears the free-text reasons (break the
 * glass, legal hold) of their audit rows, which may name the client. The database function
 * touches only cases that no longer exist, in the current organisation.
 */
export async function forgetErasedCases(trx: Trx, caseIds: readonly string[]): Promise<number> {
  if (caseIds.length === 0) return 0;
  const { rows } = await sql<{ n: number }>`
    SELECT koop_audit_forget_erased_cases(${caseIds}::uuid[]) AS n`.execute(trx);
  return rows[0]?.n ?? 0;
}

/**
 * Deletes at most `limit` audit rows written before `before` (the installation's audit retention
 * period); returns how many went. The database refuses a cut-off younger than six months.
 */
export async function purgeAuditBefore(trx: Trx, before: Date, limit: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT koop_audit_purge(${before}::timestamptz, ${limit}::int) AS n`.execute(trx);
  return rows[0]?.n ?? 0;
}

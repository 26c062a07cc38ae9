import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';

export interface AuditFilter {
  organisationId?: string | undefined;
  actorUserId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  offset: number;
  limit: number;
  /** Entity types whose entity ids and reasons are withheld (and cannot be searched for). */
  withheld: readonly string[];
}

/** A page of audit rows, newest first; RLS limits it to what the transaction may see. */
export async function listAuditEntries(trx: Trx, filter: AuditFilter) {
  let query = trx.selectFrom('audit_log as a');
  if (filter.organisationId) query = query.where('a.organisation_id', '=', filter.organisationId);
  if (filter.actorUserId) query = query.where('a.actor_user_id', '=', filter.actorUserId);
  if (filter.entityType) query = query.where('a.entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('a.entity_id', '=', filter.entityId);
  if (filter.entityId && filter.withheld.length > 0)
    query = query.where('a.entity_type', 'not in', [...filter.withheld]);
  if (filter.action) query = query.where('a.action', '=', filter.action);
  if (filter.from) query = query.where('a.occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('a.occurred_at', '<', filter.to);
  const [items, count] = await Promise.all([
    query
      .leftJoin('users as u', 'u.id', 'a.actor_user_id')
      .select([
        'a.id',
        'a.occurred_at',
        'a.organisation_id',
        'a.actor_user_id',
        'u.display_name as actor_name',
        'a.action',
        'a.entity_type',
        withheldUnless(filter.withheld, sql.ref('a.entity_id')).as('entity_id'),
        withheldUnless(filter.withheld, sql.ref('a.reason')).as('reason'),
        'a.request_id',
      ])
      .orderBy('a.occurred_at', 'desc')
      .orderBy('a.id', 'desc')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** The column's value, or null on rows of a withheld entity type. */
function withheldUnless(withheld: readonly string[], column: ReturnType<typeof sql.ref>) {
  if (withheld.length === 0) return sql<string | null>`${column}`;
  return sql<string | null>`CASE WHEN a.entity_type IN (${sql.join(withheld)}) THEN NULL ELSE ${column} END`;
}

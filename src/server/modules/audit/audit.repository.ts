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
}

/** A page of audit rows, newest first; RLS limits it to what the transaction may see. */
export async function listAuditEntries(trx: Trx, filter: AuditFilter) {
  let query = trx.selectFrom('audit_log as a');
  if (filter.organisationId) query = query.where('a.organisation_id', '=', filter.organisationId);
  if (filter.actorUserId) query = query.where('a.actor_user_id', '=', filter.actorUserId);
  if (filter.entityType) query = query.where('a.entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('a.entity_id', '=', filter.entityId);
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
        'a.entity_id',
        'a.reason',
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

import { sql, type Insertable } from 'kysely';
import type { Trx } from '../../db/database.ts';
import type { ExchangeLinksTable } from '../exchange/exchange.tables.ts';

/** SQL of one-time links. Every query runs in the caller's transaction and organisation context. */

const linkColumns = [
  'id',
  'number',
  'thread_id',
  'provider_organisation_id',
  'partner_organisation_id',
  'channel',
  'code_hash',
  'birth_year',
  'email',
  'expires_at',
  'opened_at',
  'answered_at',
  'revoked_at',
  'failed_attempts',
  'locked_until',
  'created_by',
  'created_at',
] as const;

export type LinkRow = Awaited<ReturnType<typeof findLink>> & {};

export function findLink(trx: Trx, id: string) {
  return trx.selectFrom('exchange_links').select(linkColumns).where('id', '=', id).executeTakeFirst();
}

/** The link locked for this transaction: an opening and an answer cannot cross. */
export function lockLink(trx: Trx, id: string) {
  return trx
    .selectFrom('exchange_links')
    .select(linkColumns)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function linksOfThread(trx: Trx, threadId: string) {
  return trx
    .selectFrom('exchange_links as l')
    .innerJoin('users as u', 'u.id', 'l.created_by')
    .select(linkColumns.map((c) => `l.${c}` as const))
    .select('u.display_name as created_by_name')
    .where('l.thread_id', '=', threadId)
    .orderBy('l.created_at', 'desc')
    .execute();
}

export function insertLink(trx: Trx, values: Insertable<ExchangeLinksTable>) {
  return trx
    .insertInto('exchange_links')
    .values(values)
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
}

export function revokeLink(trx: Trx, id: string, by: string, at: Date) {
  return trx
    .updateTable('exchange_links')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export function markOpened(trx: Trx, id: string, readerHash: string, at: Date) {
  return trx
    .updateTable('exchange_links')
    .set({ opened_at: at, reader_hash: readerHash, failed_attempts: 0, locked_until: null })
    .where('id', '=', id)
    .execute();
}

export function markAnswered(trx: Trx, id: string, at: Date) {
  return trx.updateTable('exchange_links').set({ answered_at: at }).where('id', '=', id).execute();
}

export function recordWrongCode(trx: Trx, id: string, failedAttempts: number, lockedUntil: Date | null) {
  return trx
    .updateTable('exchange_links')
    .set({ failed_attempts: failedAttempts, locked_until: lockedUntil })
    .where('id', '=', id)
    .execute();
}

/**
 * Resolves a link's secret through `koop_find_link` and, in the same statement, opens the
 * recipient organisation's context for the rest of the transaction (like a session).
 */
export async function resolveLinkHolder(
  trx: Trx,
  by: 'token' | 'reader' | 'number',
  key: string,
): Promise<{ linkId: string; organisationId: string } | undefined> {
  const { rows } = await sql<{ link_id: string; organisation_id: string }>`
    SELECT f.link_id, f.organisation_id,
           set_config('role', 'koop_app', true),
           set_config('koop.org_id', f.organisation_id::text, true),
           set_config('koop.user_id', '', true)
    FROM koop_find_link(${by}, ${key}) AS f`.execute(trx);
  const row = rows[0];
  return row ? { linkId: row.link_id, organisationId: row.organisation_id } : undefined;
}

/** The counselling side's messages of a thread as read by the link's holder (a read receipt). */
export function markProviderMessagesRead(
  trx: Trx,
  threadId: string,
  providerOrganisationId: string,
  at: Date,
) {
  return trx
    .updateTable('exchange_messages')
    .set({ read_at: at })
    .where('thread_id', '=', threadId)
    .where('author_organisation_id', '=', providerOrganisationId)
    .where('read_at', 'is', null)
    .execute();
}

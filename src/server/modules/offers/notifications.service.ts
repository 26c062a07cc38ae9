import type { RequestContext } from '../../http/request-context.ts';
import { recordAudit } from '../../audit/audit.ts';
import { authorizeOffer, type OfferResource } from './offers.policy.ts';
import * as repo from './offers.repository.ts';
import { presentOffer, visibleTo } from './offers.service.ts';

/**
 * Notifications of new partner offers for counselling staff (R-OFF-4): what is unread, marking
 * read, and how often a digest comes by e-mail. The digest itself is sent by digest.ts.
 */

export type DigestFrequency = 'none' | 'daily' | 'weekly';

/** Without a choice of their own, counselling staff get a weekly digest. */
export const defaultDigestFrequency: DigestFrequency = 'weekly';

function ownNotifications(ctx: RequestContext): OfferResource {
  return { type: 'notifications', organisationId: ctx.actor.organisationId };
}

export async function listNotifications(
  ctx: RequestContext,
  query: { unread: 'true' | 'false'; offset: number; limit: number },
) {
  authorizeOffer(ctx.actor, 'notification.list', ownNotifications(ctx));
  const unreadCount = await repo.countUnread(ctx.trx, ctx.actor.userId);
  const rows = visibleTo(
    ctx.actor,
    query.unread === 'true'
      ? await repo.listUnreadOffers(ctx.trx, ctx.actor.userId, query)
      : await repo.listOffers(ctx.trx, {}, query),
  );
  const read = await repo.readOfferIds(
    ctx.trx,
    ctx.actor.userId,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((row) => ({ ...presentOffer(ctx.actor, row), read: read.has(row.id) })),
    total: query.unread === 'true' ? unreadCount : await repo.countOffers(ctx.trx),
    unread: unreadCount,
  };
}

export async function markRead(ctx: RequestContext, input: { offerIds: string[] } | { all: true }) {
  authorizeOffer(ctx.actor, 'notification.update', ownNotifications(ctx));
  const marked = await repo.markRead(
    ctx.trx,
    { id: ctx.actor.userId, organisationId: ctx.actor.organisationId },
    'all' in input ? 'all' : input.offerIds,
    ctx.now,
  );
  return { marked, unread: await repo.countUnread(ctx.trx, ctx.actor.userId) };
}

export async function getDigestSettings(ctx: RequestContext) {
  authorizeOffer(ctx.actor, 'notification.list', ownNotifications(ctx));
  const row = await repo.findDigestSettings(ctx.trx, ctx.actor.userId);
  return {
    digest: (row?.frequency ?? defaultDigestFrequency) as DigestFrequency,
    lastSentAt: row?.last_sent_at ? row.last_sent_at.toISOString() : null,
  };
}

export async function saveDigestSettings(ctx: RequestContext, input: { digest: DigestFrequency }) {
  authorizeOffer(ctx.actor, 'notification.update', ownNotifications(ctx));
  const row = await repo.saveDigestSettings(
    ctx.trx,
    { id: ctx.actor.userId, organisationId: ctx.actor.organisationId },
    input.digest,
    ctx.now,
  );
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'notification.settings_updated',
    entityType: 'user',
    entityId: ctx.actor.userId,
    details: { digest: input.digest },
  });
  return {
    digest: row.frequency as DigestFrequency,
    lastSentAt: row.last_sent_at ? row.last_sent_at.toISOString() : null,
  };
}

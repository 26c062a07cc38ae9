import { inTenantTransaction, type Db } from '../../db/database.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { Mail, Mailer } from '../../mail/mailer.ts';
import type { Actor } from '../../policy/policy.ts';
import type { OrganisationKind, Role } from '../../policy/roles.ts';
import { berlinToday, berlinWallClock, mondayOf } from '../directory/schedule.ts';
import { canOffer } from './offers.policy.ts';
import * as repo from './offers.repository.ts';
import { visibleTo } from './offers.service.ts';
import type { OfferKind } from './offers.values.ts';
import { defaultDigestFrequency, type DigestFrequency } from './notifications.service.ts';
import { scheduleJob } from '../../jobs/schedule.ts';
import { digestTexts, mailLocale, type DigestTexts } from './digest.texts.ts';

/**
 * The e-mail digest of new partner offers (R-OFF-4). Each recipient's digest is built in a
 * transaction of their own organisation and user (RLS), and every offer is checked against the
 * policy once more: a digest contains only what its recipient may see. The clock is passed in,
 * so tests (and a catch-up run) decide what "now" is.
 */

/** Digests go out from this Berlin time on: daily once a day, weekly once a week from Monday. */
export const digestHour = '07:00:00';

/** Whether a recipient's digest is due at `now`. */
export function digestDue(frequency: DigestFrequency, lastSentAt: Date | null, now: Date): boolean {
  if (frequency === 'none') return false;
  const wall = berlinWallClock(now);
  if (wall.time < digestHour) return false;
  const lastDate = lastSentAt ? berlinToday(lastSentAt) : null;
  if (lastDate === null) return true;
  return frequency === 'daily' ? lastDate < wall.date : lastDate < mondayOf(wall.date);
}

interface Recipient {
  id: string;
  organisation_id: string;
  email: string;
  display_name: string;
  locale: string;
  roles: string[];
  organisation_kind: string;
  frequency: string | null;
  last_sent_at: Date | null;
}

/** Active staff of counselling providers, with their digest settings (operator scope: across organisations). */
function listRecipients(db: Db): Promise<Recipient[]> {
  return inTenantTransaction(db, { organisationId: null, userId: null, allOrganisations: true }, (trx) =>
    trx
      .selectFrom('users as u')
      .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
      .leftJoin('digest_settings as d', 'd.user_id', 'u.id')
      .select([
        'u.id',
        'u.organisation_id',
        'u.email',
        'u.display_name',
        'u.locale',
        'u.roles',
        'o.kind as organisation_kind',
        'd.frequency',
        'd.last_sent_at',
      ])
      .where('u.status', '=', 'active')
      .where('o.deactivated_at', 'is', null)
      .where('o.kind', '=', 'welfare_provider')
      .orderBy('u.id')
      .execute(),
  );
}

function offerLines(offer: repo.OfferRow, publicUrl: string, text: DigestTexts): string[] {
  const facts = [
    text.category(offer),
    offer.starts_on ? text.startsOn(offer.starts_on) : null,
    offer.schedule,
    offer.place ?? offer.city,
    offer.free_places !== null ? text.freePlaces(offer.free_places) : null,
    offer.childcare === true ? text.childcare : null,
    offer.effective_from ? text.effectiveFrom(offer.effective_from) : null,
    offer.reference,
  ].filter(Boolean);
  return [
    `• ${offer.title}`,
    `  ${offer.organisation_name}`,
    ...(facts.length > 0 ? [`  ${facts.join(' · ')}`] : []),
    `  ${publicUrl}/angebote/${offer.id}`,
  ];
}

/** The text of one digest, in the recipient's language (texts in digest.texts.ts). */
export function digestMail(
  recipient: { email: string; display_name: string; locale?: string },
  offers: readonly repo.OfferRow[],
  frequency: DigestFrequency,
  publicUrl: string,
): Mail {
  const language = mailLocale(recipient.locale);
  const text = digestTexts[language];
  const lines = [
    text.greeting(recipient.display_name),
    '',
    text.intro(frequency === 'daily' ? 'daily' : 'weekly'),
  ];
  for (const kind of ['course', 'measure', 'regulation'] as const satisfies readonly OfferKind[]) {
    const ofKind = offers.filter((o) => o.kind === kind);
    if (ofKind.length === 0) continue;
    lines.push('', `${text.sections[kind]} (${ofKind.length})`, '');
    for (const offer of ofKind) lines.push(...offerLines(offer, publicUrl, text));
  }
  lines.push('', text.allNotifications(`${publicUrl}/benachrichtigungen`), text.settingsHint);
  return {
    to: recipient.email,
    subject: text.subject(offers.length),
    text: lines.join('\n'),
    language,
  };
}

export interface DigestRun {
  sent: number;
  empty: number;
  failed: number;
}

/** Sends every digest that is due at `now`. Safe to run often and on several instances. */
export async function runDigests(
  deps: { db: Db; mailer: Mailer; publicUrl: string; log?: (err: unknown) => void },
  now: Date,
): Promise<DigestRun> {
  const run: DigestRun = { sent: 0, empty: 0, failed: 0 };
  if (!deps.mailer.configured) return run;
  for (const recipient of await listRecipients(deps.db)) {
    const frequency = (recipient.frequency ?? defaultDigestFrequency) as DigestFrequency;
    if (!digestDue(frequency, recipient.last_sent_at, now)) continue;
    try {
      const outcome = await sendDigest(deps, recipient, frequency, now);
      if (outcome === 'sent') run.sent++;
      else if (outcome === 'empty') run.empty++;
    } catch (err) {
      run.failed++;
      deps.log?.(err);
    }
  }
  return run;
}

async function sendDigest(
  deps: { db: Db; mailer: Mailer; publicUrl: string },
  recipient: Recipient,
  frequency: DigestFrequency,
  now: Date,
): Promise<'sent' | 'empty' | 'skipped'> {
  const context = {
    organisationId: recipient.organisation_id,
    userId: recipient.id,
    allOrganisations: false,
  };
  return inTenantTransaction(deps.db, context, async (trx) => {
    // Claim this digest: only the run that moves last_sent_at from what it read sends it.
    const claimed = await trx
      .insertInto('digest_settings')
      .values({
        user_id: recipient.id,
        organisation_id: recipient.organisation_id,
        frequency,
        last_sent_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc
          .column('user_id')
          .doUpdateSet({ last_sent_at: now })
          .where('digest_settings.last_sent_at', 'is not distinct from', recipient.last_sent_at),
      )
      .returning('user_id')
      .executeTakeFirst();
    if (!claimed) return 'skipped';

    const actor: Actor = {
      userId: recipient.id,
      organisationId: recipient.organisation_id,
      organisationKind: recipient.organisation_kind as OrganisationKind,
      roles: recipient.roles as Role[],
    };
    if (
      !canOffer(actor, 'notification.list', { type: 'notifications', organisationId: actor.organisationId })
    ) {
      return 'skipped';
    }
    const days = frequency === 'daily' ? 1 : 7;
    const since = recipient.last_sent_at ?? new Date(now.getTime() - days * 86_400_000);
    const offers = visibleTo(
      actor,
      await repo.listOffers(trx, { publishedAfter: since, publishedUntil: now }),
    );
    if (offers.length === 0) return 'empty';
    await deps.mailer.send(digestMail(recipient, offers, frequency, deps.publicUrl));
    await recordAudit(
      trx,
      {
        organisationId: recipient.organisation_id,
        actorUserId: null,
        requestId: `digest-${now.toISOString()}`,
      },
      {
        action: 'notification.digest_sent',
        entityType: 'user',
        entityId: recipient.id,
        details: { frequency, offers: offers.length },
      },
    );
    return 'sent';
  });
}

/** Runs the digest every `intervalMs` in this process; returns a function that stops it. */
export function startDigestJob(
  deps: { db: Db; mailer: Mailer; publicUrl: string; log: (err: unknown) => void },
  clock: () => Date = () => new Date(),
  intervalMs = 15 * 60_000,
): () => void {
  return scheduleJob({ intervalMs, run: () => runDigests(deps, clock()), onError: deps.log });
}

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { recordAudit } from '../../audit/audit.ts';
import { inTenantTransaction, switchOrganisation, type Db } from '../../db/database.ts';
import { scheduleJob } from '../../jobs/schedule.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { berlinToday } from '../directory/schedule.ts';
import { applyTransition, dueTransition } from './agreements.lifecycle.ts';
import type { AgreementModel, AgreementStatus } from './agreements.values.ts';

/**
 * The clock's part of the lifecycle (R-AGR-4, R-AGR-6): an agreement whose term ends within
 * `renewalReminderDays` becomes "renewal due" and its central contacts get one reminder per term;
 * one past its end expires. Meetings starting within the next week remind their attendees once.
 * Mails name the agreement and the meeting, never a person counselled. One transaction behind an
 * advisory lock, per counselling provider in its own RLS context (every agreement has one).
 */

const lockName = 'koop.agreement_reminders';
const meetingReminderDays = 7;

export interface ReminderResult {
  ran: boolean;
  transitions: number;
  mails: number;
}

export async function runAgreementReminders(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  now: Date,
): Promise<ReminderResult> {
  return inTenantTransaction(
    db,
    { organisationId: null, userId: null, allOrganisations: false },
    async (trx) => {
      const lock = await sql<{ locked: boolean }>`
      SELECT pg_try_advisory_xact_lock(hashtext(${lockName})::bigint) AS locked`.execute(trx);
      if (!lock.rows[0]?.locked) return { ran: false, transitions: 0, mails: 0 };
      const today = berlinToday(now);
      const providers = await trx
        .selectFrom('organisations')
        .select('id')
        .where('kind', '=', 'welfare_provider')
        .orderBy('id')
        .execute();
      const done = new Set<string>();
      let transitions = 0;
      let mails = 0;
      for (const provider of providers) {
        await switchOrganisation(trx, provider.id);
        const job = { organisationId: provider.id, actorUserId: null, requestId: 'job:agreement-reminders' };
        const agreements = await trx
          .selectFrom('agreements')
          .select([
            'id',
            'title',
            'model',
            'status',
            'starts_on',
            'ends_on',
            'renewal_reminded_for',
            'version',
          ])
          .where('status', 'in', ['active', 'renewal_due', 'renewed'])
          .where('ends_on', 'is not', null)
          .forUpdate()
          .execute();
        for (const a of agreements) {
          if (done.has(a.id)) continue;
          done.add(a.id);
          const state = {
            model: a.model as AgreementModel,
            status: a.status as AgreementStatus,
            startsOn: a.starts_on,
            endsOn: a.ends_on,
          };
          const due = dueTransition(state, today);
          if (due === null) continue;
          const result = applyTransition(state, { type: due }, 'system', today);
          if (!result.ok) continue;
          await trx
            .updateTable('agreements')
            .set({
              status: result.state.status,
              version: a.version + 1,
              updated_at: now,
              ...(due === 'mark_renewal_due' ? { renewal_reminded_for: a.ends_on } : {}),
            })
            .where('id', '=', a.id)
            .execute();
          await trx
            .insertInto('agreement_transitions')
            .values({
              id: randomUUID(),
              agreement_id: a.id,
              organisation_id: null,
              transition: due,
              from_status: result.record.fromStatus,
              to_status: result.record.toStatus,
              reason: null,
              actor_user_id: null,
              actor_name: null,
              on_date: today,
              at: now,
            })
            .execute();
          await recordAudit(trx, job, {
            action: 'agreement.transitioned',
            entityType: 'agreement',
            entityId: a.id,
            details: { transition: due, from: a.status, to: result.state.status, by: 'clock' },
          });
          transitions++;
          if (due === 'mark_renewal_due' && a.renewal_reminded_for !== a.ends_on) {
            const contacts = await trx
              .selectFrom('agreement_people')
              .select(['name', 'email'])
              .where('agreement_id', '=', a.id)
              .where('role', '=', 'central_contact')
              .where('email', 'is not', null)
              .execute();
            for (const c of contacts) {
              if (!c.email) continue;
              const sent = await mailer.send({
                to: c.email,
                subject: `Verlängerung steht an: ${a.title}`,
                text: `Guten Tag ${c.name},\n\ndie Kooperationsvereinbarung „${a.title}“ endet am ${a.ends_on ?? ''}. Sie kann jeweils um ein Jahr verlängert werden.\n\n${publicUrl}/kooperationen/${a.id}`,
                language: 'de',
              });
              if (sent) mails++;
            }
            await recordAudit(trx, job, {
              action: 'agreement.renewal_reminded',
              entityType: 'agreement',
              entityId: a.id,
              details: { recipients: contacts.length },
            });
          }
        }
        // meetings of the coming week: one reminder each to attendees with an address
        const soon = new Date(now.getTime() + meetingReminderDays * 86_400_000);
        const meetings = await trx
          .selectFrom('agreement_meetings as m')
          .innerJoin('agreements as g', 'g.id', 'm.agreement_id')
          .select(['m.id', 'm.title', 'm.starts_at', 'm.agreement_id', 'g.title as agreement_title'])
          .where('m.status', '=', 'planned')
          .where('m.reminded_at', 'is', null)
          .where('m.starts_at', '>', now)
          .where('m.starts_at', '<=', soon)
          .forUpdate()
          .execute();
        for (const m of meetings) {
          if (done.has(m.id)) continue;
          done.add(m.id);
          const attendees = await trx
            .selectFrom('agreement_meeting_attendees')
            .select(['name', 'email'])
            .where('meeting_id', '=', m.id)
            .where('email', 'is not', null)
            .execute();
          for (const p of attendees) {
            if (!p.email) continue;
            const when = new Intl.DateTimeFormat('de-DE', {
              timeZone: 'Europe/Berlin',
              dateStyle: 'full',
              timeStyle: 'short',
            }).format(m.starts_at);
            if (
              await mailer.send({
                to: p.email,
                subject: `Erinnerung: ${m.title}`,
                text: `Guten Tag ${p.name},\n\nzur Erinnerung: ${m.title} am ${when}.\nKooperation: ${m.agreement_title}\n\n${publicUrl}/kooperationen/${m.agreement_id}`,
                language: 'de',
              })
            ) {
              mails++;
            }
          }
          await trx
            .updateTable('agreement_meetings')
            .set({ reminded_at: now })
            .where('id', '=', m.id)
            .execute();
          await recordAudit(trx, job, {
            action: 'meeting.reminded',
            entityType: 'meeting',
            entityId: m.id,
            details: { recipients: attendees.length },
          });
        }
      }
      return { ran: true, transitions, mails };
    },
  );
}

/** Hourly in the running app; returns a function that stops it. */
export function scheduleAgreementReminders(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  log: { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void },
): () => void {
  return scheduleJob({
    intervalMs: 3_600_000,
    firstRunMs: 120_000,
    run: async () => {
      const result = await runAgreementReminders(db, mailer, publicUrl, new Date());
      if (result.transitions > 0 || result.mails > 0) log.info({ ...result }, 'Kooperationen: Erinnerungen');
    },
    onError: (err) => log.error({ err }, 'Kooperationen: Erinnerungslauf fehlgeschlagen'),
  });
}

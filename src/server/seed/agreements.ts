import { randomUUID } from 'node:crypto';
import { inTenantTransaction, switchOrganisation, type Db } from '../db/database.ts';
import { oneYearTermEnd, addDays } from '../modules/agreements/agreements.lifecycle.ts';
import { meetingSchedule } from '../modules/agreements/agreements.meetings.ts';
import { agreementTemplates } from '../modules/agreements/agreements.templates.ts';
import { berlinToday } from '../modules/directory/schedule.ts';

/**
 * Demo cooperations of Musterstadt (R-AGR-1..7): the ABH agreement with clearing office between
 * the AWO and the Caritas (MBE and JMD together) and the Ausländerbehörde, signed and in force,
 * with signatories, central contacts, this year's meetings (one held, with minutes and an action
 * of Lena Leitung that is overdue), and a draft with the Jobcenter.
 */

const fill: Record<string, Record<string, string>> = {
  'abh.purpose': { authority: 'Musterstadt' },
  'abh.clearing_staffing': { days: '2', hours: '8' },
  'abh.premises': { premises: 'Raum 0.14 im Erdgeschoss; Telefon und Internet trägt die Behörde' },
  'abh.referral_information': { place: 'Musterstadt' },
  'abh.central_contact': { contact: 'Alma Zentral, Abteilungsleitung' },
  'abh.conflicts': { procedure: 'Klärung zwischen den zentralen Ansprechpersonen binnen zwei Wochen' },
};

function filled(clauseId: string, text: string, values: Record<string, string>): string {
  const own = fill[clauseId] ?? {};
  return text.replace(/\{(\w+)\}/g, (m, key: string) => own[key] ?? values[key] ?? m);
}

export async function seedAgreements(db: Db, now = new Date()): Promise<void> {
  await inTenantTransaction(
    db,
    { organisationId: null, userId: null, allOrganisations: true },
    async (trx) => {
      const orgs = await trx.selectFrom('organisations').select(['id', 'name']).execute();
      const org = (name: string) => orgs.find((o) => o.name === name)?.id ?? '';
      const awo = org('AWO Kreisverband Musterstadt e.V.');
      const caritas = org('Caritasverband Musterstadt e.V.');
      const abh = org('Ausländerbehörde Musterstadt');
      const jobcenter = org('Jobcenter Musterstadt');
      const users = await trx.selectFrom('users').select(['id', 'email', 'display_name']).execute();
      const user = (email: string) => users.find((u) => u.email === email);
      const lead = user('leitung@awo.example');
      await switchOrganisation(trx, awo);

      const today = berlinToday(now);
      const startsOn = `${today.slice(0, 4)}-01-01`;
      const endsOn = oneYearTermEnd(startsOn);
      const values = { start: startsOn, end: endsOn };

      // 1. The ABH agreement with clearing office, in force
      const abhId = randomUUID();
      const template = agreementTemplates.abh_clearing;
      await trx
        .insertInto('agreements')
        .values({
          id: abhId,
          model: 'abh_clearing',
          title: 'Kooperationsvereinbarung Clearingstelle Musterstadt',
          place: 'Musterstadt',
          status: 'active',
          starts_on: startsOn,
          ends_on: endsOn,
          responsibilities_provider:
            'Information über das Beratungsangebot, Beratung über Integrationskurse, Sondierung des Hilfebedarfs, Weitervermittlung, Statistik ohne Namen',
          responsibilities_partner:
            'Räume und Ausstattung, Hinweis auf die Clearingstelle ohne Zwang, Information über neue Verordnungen',
          clearing_days_per_week: 2,
          clearing_hours_per_week: 8,
          premises: 'Raum 0.14 im Erdgeschoss, eigenes Türschild der freien Träger',
          communication: JSON.stringify(template.meetings),
          renewal: 'Jeweils um ein Jahr',
          clause_version: 1,
          signed_version: 1,
          created_by_organisation_id: awo,
          created_by: lead?.id ?? null,
          created_at: new Date(`${addDays(startsOn, -30)}T09:00:00Z`),
          updated_at: now,
        })
        .execute();
      const parties = [
        { id: randomUUID(), organisation_id: awo, side: 'provider' },
        { id: randomUUID(), organisation_id: caritas, side: 'provider' },
        { id: randomUUID(), organisation_id: abh, side: 'partner' },
      ];
      for (const p of parties)
        await trx
          .insertInto('agreement_parties')
          .values({ ...p, agreement_id: abhId })
          .execute();
      const [awoParty, caritasParty, abhParty] = parties.map((p) => p.id) as [string, string, string];
      const people = [
        {
          party_id: awoParty,
          role: 'signatory',
          name: 'Dr. Gerda Vorstand',
          function: 'Geschäftsführung',
          email: null,
        },
        {
          party_id: awoParty,
          role: 'central_contact',
          name: lead?.display_name ?? 'Leitung AWO',
          function: 'Leitung Migrationsdienste',
          email: 'leitung@awo.example',
        },
        {
          party_id: caritasParty,
          role: 'signatory',
          name: 'Bernd Caritas',
          function: 'Vorstand',
          email: null,
        },
        {
          party_id: abhParty,
          role: 'signatory',
          name: 'Ria Amtsleitung',
          function: 'Amtsleitung',
          email: null,
        },
        {
          party_id: abhParty,
          role: 'central_contact',
          name: 'Alma Zentral',
          function: 'Abteilungsleitung',
          email: 'zentrale@abh.example',
        },
      ];
      for (const person of people) {
        await trx
          .insertInto('agreement_people')
          .values({ id: randomUUID(), agreement_id: abhId, phone: null, ...person })
          .execute();
      }
      await trx
        .insertInto('agreement_clauses')
        .values(
          template.clauses.map((c, position) => ({
            agreement_id: abhId,
            clause_version: 1,
            clause_id: c.id,
            position,
            title: c.title,
            text: filled(c.id, c.text, values),
            selected: c.selected || c.id === 'abh.hours_in_premises',
            own: false,
          })),
        )
        .execute();
      const steps: [string, string, string, string][] = [
        ['start_negotiation', 'draft', 'negotiation', addDays(startsOn, -30)],
        ['sign', 'negotiation', 'signed', addDays(startsOn, -10)],
        ['activate', 'signed', 'active', addDays(startsOn, -10)],
      ];
      for (const [transition, from, to, on] of steps) {
        await trx
          .insertInto('agreement_transitions')
          .values({
            id: randomUUID(),
            agreement_id: abhId,
            organisation_id: awo,
            transition,
            from_status: from,
            to_status: to,
            reason: null,
            actor_user_id: lead?.id ?? null,
            actor_name: lead?.display_name ?? null,
            on_date: on,
            at: new Date(`${on}T10:00:00Z`),
          })
          .execute();
      }
      await trx
        .insertInto('agreement_comments')
        .values({
          id: randomUUID(),
          agreement_id: abhId,
          organisation_id: awo,
          author_user_id: lead?.id ?? null,
          author_name: lead?.display_name ?? 'Leitung AWO',
          clause_id: 'abh.premises',
          body: 'Das Türschild nennt die freien Träger, nicht die Behörde – so ist die Unabhängigkeit erkennbar.',
          created_at: new Date(`${addDays(startsOn, -25)}T10:00:00Z`),
        })
        .execute();
      const year = Number(today.slice(0, 4));
      const meetings = meetingSchedule(template.meetings, year);
      let first: string | null = null;
      for (const m of meetings) {
        const id = randomUUID();
        const held = m.startsAt < now;
        first ??= held ? id : null;
        await trx
          .insertInto('agreement_meetings')
          .values({
            id,
            agreement_id: abhId,
            kind: m.kind,
            title: m.title,
            starts_at: m.startsAt,
            location: 'Ausländerbehörde Musterstadt, Behördenring 2',
            status: held ? 'held' : 'planned',
            minutes: held
              ? 'Stand der Clearingstelle besprochen; Grundlage war die Statistik des Halbjahres.'
              : null,
            created_by_organisation_id: awo,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await trx
          .insertInto('agreement_meeting_attendees')
          .values([
            {
              id: randomUUID(),
              agreement_id: abhId,
              meeting_id: id,
              name: 'Alma Zentral',
              email: 'zentrale@abh.example',
              organisation_id: abh,
            },
            {
              id: randomUUID(),
              agreement_id: abhId,
              meeting_id: id,
              name: lead?.display_name ?? 'Leitung AWO',
              email: 'leitung@awo.example',
              organisation_id: awo,
            },
          ])
          .execute();
      }
      // an action agreed in a meeting, due a week ago: on Lena Leitung's Übersicht
      const meetingId =
        first ??
        (
          await trx
            .selectFrom('agreement_meetings')
            .select('id')
            .where('agreement_id', '=', abhId)
            .executeTakeFirstOrThrow()
        ).id;
      await trx
        .insertInto('agreement_actions')
        .values({
          id: randomUUID(),
          agreement_id: abhId,
          meeting_id: meetingId,
          title: 'Aktuelle Flyer in mehreren Sprachen in der Wartezone auslegen',
          owner_user_id: lead?.id ?? null,
          owner_name: lead?.display_name ?? 'Leitung AWO',
          owner_organisation_id: awo,
          due_on: addDays(today, -7),
        })
        .execute();

      // 2. A draft with the Jobcenter
      const jcId = randomUUID();
      const jcTemplate = agreementTemplates.jobcenter;
      await trx
        .insertInto('agreements')
        .values({
          id: jcId,
          model: 'jobcenter',
          title: 'Kooperationsvereinbarung mit dem Jobcenter Musterstadt',
          place: 'Musterstadt',
          communication: JSON.stringify(jcTemplate.meetings),
          created_by_organisation_id: awo,
          created_by: lead?.id ?? null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      for (const [organisation_id, side] of [
        [awo, 'provider'],
        [caritas, 'provider'],
        [jobcenter, 'partner'],
      ] as const) {
        await trx
          .insertInto('agreement_parties')
          .values({ id: randomUUID(), agreement_id: jcId, organisation_id, side })
          .execute();
      }
      await trx
        .insertInto('agreement_clauses')
        .values(
          jcTemplate.clauses.map((c, position) => ({
            agreement_id: jcId,
            clause_version: 1,
            clause_id: c.id,
            position,
            title: c.title,
            text: c.text,
            selected: c.selected,
            own: false,
          })),
        )
        .execute();
    },
  );
}

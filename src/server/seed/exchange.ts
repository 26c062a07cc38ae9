import { sql } from 'kysely';
import { inTenantTransaction, type Db } from '../db/database.ts';
import { addDays, berlinToday } from '../modules/cases/cases.rules.ts';

/**
 * Demo exchange of Musterstadt: the partners' teams (Jobcenter "Team Integration", the ABH's
 * "Team Aufenthalt", the language school's "Kursbüro", and the "Kursbüro Lingua" of a course
 * provider that is not on Koop) and, for Amina Haddad, consents signed on screen to the
 * Jobcenter's Team Integration and to Lingua's course office, so a counsellor can send a
 * disclosure at once — and deliver the one to Lingua by one-time link or letter.
 */

const teams = [
  { organisation: 'Jobcenter Musterstadt', name: 'Team Integration', members: ['pap@jobcenter.example'] },
  {
    organisation: 'Ausländerbehörde Musterstadt',
    name: 'Team Aufenthalt',
    members: ['sachbearbeitung@abh.example'],
  },
  { organisation: 'Sprachschule Musterstadt gGmbH', name: 'Kursbüro', members: [] as string[] },
  {
    organisation: 'Bildungswerk Lingua Musterstadt',
    name: 'Kursbüro Lingua',
    members: [] as string[],
    email: 'kursbuero@lingua.example',
  },
];

export async function seedExchange(db: Db, now = new Date()): Promise<void> {
  const organisations = await db.selectFrom('organisations').select(['id', 'name']).execute();
  const idOf = (name: string) => organisations.find((o) => o.name === name)?.id;
  const teamIds = new Map<string, string>();
  for (const team of teams) {
    const organisationId = idOf(team.organisation);
    if (!organisationId) continue;
    await inTenantTransaction(db, { organisationId, userId: null, allOrganisations: false }, async (trx) => {
      const partnerStaff = await trx
        .selectFrom('users')
        .select('email')
        .where(sql<boolean>`'partner_staff' = ANY (roles)`)
        .execute();
      const members = team.members.length > 0 ? team.members : partnerStaff.map((u) => u.email);
      const { id } = await trx
        .insertInto('partner_teams')
        .values({ organisation_id: organisationId, name: team.name, email: team.email ?? null, phone: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      teamIds.set(team.name, id);
      if (members.length === 0) return;
      const users = await trx.selectFrom('users').select('id').where('email', 'in', members).execute();
      for (const user of users) {
        await trx
          .insertInto('partner_team_members')
          .values({ team_id: id, user_id: user.id, organisation_id: organisationId })
          .execute();
      }
    });
  }
  const jobcenter = idOf('Jobcenter Musterstadt');
  const team = teamIds.get('Team Integration');
  const lingua = idOf('Bildungswerk Lingua Musterstadt');
  const linguaTeam = teamIds.get('Kursbüro Lingua');
  for (const provider of organisations) {
    await inTenantTransaction(
      db,
      { organisationId: provider.id, userId: null, allOrganisations: false },
      async (trx) => {
        const amina = await trx
          .selectFrom('cases')
          .innerJoin('clients', 'clients.id', 'cases.client_id')
          .select(['cases.id as case_id', 'cases.client_id', 'cases.owner_user_id', 'cases.office_id'])
          .where('clients.family_name', '=', 'Haddad')
          .where('clients.given_name', '=', 'Amina')
          .where('cases.status', '=', 'open')
          .executeTakeFirst();
        if (!amina) return;
        const today = berlinToday(now);
        const consents = [
          {
            recipient: jobcenter,
            team,
            purpose: 'integration_jobcenter',
            purpose_label: 'Abstimmung mit dem Jobcenter zur Integration',
            purpose_label_en: 'Coordination with the Jobcenter on integration',
            purpose_text: 'Abstimmung der Unterstützung beim Sprachkurs und bei der Arbeitssuche',
            categories: ['identity_contact', 'language_courses', 'analysis_results', 'plan_goals'],
          },
          {
            recipient: lingua,
            team: linguaTeam,
            purpose: 'course_participation',
            purpose_label: 'Teilnahme an einem Kurs',
            purpose_label_en: 'Participation in a course',
            purpose_text: 'Anmeldung zum Kurs mit Kinderbetreuung',
            categories: ['identity_contact', 'language_courses'],
          },
        ];
        for (const c of consents) {
          if (!c.recipient || !c.team) continue;
          const { id } = await trx
            .insertInto('consents')
            .values({
              organisation_id: provider.id,
              client_id: amina.client_id,
              case_id: amina.case_id,
              office_id: amina.office_id,
              recipient_organisation_id: c.recipient,
              recipient_team_id: c.team,
              recipient_user_id: null,
              purpose: c.purpose,
              purpose_label: c.purpose_label,
              purpose_label_en: c.purpose_label_en,
              purpose_text: c.purpose_text,
              categories: c.categories,
              direction: 'both',
              repetition: 'repeated',
              valid_from: addDays(today, -7),
              valid_until: addDays(today, 180),
              form: 'on_screen',
              form_language: 'ar',
              taken_by: amina.owner_user_id,
              given_at: new Date(now.getTime() - 7 * 86_400_000),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('consent_events')
            .values({
              organisation_id: provider.id,
              consent_id: id,
              event: 'given',
              actor_user_id: amina.owner_user_id,
            })
            .execute();
        }
      },
    );
  }
}

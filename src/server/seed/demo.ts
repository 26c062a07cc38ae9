import type { Db } from '../db/database.ts';
import { inTenantTransaction, switchOrganisation } from '../db/database.ts';
import { hashPassword } from '../modules/auth/auth.crypto.ts';
import type { Role } from '../policy/roles.ts';
import { seedDirectory } from './directory.ts';
import { seedCases } from './cases.ts';
import { seedExchange } from './exchange.ts';
import { seedReferrals } from './referrals.ts';
import { seedClearing } from './clearing.ts';
import { seedAgreements } from './agreements.ts';
import { seedStatistics } from './statistics.ts';

/** The password of every demo account (README, "Demo-Zugänge"). */
export const demoPassword = 'Koop-Demo-2026';

interface DemoOrganisation {
  key: string;
  name: string;
  kind: string;
  umbrella?: string;
  services?: string[];
  funding?: string;
  dataProtectionLaw?: string;
  hostsClearingOffice?: boolean;
  street: string;
  postcode: string;
  city: string;
  phone: string;
  email: string;
  offices?: {
    name: string;
    street: string;
    postcode: string;
    phone: string;
    email: string;
    services: string[];
  }[];
  users: { email: string; name: string; roles: Role[]; functionTitle?: string; phone?: string }[];
}

/** The fictional city of Musterstadt: two welfare providers, a Jobcenter, an ABH with clearing office, two course providers. */
export const demoOrganisations: DemoOrganisation[] = [
  {
    key: 'operator',
    name: 'Koop Betrieb Musterstadt',
    kind: 'operator',
    street: 'Rathausplatz 1',
    postcode: '12345',
    city: 'Musterstadt',
    phone: '0123 4567-0',
    email: 'betrieb@koop.example',
    users: [{ email: 'admin@koop.example', name: 'Sam Systemadmin', roles: ['system_admin'] }],
  },
  {
    key: 'awo',
    name: 'AWO Kreisverband Musterstadt e.V.',
    kind: 'welfare_provider',
    umbrella: 'AWO',
    services: ['MBE', 'JMD'],
    funding: 'federal',
    dataProtectionLaw: 'dsgvo',
    street: 'Marktplatz 5',
    postcode: '12345',
    city: 'Musterstadt',
    phone: '0123 4567-100',
    email: 'migration@awo-musterstadt.example',
    offices: [
      {
        name: 'Migrationsberatung Innenstadt',
        street: 'Marktplatz 5',
        postcode: '12345',
        phone: '0123 4567-110',
        email: 'mbe@awo-musterstadt.example',
        services: ['MBE', 'JMD'],
      },
      {
        name: 'Jugendmigrationsdienst Nordstadt',
        street: 'Lindenweg 12',
        postcode: '12347',
        phone: '0123 4567-120',
        email: 'jmd@awo-musterstadt.example',
        services: ['JMD'],
      },
    ],
    users: [
      {
        email: 'berater@awo.example',
        name: 'Aylin Berater',
        roles: ['counsellor'],
        functionTitle: 'Beraterin MBE',
      },
      { email: 'jmd@awo.example', name: 'Jonas Jugend', roles: ['counsellor'], functionTitle: 'Berater JMD' },
      {
        email: 'leitung@awo.example',
        name: 'Lena Leitung',
        roles: ['team_lead', 'central_contact'],
        functionTitle: 'Fachbereichsleitung Migration',
        phone: '0123 4567-101',
      },
      { email: 'admin@awo.example', name: 'Anton Admin', roles: ['org_admin'], functionTitle: 'Verwaltung' },
      {
        email: 'clearing@awo.example',
        name: 'Clara Clearing',
        roles: ['clearing_staff'],
        functionTitle: 'Fachkraft Clearingstelle',
      },
    ],
  },
  {
    key: 'caritas',
    name: 'Caritasverband Musterstadt e.V.',
    kind: 'welfare_provider',
    umbrella: 'Caritas',
    services: ['MBE'],
    funding: 'federal',
    dataProtectionLaw: 'kdg',
    street: 'Kirchgasse 3',
    postcode: '12346',
    city: 'Musterstadt',
    phone: '0123 4568-200',
    email: 'migration@caritas-musterstadt.example',
    offices: [
      {
        name: 'Migrationsberatung Südstadt',
        street: 'Kirchgasse 3',
        postcode: '12346',
        phone: '0123 4568-210',
        email: 'mbe@caritas-musterstadt.example',
        services: ['MBE'],
      },
    ],
    users: [
      {
        email: 'berater@caritas.example',
        name: 'Carlos Berater',
        roles: ['counsellor'],
        functionTitle: 'Berater MBE',
      },
      {
        email: 'admin@caritas.example',
        name: 'Clemens Admin',
        roles: ['org_admin', 'team_lead', 'central_contact'],
        functionTitle: 'Dienststellenleitung',
      },
    ],
  },
  {
    key: 'jobcenter',
    name: 'Jobcenter Musterstadt',
    kind: 'jobcenter',
    street: 'Agenturstraße 10',
    postcode: '12345',
    city: 'Musterstadt',
    phone: '0123 4569-300',
    email: 'jobcenter-musterstadt@jobcenter.example',
    users: [
      {
        email: 'pap@jobcenter.example',
        name: 'Paula Ansprechpartnerin',
        roles: ['partner_staff'],
        functionTitle: 'Persönliche Ansprechpartnerin',
      },
      {
        email: 'zentrale@jobcenter.example',
        name: 'Zeynep Zentral',
        roles: ['central_contact'],
        functionTitle: 'Migrationsbeauftragte',
        phone: '0123 4569-301',
      },
      { email: 'admin@jobcenter.example', name: 'Jan Admin', roles: ['org_admin'] },
    ],
  },
  {
    key: 'abh',
    name: 'Ausländerbehörde Musterstadt',
    kind: 'abh',
    hostsClearingOffice: true,
    street: 'Behördenring 2',
    postcode: '12345',
    city: 'Musterstadt',
    phone: '0123 4570-400',
    email: 'auslaenderbehoerde@musterstadt.example',
    users: [
      {
        email: 'sachbearbeitung@abh.example',
        name: 'Sven Sachbearbeiter',
        roles: ['partner_staff'],
        functionTitle: 'Sachbearbeitung Aufenthalt',
      },
      {
        email: 'zentrale@abh.example',
        name: 'Alma Zentral',
        roles: ['central_contact', 'org_admin'],
        functionTitle: 'Abteilungsleitung',
        phone: '0123 4570-401',
      },
    ],
  },
  {
    key: 'sprachschule',
    name: 'Sprachschule Musterstadt gGmbH',
    kind: 'course_provider',
    street: 'Schulstraße 8',
    postcode: '12347',
    city: 'Musterstadt',
    phone: '0123 4571-500',
    email: 'info@sprachschule-musterstadt.example',
    users: [
      {
        email: 'kurse@sprachschule.example',
        name: 'Kira Kurs',
        roles: ['partner_staff', 'central_contact', 'org_admin'],
        functionTitle: 'Kurskoordination',
      },
    ],
  },
  {
    key: 'vhs',
    name: 'Volkshochschule Musterstadt',
    kind: 'course_provider',
    street: 'Bildungsweg 1',
    postcode: '12346',
    city: 'Musterstadt',
    phone: '0123 4572-600',
    email: 'integration@vhs-musterstadt.example',
    users: [
      {
        email: 'kurse@vhs.example',
        name: 'Viktor Volkshochschule',
        roles: ['partner_staff', 'central_contact', 'org_admin'],
        functionTitle: 'Fachbereich Integration',
      },
    ],
  },
  {
    // Not on Koop: nobody signs in here. Counsellors reach its course office by one-time link
    // or letter with a code (R-REF-5).
    key: 'lingua',
    name: 'Bildungswerk Lingua Musterstadt',
    kind: 'course_provider',
    street: 'Am Markt 3',
    postcode: '12345',
    city: 'Musterstadt',
    phone: '0123 4573-700',
    email: 'kursbuero@lingua.example',
    users: [],
  },
];

/** Whether the database holds no organisation yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Writes the Musterstadt demo data. Only called in demo mode, on an empty database. */
export async function seedDemo(db: Db): Promise<void> {
  const passwordHash = await hashPassword(demoPassword);
  await inTenantTransaction(
    db,
    { organisationId: null, userId: null, allOrganisations: true },
    async (trx) => {
      for (const org of demoOrganisations) {
        const { id } = await trx
          .insertInto('organisations')
          .values({
            name: org.name,
            kind: org.kind,
            umbrella: org.umbrella ?? null,
            services: org.services ?? [],
            funding: org.funding ?? null,
            data_protection_law: org.dataProtectionLaw ?? null,
            // Musterstadt lies in North Rhine-Westphalia (its state authority supervises the providers).
            state: 'NW',
            hosts_clearing_office: org.hostsClearingOffice ?? false,
            street: org.street,
            postcode: org.postcode,
            city: org.city,
            phone: org.phone,
            email: org.email,
            subtype: null,
            website: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // Offices are written inside the provider's own context, as RLS requires.
        await switchOrganisation(trx, id);
        for (const office of org.offices ?? []) {
          await trx
            .insertInto('offices')
            .values({ organisation_id: id, city: org.city, ...office })
            .execute();
        }
        for (const user of org.users) {
          await trx
            .insertInto('users')
            .values({
              organisation_id: id,
              email: user.email,
              display_name: user.name,
              roles: user.roles,
              function_title: user.functionTitle ?? null,
              phone: user.phone ?? null,
              status: 'active',
              password_hash: passwordHash,
            })
            .execute();
        }
      }
    },
  );
  await seedDirectory(db);
  await seedCases(db);
  await seedExchange(db);
  await seedReferrals(db);
  await seedClearing(db);
  await seedAgreements(db);
  await seedStatistics(db);
}

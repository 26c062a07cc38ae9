import crypto from 'node:crypto';
import { inTenantTransaction, type Db, type Trx } from '../db/database.ts';
import { addDays, berlinToday, defaultRetentionYears, monthOf } from '../modules/cases/cases.rules.ts';
import { retentionRule } from '../modules/cases/retention.ts';
import * as casesRepo from '../modules/cases/cases.repository.ts';
import * as clientsRepo from '../modules/cases/clients.repository.ts';
import * as sections from '../modules/cases/sections.repository.ts';

/**
 * Demo caseloads of the Musterstadt providers: a few fictional clients (no real people) for the
 * counsellors berater@awo.example, jmd@awo.example and berater@caritas.example — one case in
 * each phase, a support plan with an overdue step, contacts, course support and childcare, a
 * closed case, and a break-the-glass access by the team lead that the owner sees.
 */

interface DemoCase {
  counsellor: string;
  client: clientsRepo.ClientValues;
  family?: { relation: string; given_name: string | null; birth_year: number | null }[];
  caseType: 'short_counselling' | 'case_management';
  service: 'MBE' | 'JMD';
  suggested: 'MBE' | 'JMD';
  overrideReason?: string;
  openedDaysAgo: number;
  wayIn: string;
  start?: { livelihood: string; language: string; work: string };
  phase?: 'intake' | 'analysis' | 'plan' | 'implementation';
  reviewInDays?: number;
  intake?: { reason: string; concerns: string; next: string; topics: string[] };
  analysis?: Omit<sections.AnalysisValues, 'updated_by'>;
  plan?: {
    reason: string;
    goal: string;
    course: string;
    agreedDaysAgo: number | null;
    goals: {
      title: string;
      status: string;
      steps: { title: string; responsible: string; partner?: string; dueInDays: number; status?: string }[];
    }[];
  };
  contacts?: {
    daysAgo: number;
    form: string;
    status?: string;
    minutes: number;
    topics: string[];
    note: string;
  }[];
  activities?: Omit<sections.ActivityValues, 'starts_on' | 'ends_on'> & {
    startsDaysAgo: number;
    weeks: number;
  };
  closed?: { daysAgo: number; reason: string; end: { livelihood: string; language: string; work: string } };
  glassBrokenBy?: { email: string; reason: string; daysAgo: number };
}

const person = (
  values: Partial<clientsRepo.ClientValues> & { family_name: string },
): clientsRepo.ClientValues => ({
  given_name: null,
  pseudonymous: false,
  birth_date: null,
  age_group: null,
  gender: null,
  citizenship: null,
  languages: [],
  phone: null,
  email: null,
  contact_note: null,
  arrival_year: null,
  residence_status_group: null,
  ...values,
});

const analysis = (values: Partial<Omit<sections.AnalysisValues, 'updated_by'>>) => ({
  german_level: null,
  other_languages: [],
  schooling: null,
  schooling_years: null,
  schooling_note: null,
  qualifications: [],
  work_experience: null,
  family_situation: null,
  housing: null,
  housing_note: null,
  health_note: null,
  residence_status_group: null,
  residence_note: null,
  livelihood: [],
  livelihood_note: null,
  ...values,
});

const demoCases: DemoCase[] = [
  {
    counsellor: 'berater@awo.example',
    client: person({
      given_name: 'Amina',
      family_name: 'Haddad',
      birth_date: '1988-04-12',
      gender: 'female',
      citizenship: 'SY',
      languages: ['ar', 'de'],
      phone: '0151 23456789',
      contact_note: 'Am besten vormittags, spricht gut Englisch',
      arrival_year: 2019,
      residence_status_group: 'residence_humanitarian',
    }),
    family: [{ relation: 'child', given_name: 'Yara', birth_year: 2016 }],
    caseType: 'case_management',
    service: 'MBE',
    suggested: 'MBE',
    openedDaysAgo: 120,
    wayIn: 'jobcenter',
    start: { livelihood: 'basic_income_support', language: 'A2', work: 'job_seeking' },
    phase: 'implementation',
    reviewInDays: -3,
    intake: {
      reason: 'Anerkennung des syrischen Abschlusses in der Krankenpflege',
      concerns: 'Arbeit in der Pflege finden, Kinderbetreuung während des Kurses',
      next: 'Zeugnisse und Arbeitsnachweise mitbringen',
      topics: ['recognition', 'work_training', 'family_children'],
    },
    analysis: analysis({
      german_level: 'A2',
      other_languages: ['ar', 'en'],
      schooling: 'upper_secondary',
      schooling_years: 12,
      qualifications: [
        { type: 'vocational_training', title: 'Krankenpflege', country: 'SY', recognition: 'in_progress' },
      ],
      work_experience: 'Sechs Jahre Pflegekraft in einem Krankenhaus',
      family_situation: 'Alleinerziehend, eine Tochter im Grundschulalter',
      housing: 'own_flat',
      health_note: 'Rückenbeschwerden; keine Nachtschichten gewünscht',
      residence_status_group: 'residence_humanitarian',
      livelihood: ['basic_income_support'],
    }),
    plan: {
      reason: 'Berufliche Anerkennung und Arbeit in der Pflege',
      goal: 'Anerkennung als Pflegefachkraft und eine Stelle in Teilzeit',
      course: 'Anerkennungsverfahren begleiten, Berufssprachkurs, Bewerbungen',
      agreedDaysAgo: 90,
      goals: [
        {
          title: 'Berufsanerkennung',
          status: 'in_progress',
          steps: [
            { title: 'Zeugnisse übersetzen lassen', responsible: 'client', dueInDays: -40, status: 'done' },
            { title: 'Antrag bei der Anerkennungsstelle stellen', responsible: 'counsellor', dueInDays: -5 },
            { title: 'Anpassungslehrgang suchen', responsible: 'counsellor', dueInDays: 10 },
          ],
        },
        {
          title: 'Deutsch B2 Pflege',
          status: 'open',
          steps: [
            {
              title: 'Berufssprachkurs beantragen',
              responsible: 'partner',
              partner: 'Jobcenter Musterstadt',
              dueInDays: 7,
            },
          ],
        },
      ],
    },
    contacts: [
      { daysAgo: 120, form: 'in_person', minutes: 60, topics: ['recognition'], note: 'Erstgespräch' },
      {
        daysAgo: 90,
        form: 'in_person',
        minutes: 45,
        topics: ['recognition', 'work_training'],
        note: 'Förderplan vereinbart',
      },
      { daysAgo: 30, form: 'phone', minutes: 15, topics: ['family_children'], note: 'Kitaplatz besprochen' },
      {
        daysAgo: 0,
        form: 'in_person',
        status: 'planned',
        minutes: 30,
        topics: ['family_children'],
        note: 'Kurs mit Kinderbetreuung besprechen',
      },
      {
        daysAgo: -2,
        form: 'video',
        status: 'planned',
        minutes: 30,
        topics: ['recognition'],
        note: 'Stand Anerkennung',
      },
    ],
    activities: {
      kind: 'childcare',
      status: 'active',
      course_provider_name: 'Volkshochschule Musterstadt',
      course_name: 'Integrationskurs B1',
      children_count: 1,
      childcare_place: 'Kita Sonnenblume, kursbegleitende Betreuung',
      note: null,
      startsDaysAgo: 60,
      weeks: 24,
    },
    glassBrokenBy: {
      email: 'leitung@awo.example',
      reason: 'Vertretung während des Urlaubs: Rückfrage der Klientin zur Anerkennungsstelle',
      daysAgo: 3,
    },
  },
  {
    counsellor: 'berater@awo.example',
    client: person({
      given_name: 'Oleksandr',
      family_name: 'Kovalenko',
      birth_date: '1979-08-03',
      gender: 'male',
      citizenship: 'UA',
      languages: ['uk', 'ru'],
      phone: '0176 98765432',
      arrival_year: 2022,
      residence_status_group: 'temporary_protection',
    }),
    family: [
      { relation: 'partner', given_name: 'Iryna', birth_year: 1981 },
      { relation: 'child', given_name: 'Maksym', birth_year: 2010 },
    ],
    caseType: 'case_management',
    service: 'MBE',
    suggested: 'MBE',
    openedDaysAgo: 21,
    wayIn: 'integration_course',
    start: { livelihood: 'basic_income_support', language: 'A1', work: 'job_seeking' },
    phase: 'analysis',
    reviewInDays: 14,
    intake: {
      reason: 'Arbeit als Elektroingenieur, Wohnungssuche',
      concerns: 'Anerkennung des Diploms, größere Wohnung für die Familie',
      next: 'Diplom und Arbeitsbuch mitbringen',
      topics: ['recognition', 'housing', 'work_training'],
    },
    analysis: analysis({
      german_level: 'A1',
      other_languages: ['uk', 'ru', 'en'],
      schooling: 'university',
      qualifications: [
        {
          type: 'university_degree',
          title: 'Diplom Elektrotechnik',
          country: 'UA',
          recognition: 'not_started',
        },
      ],
      work_experience: '15 Jahre Energieversorger in Charkiw',
      family_situation: 'Verheiratet, ein Sohn (Schule, 9. Klasse)',
      housing: 'shared_accommodation',
      residence_status_group: 'temporary_protection',
      livelihood: ['basic_income_support'],
    }),
    contacts: [
      {
        daysAgo: 21,
        form: 'in_person',
        minutes: 50,
        topics: ['recognition', 'housing'],
        note: 'Sondierungsgespräch',
      },
    ],
  },
  {
    counsellor: 'berater@awo.example',
    client: person({ family_name: 'Klient K-17', pseudonymous: true, age_group: '35_44', languages: ['fa'] }),
    caseType: 'short_counselling',
    service: 'MBE',
    suggested: 'MBE',
    openedDaysAgo: 5,
    wayIn: 'network',
    contacts: [
      {
        daysAgo: 5,
        form: 'in_person',
        minutes: 20,
        topics: ['forms_authorities'],
        note: 'Antrag auf Kindergeld ausgefüllt',
      },
    ],
  },
  {
    counsellor: 'berater@awo.example',
    client: person({
      given_name: 'Swetlana',
      family_name: 'Müller',
      birth_date: '1984-05-09',
      gender: 'female',
      citizenship: 'KZ',
      languages: ['ru', 'de'],
      arrival_year: 2025,
      residence_status_group: 'permanent',
    }),
    caseType: 'case_management',
    service: 'MBE',
    suggested: 'MBE',
    openedDaysAgo: 2,
    wayIn: 'own_initiative',
    start: { livelihood: 'basic_income_support', language: 'A2', work: 'job_seeking' },
    phase: 'intake',
    reviewInDays: 12,
    intake: {
      reason: 'Anerkennung als Krankenschwester, Deutschkurs B2',
      concerns: 'Berufssprachkurs finden, Unterlagen übersetzen lassen',
      next: 'Diplom und Zeugnisse mitbringen',
      topics: ['recognition', 'german_language'],
    },
    contacts: [
      { daysAgo: 2, form: 'in_person', minutes: 45, topics: ['recognition'], note: 'Sondierungsgespräch' },
    ],
  },
  {
    counsellor: 'berater@awo.example',
    client: person({
      given_name: 'Grace',
      family_name: 'Okafor',
      birth_date: '1991-10-30',
      gender: 'female',
      citizenship: 'NG',
      languages: ['en', 'yo'],
      arrival_year: 2023,
      residence_status_group: 'residence_family',
    }),
    caseType: 'case_management',
    service: 'MBE',
    suggested: 'MBE',
    openedDaysAgo: 30,
    wayIn: 'jobcenter',
    start: { livelihood: 'basic_income_support', language: 'A2', work: 'not_seeking' },
    phase: 'plan',
    reviewInDays: 9,
    intake: {
      reason: 'Integrationskurs mit Kinderbetreuung, später Ausbildung',
      concerns: 'Kitaplatz für die Tochter',
      next: 'Kursträger mit Kinderbetreuung suchen',
      topics: ['integration_course', 'family_children'],
    },
    analysis: analysis({
      german_level: 'A2',
      other_languages: ['en', 'yo'],
      schooling: 'upper_secondary',
      qualifications: [],
      work_experience: 'Verkäuferin in Lagos',
      family_situation: 'Verheiratet, eine Tochter (3 Jahre)',
      housing: 'own_flat',
      residence_status_group: 'residence_family',
      livelihood: ['basic_income_support'],
    }),
    plan: {
      reason: 'Deutsch B1 und Einstieg in eine Ausbildung',
      goal: 'Integrationskurs abschließen, Ausbildung als Kauffrau im Einzelhandel',
      course: 'Förderplan im Gespräch, Zustimmung steht noch aus',
      agreedDaysAgo: null,
      goals: [
        {
          title: 'Integrationskurs mit Kinderbetreuung',
          status: 'open',
          steps: [
            { title: 'Kita-Gutschein beantragen', responsible: 'client', dueInDays: 6 },
            { title: 'Kursplatz mit Kinderbetreuung anfragen', responsible: 'counsellor', dueInDays: 3 },
          ],
        },
      ],
    },
    contacts: [
      { daysAgo: 30, form: 'in_person', minutes: 50, topics: ['integration_course'], note: 'Erstgespräch' },
      { daysAgo: 8, form: 'phone', minutes: 20, topics: ['family_children'], note: 'Analyse besprochen' },
    ],
  },
  {
    counsellor: 'berater@awo.example',
    client: person({
      given_name: 'Mehmet',
      family_name: 'Yıldız',
      birth_date: '1966-02-19',
      gender: 'male',
      citizenship: 'TR',
      languages: ['tr', 'de'],
      arrival_year: 1998,
      residence_status_group: 'permanent',
    }),
    caseType: 'case_management',
    service: 'MBE',
    suggested: 'MBE',
    openedDaysAgo: 400,
    wayIn: 'own_initiative',
    start: { livelihood: 'unemployment_benefit', language: 'B1', work: 'job_seeking' },
    phase: 'intake',
    intake: {
      reason: 'Rente und Arbeitslosigkeit nach Betriebsschließung',
      concerns: 'Lebensunterhalt sichern',
      next: 'Rentenauskunft anfordern',
      topics: ['benefits', 'work_training'],
    },
    contacts: [{ daysAgo: 400, form: 'in_person', minutes: 40, topics: ['benefits'], note: 'Erstgespräch' }],
    closed: {
      daysAgo: 200,
      reason: 'goals_reached',
      end: { livelihood: 'employment', language: 'B1', work: 'employed' },
    },
  },
  {
    counsellor: 'jmd@awo.example',
    client: person({
      given_name: 'Dariush',
      family_name: 'Rahimi',
      birth_date: '2004-11-23',
      gender: 'male',
      citizenship: 'AF',
      languages: ['fa', 'ps'],
      arrival_year: 2021,
      residence_status_group: 'residence_humanitarian',
    }),
    caseType: 'case_management',
    service: 'JMD',
    suggested: 'JMD',
    openedDaysAgo: 45,
    wayIn: 'clearing_office',
    start: { livelihood: 'training_support', language: 'B1', work: 'training' },
    phase: 'plan',
    reviewInDays: 20,
    intake: {
      reason: 'Ausbildungsplatz als Kfz-Mechatroniker',
      concerns: 'Berufsschule, Prüfungsvorbereitung',
      next: 'Bewerbungsunterlagen gemeinsam erstellen',
      topics: ['work_training', 'school_education'],
    },
    plan: {
      reason: 'Übergang in die Ausbildung',
      goal: 'Ausbildungsvertrag zum Herbst',
      course: 'Bewerbungen, Praktikum, Nachhilfe Fachsprache',
      agreedDaysAgo: null,
      goals: [
        {
          title: 'Ausbildungsplatz',
          status: 'open',
          steps: [
            { title: 'Lebenslauf erstellen', responsible: 'client', dueInDays: 4 },
            { title: 'Praktikum vermitteln', responsible: 'counsellor', dueInDays: 12 },
          ],
        },
      ],
    },
    contacts: [
      { daysAgo: 45, form: 'in_person', minutes: 60, topics: ['work_training'], note: 'Erstgespräch' },
    ],
  },
  {
    counsellor: 'berater@caritas.example',
    client: person({
      given_name: 'Elena',
      family_name: 'Popescu',
      birth_date: '1985-05-30',
      gender: 'female',
      citizenship: 'RO',
      languages: ['ro', 'it'],
      arrival_year: 2024,
      residence_status_group: 'eu_free_movement',
    }),
    family: [{ relation: 'child', given_name: 'Andrei', birth_year: 2019 }],
    caseType: 'case_management',
    service: 'MBE',
    suggested: 'MBE',
    openedDaysAgo: 60,
    wayIn: 'own_initiative',
    start: { livelihood: 'employment', language: 'A1', work: 'minor_employment' },
    phase: 'implementation',
    reviewInDays: 5,
    intake: {
      reason: 'Integrationskurs mit Kinderbetreuung',
      concerns: 'Deutsch lernen neben dem Minijob',
      next: 'Anmeldung beim Kursträger',
      topics: ['integration_course', 'family_children'],
    },
    plan: {
      reason: 'Deutsch lernen',
      goal: 'Integrationskurs bis B1 abschließen',
      course: 'Kursplatz mit Kinderbetreuung, sozialpädagogische Begleitung',
      agreedDaysAgo: 50,
      goals: [
        {
          title: 'Integrationskurs',
          status: 'in_progress',
          steps: [
            {
              title: 'Zulassung beim BAMF beantragen',
              responsible: 'counsellor',
              dueInDays: -20,
              status: 'done',
            },
            {
              title: 'Kursbeginn abstimmen',
              responsible: 'partner',
              partner: 'Sprachschule Musterstadt',
              dueInDays: 2,
            },
          ],
        },
      ],
    },
    contacts: [
      {
        daysAgo: 60,
        form: 'in_person',
        minutes: 45,
        topics: ['integration_course'],
        note: 'Erstgespräch mit Kind',
      },
      {
        daysAgo: 50,
        form: 'phone',
        minutes: 10,
        topics: ['integration_course'],
        note: 'Zustimmung zum Förderplan',
      },
    ],
    activities: {
      kind: 'course_support',
      status: 'active',
      course_provider_name: 'Sprachschule Musterstadt gGmbH',
      course_name: 'Integrationskurs mit Kinderbetreuung',
      children_count: null,
      childcare_place: null,
      note: 'Sprechstunde im Kurs jeden zweiten Dienstag',
      startsDaysAgo: 14,
      weeks: 30,
    },
  },
  {
    counsellor: 'berater@caritas.example',
    client: person({
      given_name: 'Samir',
      family_name: 'Al-Hassan',
      birth_date: '1990-01-07',
      gender: 'male',
      citizenship: 'IQ',
      languages: ['ar', 'ku'],
      arrival_year: 2016,
      residence_status_group: 'toleration',
    }),
    caseType: 'short_counselling',
    service: 'MBE',
    suggested: 'MBE',
    openedDaysAgo: 10,
    wayIn: 'abh',
    contacts: [
      {
        daysAgo: 10,
        form: 'in_person',
        minutes: 30,
        topics: ['residence_law'],
        note: 'Fragen zum Chancen-Aufenthaltsrecht',
      },
    ],
  },
];

async function seedOne(trx: Trx, organisationId: string, ownerId: string, d: DemoCase, now: Date) {
  const today = berlinToday(now);
  const day = (offset: number) => addDays(today, offset);
  const client = await clientsRepo.insertClient(trx, {
    ...d.client,
    organisation_id: organisationId,
    created_by: ownerId,
  });
  await clientsRepo.replaceFamilyMembers(
    trx,
    organisationId,
    client.id,
    (d.family ?? []).map((f) => ({ ...f, counselled_alongside: true })),
  );
  const openedOn = day(-d.openedDaysAgo);
  const caseNumber = await casesRepo.nextCaseNumber(trx, organisationId, Number(openedOn.slice(0, 4)));
  const caseId = await casesRepo.insertCase(trx, {
    organisation_id: organisationId,
    client_id: client.id,
    case_number: caseNumber,
    owner_user_id: ownerId,
    opened_on: openedOn,
    created_by: ownerId,
    case_type: d.caseType,
    service: d.service,
    suggested_service: d.suggested,
    service_override_reason: d.overrideReason ?? null,
    office_id: null,
    phase: d.caseType === 'case_management' ? (d.phase ?? 'intake') : null,
    way_in: d.wayIn,
    next_review_on: d.reviewInDays !== undefined ? day(d.reviewInDays) : null,
    start_livelihood: d.start?.livelihood ?? null,
    start_language_level: d.start?.language ?? null,
    start_work: d.start?.work ?? null,
  });
  if (d.intake) {
    await sections.insertIntake(trx, organisationId, caseId, {
      held_on: openedOn,
      reason: d.intake.reason,
      concerns: d.intake.concerns,
      agreed_next_steps: d.intake.next,
      topics: d.intake.topics,
      updated_by: ownerId,
    });
  }
  if (d.analysis)
    await sections.insertAnalysis(trx, organisationId, caseId, { ...d.analysis, updated_by: ownerId });
  if (d.plan) {
    const agreed = d.plan.agreedDaysAgo !== null;
    await sections.insertPlan(trx, organisationId, caseId, {
      reason: d.plan.reason,
      goal: d.plan.goal,
      course: d.plan.course,
      agreed,
      agreed_on: agreed ? day(-d.plan.agreedDaysAgo!) : null,
      agreement_method: agreed ? 'signed_paper' : null,
      agreement_note: null,
      updated_by: ownerId,
    });
    await sections.replaceGoals(
      trx,
      organisationId,
      caseId,
      d.plan.goals.map((g) => ({
        id: crypto.randomUUID(),
        title: g.title,
        status: g.status,
        steps: g.steps.map((s) => ({
          id: crypto.randomUUID(),
          title: s.title,
          responsible: s.responsible,
          partner_name: s.partner ?? null,
          due_on: day(s.dueInDays),
          status: s.status ?? 'open',
          done_on: s.status === 'done' ? day(s.dueInDays) : null,
        })),
      })),
    );
  }
  const family = await clientsRepo.listFamilyMembers(trx, client.id);
  for (const [i, c] of (d.contacts ?? []).entries()) {
    await sections.insertContact(trx, {
      organisation_id: organisationId,
      case_id: caseId,
      created_by: ownerId,
      starts_at: `${day(-c.daysAgo)}T${String(9 + i).padStart(2, '0')}:00:00+01:00`,
      form: c.form,
      status: c.status ?? 'held',
      duration_minutes: c.minutes,
      topics: c.topics,
      family_member_ids: i === 0 ? family.map((f) => f.id) : [],
      note: c.note,
    });
  }
  if (d.activities) {
    const { startsDaysAgo, weeks, ...activity } = d.activities;
    await sections.insertActivity(trx, {
      ...activity,
      organisation_id: organisationId,
      case_id: caseId,
      created_by: ownerId,
      starts_on: day(-startsDaysAgo),
      ends_on: day(-startsDaysAgo + weeks * 7),
    });
  }
  if (d.closed) {
    await casesRepo.updateCase(trx, caseId, 1, {
      status: 'closed',
      closed_on: day(-d.closed.daysAgo),
      closure_reason: d.closed.reason,
      end_livelihood: d.closed.end.livelihood,
      end_language_level: d.closed.end.language,
      end_work: d.closed.end.work,
    });
  }
  return caseId;
}

/**
 * Earlier erasures by the retention job (R-CON-5): only their deletion records, which hold no
 * personal data, so the demo's Löschprotokoll is not empty. Each was erased after closure plus
 * the default three years.
 */
const demoDeletions = [
  { erasedDaysAgo: 41, closedDaysAgo: 1_140, service: 'MBE', caseType: 'case_management', records: 23 },
  { erasedDaysAgo: 41, closedDaysAgo: 1_150, service: 'JMD', caseType: 'short_counselling', records: 4 },
  { erasedDaysAgo: 9, closedDaysAgo: 1_105, service: 'MBE', caseType: 'short_counselling', records: 3 },
] as const;

async function seedDeletionRecords(trx: Trx, organisationId: string, now: Date): Promise<void> {
  const today = berlinToday(now);
  await trx
    .insertInto('case_deletion_records')
    .values(
      demoDeletions.map((d) => ({
        organisation_id: organisationId,
        erased_at: new Date(now.getTime() - d.erasedDaysAgo * 86_400_000),
        rule: retentionRule,
        retention_years: defaultRetentionYears,
        closed_month: monthOf(addDays(today, -d.closedDaysAgo)),
        service: d.service,
        case_type: d.caseType,
        records_removed: d.records,
        client_erased: true,
      })),
    )
    .execute();
}

/** Writes the demo caseloads; each provider in its own row-level-security context. */
export async function seedCases(db: Db, now = new Date()): Promise<void> {
  const providers = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('kind', '=', 'welfare_provider')
    .execute();
  for (const provider of providers) {
    await inTenantTransaction(
      db,
      { organisationId: provider.id, userId: null, allOrganisations: false },
      async (trx) => {
        const users = await trx.selectFrom('users').select(['id', 'email']).execute();
        const idOf = (email: string) => users.find((u) => u.email === email)?.id;
        await seedDeletionRecords(trx, provider.id, now);
        for (const d of demoCases) {
          const ownerId = idOf(d.counsellor);
          if (!ownerId) continue;
          const caseId = await seedOne(trx, provider.id, ownerId, d, now);
          const glass = d.glassBrokenBy;
          const breakerId = glass && idOf(glass.email);
          if (glass && breakerId) {
            const grantedAt = new Date(now.getTime() - glass.daysAgo * 86_400_000);
            await casesRepo.insertGrant(trx, {
              organisation_id: provider.id,
              case_id: caseId,
              user_id: breakerId,
              reason: glass.reason,
              granted_at: grantedAt,
              expires_at: new Date(grantedAt.getTime() + 12 * 3_600_000),
            });
          }
        }
      },
    );
  }
}

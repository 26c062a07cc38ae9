import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';
import type { OrganisationKind } from '../../policy/roles.ts';
import type { CountRow } from './statistics.aggregate.ts';
import { countMeetingsForEvaluation as countAgreementMeetings } from '../agreements/agreements.repository.ts';

/**
 * SQL of statistics. Counselling statistics come only from `koop_counselling_statistics`
 * (migration 0018), which counts inside the database and returns aggregates; the evaluation of
 * a cooperation reads the provider's own referral, consent and exchange tables through their
 * row-level security. Nothing here returns a row about a person.
 */

export interface CaseCountFilter {
  /** 'YYYY-MM', inclusive. */
  from: string;
  to: string;
  service: 'MBE' | 'JMD' | null;
  officeId: string | null;
}

/** Aggregate case counts of the providers the scope names (decided in the database). */
export async function countCases(
  trx: Trx,
  scope: 'own' | 'umbrella_others' | 'all',
  filter: CaseCountFilter,
): Promise<CountRow[]> {
  const { rows } = await sql<CountRow>`
    SELECT dimension, code, cases
    FROM koop_counselling_statistics(${scope}, ${filter.from}, ${filter.to}, ${filter.service}, ${filter.officeId}::uuid)`.execute(
    trx,
  );
  return rows.map((r) => ({ dimension: r.dimension, code: r.code, cases: Number(r.cases) }));
}

/** The organisation a statistic is read for: kind and umbrella. */
export async function findOrganisationForStatistics(trx: Trx, organisationId: string) {
  const row = await trx
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'umbrella'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row ? { ...row, kind: row.kind as OrganisationKind } : undefined;
}

/** An office of the own organisation (null when it is another's or none). */
export async function findOwnOffice(trx: Trx, organisationId: string, officeId: string) {
  return trx
    .selectFrom('offices')
    .select(['id', 'name'])
    .where('id', '=', officeId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

/** The offices of the own organisation, for the filter. */
export function listOwnOffices(trx: Trx, organisationId: string) {
  return trx
    .selectFrom('offices')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .execute();
}

/** Partner organisations a provider can evaluate its cooperation with. */
export function listPartnerOrganisations(trx: Trx, kinds: readonly string[]) {
  return trx
    .selectFrom('organisations')
    .select(['id', 'name', 'kind'])
    .where('kind', 'in', [...kinds])
    .where('deactivated_at', 'is', null)
    .orderBy('name')
    .execute();
}

/** One count of the evaluation: half-year ('2026-H1'), category, number. */
export interface EvaluationCount {
  halfYear: string;
  category: string;
  count: number;
}

const halfYear = (column: ReturnType<typeof sql.ref>) =>
  sql<string>`to_char(${column} AT TIME ZONE 'Europe/Berlin', 'YYYY') || '-H' ||
    CASE WHEN extract(month FROM ${column} AT TIME ZONE 'Europe/Berlin') <= 6 THEN '1' ELSE '2' END`;

const halfYearOfDate = (column: ReturnType<typeof sql.ref>) =>
  sql<string>`to_char(${column}, 'YYYY') || '-H' || CASE WHEN extract(month FROM ${column}) <= 6 THEN '1' ELSE '2' END`;

const counts = (rows: { half_year: string; category: string; n: number | string }[]): EvaluationCount[] =>
  rows.map((r) => ({ halfYear: r.half_year, category: r.category, count: Number(r.n) }));

export interface EvaluationPeriod {
  partnerId: string;
  /** The first day of the first half-year and the day after the last, as dates. */
  start: string;
  end: string;
}

/**
 * Referrals received from the partner by outcome: those still held, plus the outcome counts of
 * erased ones (`referral_outcomes`, migration 0016) — a referral is in exactly one of the two.
 */
export async function countReferralsFrom(trx: Trx, p: EvaluationPeriod): Promise<EvaluationCount[]> {
  const { rows } = await sql<{ half_year: string; category: string; n: number }>`
    SELECT half_year, category, sum(n)::int AS n FROM (
      SELECT ${halfYear(sql.ref('r.created_at'))} AS half_year,
             CASE r.status WHEN 'accepted' THEN 'taken_up' WHEN 'closed' THEN 'not_taken_up' ELSE 'undecided' END AS category,
             count(*)::int AS n
      FROM referrals r
      WHERE r.receiving_organisation_id = koop_current_org() AND r.referrer_organisation_id = ${p.partnerId}
        AND r.created_at >= (${p.start}::date AT TIME ZONE 'Europe/Berlin')
        AND r.created_at < (${p.end}::date AT TIME ZONE 'Europe/Berlin')
      GROUP BY 1, 2
      UNION ALL
      SELECT ${halfYearOfDate(sql.ref('o.month'))}, o.outcome, sum(o.referrals)::int
      FROM referral_outcomes o
      WHERE o.referrer_organisation_id = ${p.partnerId} AND o.month >= ${p.start}::date AND o.month < ${p.end}::date
      GROUP BY 1, 2
    ) x GROUP BY half_year, category`.execute(trx);
  return counts(rows);
}

/** Consents that name the partner as recipient, by purpose, when given. */
export async function countConsentsFor(trx: Trx, p: EvaluationPeriod): Promise<EvaluationCount[]> {
  const { rows } = await sql<{ half_year: string; category: string; n: number }>`
    SELECT ${halfYear(sql.ref('c.given_at'))} AS half_year, c.purpose AS category, count(*)::int AS n
    FROM consents c
    WHERE c.recipient_organisation_id = ${p.partnerId}
      AND c.given_at >= (${p.start}::date AT TIME ZONE 'Europe/Berlin')
      AND c.given_at < (${p.end}::date AT TIME ZONE 'Europe/Berlin')
    GROUP BY 1, 2`.execute(trx);
  return counts(rows);
}

/** Messages of the exchange with the partner by kind: the provider's disclosures or the partner's notices. */
export async function countMessagesWith(
  trx: Trx,
  p: EvaluationPeriod,
  author: 'provider' | 'partner',
): Promise<EvaluationCount[]> {
  const authorColumn =
    author === 'provider' ? sql.ref('m.provider_organisation_id') : sql.ref('m.partner_organisation_id');
  const { rows } = await sql<{ half_year: string; category: string; n: number }>`
    SELECT ${halfYear(sql.ref('m.sent_at'))} AS half_year, m.kind AS category, count(*)::int AS n
    FROM exchange_messages m
    WHERE m.provider_organisation_id = koop_current_org() AND m.partner_organisation_id = ${p.partnerId}
      AND m.author_organisation_id = ${authorColumn}
      AND m.sent_at >= (${p.start}::date AT TIME ZONE 'Europe/Berlin')
      AND m.sent_at < (${p.end}::date AT TIME ZONE 'Europe/Berlin')
    GROUP BY 1, 2`.execute(trx);
  return counts(rows);
}

/** Conflicts with the partner by how they stand: still open, or resolved. */
export async function countConflictsWith(trx: Trx, p: EvaluationPeriod): Promise<EvaluationCount[]> {
  const { rows } = await sql<{ half_year: string; category: string; n: number }>`
    SELECT ${halfYear(sql.ref('c.created_at'))} AS half_year, c.status AS category, count(*)::int AS n
    FROM exchange_conflicts c
    WHERE c.provider_organisation_id = koop_current_org() AND c.partner_organisation_id = ${p.partnerId}
      AND c.created_at >= (${p.start}::date AT TIME ZONE 'Europe/Berlin')
      AND c.created_at < (${p.end}::date AT TIME ZONE 'Europe/Berlin')
    GROUP BY 1, 2`.execute(trx);
  return counts(rows);
}

/**
 * Meetings held with the partner and their actions done, per half-year, from the agreements
 * this organisation is a party to (row-level security through `koop_agreement_member`); several
 * agreements with the same partner add up.
 */
export async function countMeetingsForEvaluation(
  trx: Trx,
  p: EvaluationPeriod,
): Promise<{ meetings: EvaluationCount[]; actions: EvaluationCount[] }> {
  const rows = await countAgreementMeetings(trx, { partnerOrganisationId: p.partnerId });
  const sum = (pick: (r: (typeof rows)[number]) => number, category: string): EvaluationCount[] => {
    const byHalf = new Map<string, number>();
    for (const r of rows) byHalf.set(r.halfYear, (byHalf.get(r.halfYear) ?? 0) + pick(r));
    return [...byHalf].filter(([, n]) => n > 0).map(([halfYear, count]) => ({ halfYear, category, count }));
  };
  return { meetings: sum((r) => r.meetingsHeld, 'held'), actions: sum((r) => r.actionsDone, 'done') };
}

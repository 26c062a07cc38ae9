import type { Trx } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { loadDirectory } from './directory.model.ts';
import { buildCsv } from './csv.ts';
import { buildHsds } from './hsds.ts';
import { buildIcal } from './ical.ts';
import { berlinToday, mondayOf } from './schedule.ts';
import type { PublicOverviewQuery } from './directory.schemas.ts';
import { presentOverviewEntry } from './directory.service.ts';
import { findOfficeIds } from './search.service.ts';
import { languageName } from './languages.ts';
import { renderOverviewPdf } from './overview-pdf.ts';

/**
 * The open-format exports of the public directory (R-DIR-4): HSDS 3 JSON, iCalendar, CSV and
 * the printable overview.
 */

export async function exportHsds(trx: Trx, now: Date) {
  return buildHsds(await loadDirectory(trx, {}, berlinToday(now)), now);
}

/** The hours as iCalendar, of every office or of one. */
export async function exportIcal(trx: Trx, now: Date, officeId?: string) {
  const today = berlinToday(now);
  const entries = await loadDirectory(trx, officeId ? { officeIds: [officeId] } : {}, mondayOf(today));
  if (officeId && entries.length === 0) throw new AppError('not_found');
  const name =
    officeId && entries[0] ? `Sprechzeiten ${entries[0].office.name}` : 'Sprechzeiten der Migrationsberatung';
  return buildIcal(entries, now, today, name);
}

export async function exportCsv(trx: Trx) {
  return buildCsv(await loadDirectory(trx));
}

/** How many offices a search puts into the printable overview, at most (the search's own maximum). */
const overviewSearchLimit = 50;

/**
 * The printable overview for everyone (R-DIR-1, R-DIR-4): the whole directory, or the offices
 * a search finds, in its order. Public fields only: a counsellor's name only where they chose
 * it, as on the public search.
 */
export async function exportOverviewPdf(trx: Trx, now: Date, query: PublicOverviewQuery) {
  const today = berlinToday(now);
  const officeIds =
    query.q === undefined
      ? undefined
      : await findOfficeIds(trx, now, { ...query, limit: overviewSearchLimit });
  const entries = await loadDirectory(trx, officeIds ? { officeIds } : {}, today);
  if (officeIds) {
    const position = new Map(officeIds.map((id, i) => [id, i]));
    entries.sort((a, b) => (position.get(a.office.id) ?? 0) - (position.get(b.office.id) ?? 0));
  }
  const scope =
    query.q === undefined
      ? null
      : [
          `Suche: ${query.q}`,
          query.language && `Sprache ${languageName(query.language, 'de')}`,
          query.age !== undefined && `Alter ${query.age}`,
          query.service,
        ]
          .filter(Boolean)
          .join(', ');
  return renderOverviewPdf(
    { offices: entries.map((entry) => presentOverviewEntry(entry, today, 'public')) },
    now,
    scope,
  );
}

import type { Trx } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { loadDirectory } from './directory.model.ts';
import { buildCsv } from './csv.ts';
import { buildHsds } from './hsds.ts';
import { buildIcal } from './ical.ts';
import { berlinToday, mondayOf } from './schedule.ts';

/** The open-format exports of the public directory (R-DIR-4): HSDS 3 JSON, iCalendar, CSV. */

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

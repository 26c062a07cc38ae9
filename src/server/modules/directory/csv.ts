import { stringify } from 'csv-stringify/sync';
import type { DirectoryEntry } from './directory.model.ts';
import { languageName } from './languages.ts';
import { weekdayNames } from './schedule.ts';

/**
 * The directory as CSV (R-DIR-4): one row per office, public fields only. Semicolons and a
 * byte-order mark, so that spreadsheet programs set to German open it correctly.
 */

const kindLabel = { counselling: 'Beratung', opening: 'Öffnungszeit' } as const;

/** Keeps spreadsheet programs from reading a cell as a formula (phone numbers like +49 stay as they are). */
function cell(value: string | number): string | number {
  if (typeof value === 'number') return value;
  return /^[=@\t\r]|^[+-][^\d\s]/.test(value) ? `'${value}` : value;
}

export function buildCsv(entries: readonly DirectoryEntry[]): string {
  const header = [
    'Träger',
    'Beratungsstelle',
    'Dienste',
    'Straße',
    'PLZ',
    'Ort',
    'Telefon',
    'E-Mail',
    'Webseite',
    'Sprachen',
    'Sprachcodes (ISO 639)',
    'Barrierefreiheit',
    'Zuständig für PLZ',
    'Zuständig für Orte',
    'Sprechzeiten',
    'Online-Beratung',
    'Breitengrad',
    'Längengrad',
  ];
  const rows = entries.map(({ office, hours }) => [
    office.provider_name,
    office.name,
    office.services.join(', '),
    office.street,
    office.postcode,
    office.city,
    office.phone ?? '',
    office.email ?? '',
    office.website ?? '',
    office.languages.map((code) => languageName(code)).join(', '),
    office.languages.join(', '),
    office.accessibility ?? '',
    office.catchment_postcodes.join(', '),
    office.catchment_municipalities.join(', '),
    hours
      .map((h) =>
        [
          `${weekdayNames.short[h.weekday - 1] ?? ''} ${h.opensAt}–${h.closesAt}`,
          kindLabel[h.kind] + (h.service ? ` ${h.service}` : ''),
          h.place ? `in ${h.place.name}${h.room ? `, ${h.room}` : ''}` : h.room,
          h.byAppointment ? 'nach Vereinbarung' : null,
        ]
          .filter(Boolean)
          .join(' '),
      )
      .join('; '),
    office.online_links.map((l) => l.url).join(' '),
    office.latitude ?? '',
    office.longitude ?? '',
  ]);
  return stringify([header, ...rows.map((row) => row.map(cell))], {
    delimiter: ';',
    bom: true,
    record_delimiter: 'windows',
  });
}

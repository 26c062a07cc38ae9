import type { z } from 'zod';
import { renderTypstPdf, typstFonts } from '../../documents/typst.ts';
import type { overviewResponse } from './directory.schemas.ts';
import { languageName } from './languages.ts';
import { berlinWallClock, weekdayNames } from './schedule.ts';

/**
 * The partner overview as a printable PDF (R-DIR-1): every office with address, how to reach
 * it, languages, contacts and hours — in the office and in partner premises (R-DIR-3). The
 * text is prepared here; the template only lays it out.
 */

type Overview = z.infer<typeof overviewResponse>;
type OverviewOffice = Overview['offices'][number];

const kindLabel = { counselling: 'Beratung', opening: 'Öffnungszeit' } as const;
const exceptionLabel = { closed: 'Geschlossen', holiday: 'Feiertag', extra: 'Zusätzlicher Termin' } as const;

const germanDate = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

function placeLine(
  place: { name: string; street: string | null; postcode: string | null; city: string | null } | null,
  room: string | null,
): string {
  if (!place) return room ? `Beratungsstelle, ${room}` : 'Beratungsstelle';
  const address = [place.street, [place.postcode, place.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return [`in Räumen: ${place.name}`, address, room].filter(Boolean).join(', ');
}

function officeData(office: OverviewOffice) {
  return {
    name: office.name,
    provider: office.providerName,
    services: office.services.join(' und '),
    address: `${office.street}, ${office.postcode} ${office.city}`,
    reach: [office.phone && `Tel. ${office.phone}`, office.email, office.website].filter(Boolean).join(' · '),
    languages: office.languages.map((code) => languageName(code)).join(', '),
    accessibility: office.accessibility ?? '',
    catchment: [...office.catchmentPostcodes, ...office.catchmentMunicipalities].join(', '),
    online: office.onlineLinks.map((l) => `${l.label ?? l.platform}: ${l.url}`).join(' · '),
    contacts: office.contacts.map((c) => [
      c.functionTitle,
      c.name ?? '',
      [c.phone, c.email].filter(Boolean).join(' · '),
    ]),
    hours: office.hours.map((h) => [
      weekdayNames.de[h.weekday - 1] ?? '',
      `${h.opensAt}–${h.closesAt} Uhr`,
      [kindLabel[h.kind], h.service, h.byAppointment ? 'nach Vereinbarung' : null].filter(Boolean).join(' '),
      [
        placeLine(h.place, h.room),
        h.validFrom || h.validTo
          ? `gültig ${h.validFrom ? `ab ${germanDate(h.validFrom)}` : ''}${h.validTo ? ` bis ${germanDate(h.validTo)}` : ''}`
          : null,
        h.note,
      ]
        .filter(Boolean)
        .join('; '),
    ]),
    premisesHours: office.hours.filter((h) => h.place !== null).length,
    exceptions: office.upcomingExceptions.map((e) =>
      [
        e.startsOn === e.endsOn
          ? germanDate(e.startsOn)
          : `${germanDate(e.startsOn)}–${germanDate(e.endsOn)}`,
        exceptionLabel[e.kind],
        e.opensAt && e.closesAt ? `${e.opensAt}–${e.closesAt} Uhr` : null,
        e.place ? placeLine(e.place, e.room) : null,
        e.note,
      ]
        .filter(Boolean)
        .join(' · '),
    ),
  };
}

const template = `
#let data = json(bytes(sys.inputs.data))
#set document(title: data.title)
#set page(
  paper: "a4",
  margin: (x: 1.5cm, top: 1.5cm, bottom: 1.8cm),
  footer: context [
    #set text(7.5pt, fill: luma(80))
    #data.footer #h(1fr) #counter(page).display("1 / 1", both: true)
  ],
)
#set text(font: ${typstFonts}, size: 9pt, lang: "de")
#set table(stroke: 0.4pt + luma(170), inset: 4pt)

#text(15pt, weight: "bold", data.title)
#linebreak()
#text(9pt, data.subtitle)
#v(4pt)
#block(fill: luma(238), inset: 6pt, radius: 3pt, width: 100%, text(8.5pt, data.independence))

#for office in data.offices {
  block(breakable: true, width: 100%, above: 12pt, below: 4pt, {
    text(11pt, weight: "bold", office.name)
    linebreak()
    text(8.5pt, office.provider + " · " + office.services)
    linebreak()
    office.address
    if office.reach != "" { linebreak(); office.reach }
    if office.languages != "" { linebreak(); [*Sprachen:* ]; office.languages }
    if office.catchment != "" { linebreak(); [*Zuständig für:* ]; office.catchment }
    if office.accessibility != "" { linebreak(); [*Barrierefreiheit:* ]; office.accessibility }
    if office.online != "" { linebreak(); [*Online-Beratung:* ]; office.online }
    v(3pt)
    if office.hours.len() > 0 {
      table(
        columns: (auto, auto, auto, 1fr),
        table.header([*Tag*], [*Zeit*], [*Art*], [*Ort*]),
        ..office.hours.flatten(),
      )
    } else {
      text(style: "italic", data.noHours)
    }
    if office.contacts.len() > 0 {
      v(2pt)
      table(
        columns: (auto, auto, 1fr),
        table.header([*Funktion*], [*Name*], [*Erreichbarkeit*]),
        ..office.contacts.flatten(),
      )
    }
    if office.exceptions.len() > 0 {
      v(2pt)
      [*Abweichungen:* ]
      office.exceptions.join("; ")
    }
  })
  line(length: 100%, stroke: 0.3pt + luma(190))
}
`;

/**
 * Renders the overview; everything in it comes from the data of this moment. `scope` names the
 * search the offices were chosen by, if any.
 */
export function renderOverviewPdf(
  overview: Pick<Overview, 'offices'>,
  now: Date,
  scope: string | null = null,
): Buffer {
  const wall = berlinWallClock(now);
  return renderTypstPdf(template, {
    title: 'Übersicht der Migrationsberatung (MBE und JMD)',
    subtitle: [
      `Stand: ${germanDate(wall.date)}, ${wall.time.slice(0, 5)} Uhr`,
      scope,
      `${overview.offices.length} Beratungsstellen`,
      'erzeugt aus den aktuellen Daten in Koop',
    ]
      .filter(Boolean)
      .join(' · '),
    independence:
      'Die Migrationsberatung der Wohlfahrtsverbände ist freiwillig, vertraulich und unabhängig von Behörden. ' +
      'Bitte weisen Sie Ratsuchende darauf hin, dass der Besuch der Beratung keine Voraussetzung für Leistungen oder Aufenthaltstitel ist.',
    footer: `Koop – Übersicht der Beratungsstellen, Stand ${germanDate(wall.date)}`,
    noHours: 'Keine regelmäßigen Sprechzeiten eingetragen – bitte telefonisch nachfragen.',
    offices: overview.offices.map(officeData),
  });
}

import type { DataProtectionLaw, GermanState } from '../modules/organisations/organisations.values.ts';

/**
 * The supervisory authority a client may complain to (Art. 77 DSGVO, § 48 KDG, § 46 DSG-EKD),
 * derived from the data protection law the provider declares (R-CON-7). The one table of their
 * names and web addresses.
 */

export interface SupervisoryAuthority {
  name: string;
  url: string | null;
}

export { germanStates } from '../modules/organisations/organisations.values.ts';

/** The state authorities supervising private bodies such as welfare providers (DSGVO/BDSG). */
export const stateAuthorities: Record<GermanState, SupervisoryAuthority> = {
  BW: {
    name: 'Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Baden-Württemberg',
    url: 'https://www.baden-wuerttemberg.datenschutz.de',
  },
  BY: { name: 'Bayerisches Landesamt für Datenschutzaufsicht', url: 'https://www.lda.bayern.de' },
  BE: {
    name: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit',
    url: 'https://www.datenschutz-berlin.de',
  },
  BB: {
    name: 'Die Landesbeauftragte für den Datenschutz und für das Recht auf Akteneinsicht Brandenburg',
    url: 'https://www.lda.brandenburg.de',
  },
  HB: {
    name: 'Die Landesbeauftragte für Datenschutz und Informationsfreiheit der Freien Hansestadt Bremen',
    url: 'https://www.datenschutz.bremen.de',
  },
  HH: {
    name: 'Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit',
    url: 'https://datenschutz-hamburg.de',
  },
  HE: {
    name: 'Der Hessische Beauftragte für Datenschutz und Informationsfreiheit',
    url: 'https://datenschutz.hessen.de',
  },
  MV: {
    name: 'Der Landesbeauftragte für Datenschutz und Informationsfreiheit Mecklenburg-Vorpommern',
    url: 'https://www.datenschutz-mv.de',
  },
  NI: {
    name: 'Die Landesbeauftragte für den Datenschutz Niedersachsen',
    url: 'https://www.lfd.niedersachsen.de',
  },
  NW: {
    name: 'Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen',
    url: 'https://www.ldi.nrw.de',
  },
  RP: {
    name: 'Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz',
    url: 'https://www.datenschutz.rlp.de',
  },
  SL: { name: 'Unabhängiges Datenschutzzentrum Saarland', url: 'https://www.datenschutz.saarland.de' },
  SN: {
    name: 'Sächsische Datenschutz- und Transparenzbeauftragte',
    url: 'https://www.datenschutz.sachsen.de',
  },
  ST: {
    name: 'Landesbeauftragter für den Datenschutz Sachsen-Anhalt',
    url: 'https://datenschutz.sachsen-anhalt.de',
  },
  SH: {
    name: 'Unabhängiges Landeszentrum für Datenschutz Schleswig-Holstein',
    url: 'https://www.datenschutzzentrum.de',
  },
  TH: {
    name: 'Thüringer Landesbeauftragter für den Datenschutz und die Informationsfreiheit',
    url: 'https://www.tlfdi.de',
  },
};

/** Without a known Land: the state authority in general, with the federal list of their addresses. */
export const genericStateAuthority: SupervisoryAuthority = {
  name: 'die Datenschutzaufsichtsbehörde des Landes, in dem die verantwortliche Stelle ihren Sitz hat',
  url: 'https://www.bfdi.bund.de/DE/Service/Anschriften/Laender/Laender-node.html',
};

/**
 * Catholic providers (Caritas): the data protection supervision of their diocese. Which of the
 * Catholic supervisions is competent follows the diocese, not the Land, so it is named by its role.
 */
export const catholicAuthority: SupervisoryAuthority = {
  name: 'die Katholische Datenschutzaufsicht (Katholisches Datenschutzzentrum bzw. diözesane Datenschutzaufsicht) des Bistums, in dem die verantwortliche Stelle ihren Sitz hat',
  url: null,
};

/** Protestant providers (Diakonie): the EKD's data protection commissioner. */
export const protestantAuthority: SupervisoryAuthority = {
  name: 'Der Beauftragte für den Datenschutz der EKD',
  url: 'https://datenschutz.ekd.de',
};

/** The authority competent for a provider under its law; `state` picks the Land's authority. */
export function supervisoryAuthorityFor(
  law: DataProtectionLaw | null,
  state: GermanState | null,
): SupervisoryAuthority {
  switch (law) {
    case 'kdg':
      return catholicAuthority;
    case 'dsg_ekd':
      return protestantAuthority;
    case 'dsgvo':
    case null:
      return state ? stateAuthorities[state] : genericStateAuthority;
  }
}

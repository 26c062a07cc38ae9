/**
 * German labels of the fixed value lists of case management (age groups, school levels …): the
 * codes stored on a record and what the documents print for them. A language file may translate
 * any of them; where it does not, the German label is printed.
 */
export const germanValueLabels = {
  ageGroup: {
    under_12: 'unter 12 Jahre',
    '12_17': '12–17 Jahre',
    '18_26': '18–26 Jahre',
    '27_34': '27–34 Jahre',
    '35_44': '35–44 Jahre',
    '45_54': '45–54 Jahre',
    '55_64': '55–64 Jahre',
    '65_plus': '65 Jahre und älter',
  },
  schooling: {
    none: 'keine',
    primary: 'Grundschule',
    secondary: 'weiterführende Schule',
    upper_secondary: 'Abitur oder vergleichbar',
    university: 'Hochschule',
  },
  caseType: { short_counselling: 'Kurzberatung', case_management: 'Case Management' },
  phase: {
    intake: 'Sondierungsgespräch',
    analysis: 'Sozial- und Kompetenzanalyse',
    plan: 'Förderplan',
    implementation: 'Umsetzung',
  },
  gender: { female: 'weiblich', male: 'männlich', diverse: 'divers', not_stated: 'keine Angabe' },
  relation: {
    partner: 'Partner/in',
    child: 'Kind',
    parent: 'Elternteil',
    sibling: 'Geschwister',
    other: 'Sonstige',
  },
  form: {
    in_person: 'persönlich',
    phone: 'Telefon',
    video: 'Video',
    message: 'Nachricht',
    home_visit: 'Hausbesuch',
  },
  contactStatus: {
    planned: 'geplant',
    held: 'stattgefunden',
    missed: 'nicht wahrgenommen',
    cancelled: 'abgesagt',
  },
  activity: {
    course_support: 'Sozialpädagogische Begleitung im Integrationskurs',
    childcare: 'Kinderbetreuung',
  },
  activityStatus: { planned: 'geplant', active: 'läuft', done: 'abgeschlossen', cancelled: 'abgebrochen' },
  goalStatus: { open: 'offen', in_progress: 'in Arbeit', reached: 'erreicht', dropped: 'verworfen' },
  stepStatus: { open: 'offen', in_progress: 'in Arbeit', done: 'erledigt', dropped: 'verworfen' },
  responsible: { client: 'Ratsuchende Person', counsellor: 'Beratung', partner: 'Partner' },
  method: {
    spoken: 'mündlich',
    signed_paper: 'auf Papier unterschrieben',
    signed_on_screen: 'am Bildschirm unterschrieben',
    in_writing: 'schriftlich (Nachricht)',
  },
  work: {
    employed: 'erwerbstätig',
    self_employed: 'selbstständig',
    minor_employment: 'geringfügig beschäftigt',
    training: 'in Ausbildung',
    job_seeking: 'arbeitsuchend',
    not_seeking: 'nicht arbeitsuchend',
    unknown: 'unbekannt',
  },
  housing: {
    own_flat: 'eigene Wohnung',
    with_family: 'bei Angehörigen',
    shared_accommodation: 'Gemeinschaftsunterkunft',
    homeless: 'ohne Wohnung',
    other: 'sonstige',
  },
  recognition: {
    not_needed: 'nicht erforderlich',
    not_started: 'noch nicht beantragt',
    in_progress: 'läuft',
    recognised: 'anerkannt',
    partially_recognised: 'teilweise anerkannt',
    not_recognised: 'nicht anerkannt',
  },
} as const;

export type ValueLabelGroup = keyof typeof germanValueLabels;

/** Translations of the value lists: any group, any code may be missing (German is printed). */
export type ValueLabelTranslations = {
  [G in ValueLabelGroup]?: Partial<Record<keyof (typeof germanValueLabels)[G], string>>;
};

import { legalTerms } from '../../terms.ts';
import type { AgreementModel, MeetingKind } from './agreements.values.ts';

/**
 * The model agreements and checklists of the BAGFW recommendation (2011) as data (R-AGR-2), in
 * today's terms from `terms.ts`. Every item of the source's "sollten/könnten konkret regeln"
 * lists is a clause of its template; `source` quotes the beginning of the item as the source
 * words it, so a test can read the templates against the source text. An agreement copies the
 * clause texts when it is started and keeps them per version, so a change here never touches an
 * agreement already drawn up or signed.
 */

export interface ClausePlaceholder {
  /** Written in the text as `{key}`. */
  key: string;
  label: string;
}

export interface ClauseTemplate {
  id: string;
  /** Heading in the document (§ 1 …) or the checklist item's short title. */
  title: string;
  text: string;
  placeholders: readonly ClausePlaceholder[];
  /** Ticked when an agreement is started from the template. */
  selected: boolean;
  /** The beginning of the source's wording of this item, as printed there. */
  source?: string;
}

export interface AgreementTemplate {
  model: AgreementModel;
  title: string;
  description: string;
  /** Whether the agreement is signed (an informal arrangement is not). */
  signed: boolean;
  clauses: readonly ClauseTemplate[];
  /** The meetings the model prescribes (R-AGR-6, R-AGR-7): kind and how many a year. */
  meetings: readonly { kind: MeetingKind; perYear: number }[];
}

const jc = legalTerms.jobcentre.de;
const plan = legalTerms.cooperationPlan.de;
const mbe = legalTerms.adultMigrationCounselling.de;
const jmd = legalTerms.youthMigrationService.de;
const income = legalTerms.basicIncomeSupport.de;

const dataProtectionJc =
  'Die Weitergabe von Daten ist nur auf Wunsch und mit schriftlicher Einwilligung der ratsuchenden Person zulässig.';

/** "Die Kooperationsvereinbarungen sollten konkret regeln" — Leitlinien für das Jobcenter. */
const jobcenterChecklist: readonly ClauseTemplate[] = [
  {
    id: 'jc.information_exchange',
    title: 'Informationsaustausch im Einzelfall',
    source: 'wie im Einzelfall ein Austausch von Informationen zwischen Jobcenter und MBE',
    text: `Ein Austausch von Informationen zwischen ${jc} und MBE über die Ergebnisse etwa des Assessments/Profilings und den sich daraus ergebenden Handlungsbedarf erfolgt im Einzelfall so: {procedure}. Der Datenschutz ist dabei gewährleistet. ${dataProtectionJc} Die MBE gibt der Person Kopien der schriftlichen Kommunikation mit dem ${jc} mit, damit sie die Informationshoheit über ihre Anliegen behält.`,
    placeholders: [{ key: 'procedure', label: 'Ablauf des Austauschs' }],
    selected: true,
  },
  {
    id: 'jc.referral_information',
    title: 'Information über das Beratungsangebot und Verweisung',
    source: 'dass die Jobcenter systematisch über das Beratungsangebot der MBE',
    text: `Das ${jc} informiert systematisch über das Beratungsangebot der MBE und verweist an diese. Die Träger stellen dafür eine jeweils aktuelle Übersicht der Beraterinnen und Berater, Adressen und Beratungszeiten zur Verfügung (in Koop jederzeit abrufbar). Die Mitarbeitenden des ${jc}s sind für frühe Abstimmung und Rücksprache erreichbar: {reachability}.`,
    placeholders: [{ key: 'reachability', label: 'Erreichbarkeit' }],
    selected: true,
  },
  {
    id: 'jc.central_contact',
    title: 'Zentrale Ansprechperson des Jobcenters',
    source: 'dass den MBE seitens der Jobcenter (mindestens) ein zentraler Ansprech',
    text: `Das ${jc} benennt der MBE (mindestens) eine zentrale Ansprechperson außer den persönlichen Ansprechpartnerinnen und Ansprechpartnern und Fallmanagern: {contact}. Sie dient der Weitergabe von Informationen und der Klärung der Kooperationsformen.`,
    placeholders: [{ key: 'contact', label: 'Zentrale Ansprechperson' }],
    selected: true,
  },
  {
    id: 'jc.offers_information',
    title: 'Information über Angebote und Maßnahmen',
    source: 'dass die MBE regelmäßig über die Angebote und Maßnahmen der ARGEn',
    text: `Die MBE wird regelmäßig über die Angebote und Maßnahmen des ${jc}s informiert.`,
    placeholders: [],
    selected: true,
  },
  {
    id: 'jc.dropout_exchange',
    title: 'Austausch über drohende Abbrüche',
    source: 'wie ein gegenseitiger Austausch insbesondere über (drohende) Abbrüche',
    text: `Ein gegenseitiger Austausch über (drohende) Abbrüche von Maßnahmen oder andere gravierende Veränderungen, die für den ${plan} relevant sind, erfolgt so: {procedure}. ${dataProtectionJc} Den Beratenen wird bewusst gemacht, dass Mitteilungen der MBE in die Akte beim ${jc} gelangen und dort auch bei späteren Entscheidungen über Leistungsminderungen berücksichtigt werden können.`,
    placeholders: [{ key: 'procedure', label: 'Ablauf des Austauschs' }],
    selected: true,
  },
  {
    id: 'jc.conflicts',
    title: 'Lösung von Konflikten',
    source: 'wie eventuell auftretende Konflikte zwischen MBE und Fallmanagern',
    text: `Konflikte zwischen MBE und Fallmanagement bei unterschiedlichen Auffassungen über die Planung im Einzelfall werden so gelöst: {procedure}.`,
    placeholders: [{ key: 'procedure', label: 'Weg der Konfliktlösung' }],
    selected: true,
  },
];

/** "Die Kooperationsvereinbarungen könnten konkret regeln" — Ausländerbehörde. */
const abhChecklist: readonly ClauseTemplate[] = [
  {
    id: 'abh.management_talks',
    title: 'Jährliche Arbeitsgespräche auf Geschäftsführungsebene',
    source: 'Jährliche Arbeitsgespräche auf Geschäftsführungsebene zwischen MBE und',
    text: 'Die Geschäftsführungen der Träger und die Leitung der Ausländerbehörde führen jährlich ein Arbeitsgespräch.',
    placeholders: [],
    selected: true,
  },
  {
    id: 'abh.referral_information',
    title: 'Information über das Beratungsangebot und Weiterleitung',
    source: 'dass die ABH systematisch über das Beratungsangebot informieren',
    text: 'Die Ausländerbehörde informiert systematisch über das Beratungsangebot, spricht eine positive Empfehlung für die Beratungsangebote in {place} aus und leitet bei Bedarf direkt an die Beratungsstellen weiter (eventuell nach vorherigem telefonischem Kontakt). Die Träger stellen dafür eine jeweils aktuelle Übersicht der Beraterinnen und Berater, Adressen und Beratungszeiten zur Verfügung.',
    placeholders: [{ key: 'place', label: 'Kommune oder Kreis' }],
    selected: true,
  },
  {
    id: 'abh.central_contact',
    title: 'Zentrale Ansprechperson der Ausländerbehörde',
    source: 'dass den MBE seitens der ABH ein zentraler Ansprechpartner',
    text: 'Die Ausländerbehörde benennt außer den jeweiligen Sachbearbeitenden eine zentrale Ansprechperson: {contact}. Sie dient der Weitergabe von Informationen, der Klärung der Kooperationsformen und der Konfliktintervention.',
    placeholders: [{ key: 'contact', label: 'Zentrale Ansprechperson' }],
    selected: true,
  },
  {
    id: 'abh.flyers',
    title: 'Flyer und Informationsmaterial',
    source: 'dass in der ABH jeweils aktuelle Flyer und aktuelles Informationsmaterial',
    text: 'In der Ausländerbehörde können jeweils aktuelle Flyer und aktuelles Informationsmaterial der Migrationsfachdienste ausgelegt werden.',
    placeholders: [],
    selected: true,
  },
  {
    id: 'abh.hours_in_premises',
    title: 'Beratung in Räumen der Ausländerbehörde',
    source: 'dass die Migrationsfachdienste stundenweise Beratungen in Räumen der ABH',
    text: 'Die Migrationsfachdienste bieten stundenweise Beratungen in Räumen der Ausländerbehörde an: {hours}.',
    placeholders: [{ key: 'hours', label: 'Tage und Stunden' }],
    selected: false,
  },
  {
    id: 'abh.regulations_information',
    title: 'Information über Verordnungen und Dienstanweisungen',
    source: 'dass die Migrationsfachdienste regelmäßig über neue Verordnungen',
    text: 'Die Migrationsfachdienste werden regelmäßig über neue Verordnungen und Dienstanweisungen der Ausländerbehörde informiert.',
    placeholders: [],
    selected: true,
  },
  {
    id: 'abh.staff_presentation',
    title: 'Vorstellung bei neuen Mitarbeitenden',
    source: 'dass die Arbeit der Migrationsfachdienste regelmäßig neuen Mitarbeitenden',
    text: 'Die Arbeit der Migrationsfachdienste wird neuen Mitarbeitenden der Ausländerbehörde regelmäßig vorgestellt.',
    placeholders: [],
    selected: true,
  },
  {
    id: 'abh.conflicts',
    title: 'Lösung von Konflikten',
    source: 'wie eventuell auftretende Konflikte zwischen MBE und Fallmanagern',
    text: 'Konflikte zwischen den Migrationsfachdiensten und den Sachbearbeitenden bei unterschiedlichen Auffassungen über die Planung im Einzelfall werden so gelöst: {procedure}.',
    placeholders: [{ key: 'procedure', label: 'Weg der Konfliktlösung' }],
    selected: true,
  },
  {
    id: 'abh.data_protection',
    title: 'Datenschutz',
    source: 'dass der Datenschutz dabei gewährleistet ist',
    text: 'Der Datenschutz ist gewährleistet: Die Weitergabe von Daten ist nur auf Wunsch und mit schriftlicher Einwilligung der ratsuchenden Person zulässig. Die Migrationsfachdienste geben der Person Kopien der schriftlichen Kommunikation mit der Ausländerbehörde mit, damit sie die Informationshoheit über ihre Anliegen behält.',
    placeholders: [],
    selected: true,
  },
];

const preamble: ClauseTemplate = {
  id: 'abh.preamble',
  title: 'Präambel',
  text: `In den §§ 43–45 AufenthG wird neben der Möglichkeit des Besuchs eines Integrationskurses auch auf die begleitende Beratung verwiesen. Hilfestellung bei migrationsspezifischen Problemen leisten die ${mbe} und die Jugendmigrationsdienste. Eine erfolgreiche Unterstützung der Zugewanderten setzt eine Kooperation zwischen den relevanten Akteuren der Integrationsarbeit vor Ort voraus, insbesondere Migrationsberatungsstellen, Integrationskursträgern, Ausländerbehörden und ${jc}.`,
  placeholders: [],
  selected: true,
};

const abhClearingParagraphs: readonly ClauseTemplate[] = [
  preamble,
  {
    id: 'abh.purpose',
    title: '§ 1 Zweck der Vereinbarung',
    text: 'Die Ausländerbehörde {authority} und die Träger vereinbaren eine Kooperation mit dem Ziel, neu zugewanderte Personen und sonstige Ausländerinnen und Ausländer, die die Behörde in aufenthaltsrechtlichen Fragen aufsuchen, besser und zeitnah in allen sozialen und rechtlichen Fragen beraten und unterstützen zu können. Zu diesem Zweck wird in den Räumen der Ausländerbehörde eine Clearingstelle eingerichtet.',
    placeholders: [{ key: 'authority', label: 'Ausländerbehörde' }],
    selected: true,
  },
  {
    id: 'abh.clearing_tasks',
    title: '§ 2 Ziele und Aufgaben der Clearingstelle',
    text: 'Die Clearingstelle zielt gemeinsam mit den Migrationsberatungsstellen, den Integrationskursträgern und weiteren Institutionen auf eine Unterstützung des Integrationsprozesses ab. Sie informiert möglichst früh nach der Einreise Neuzugewanderte und schon länger in Deutschland lebende Menschen mit Migrationsgeschichte über Sprachkurs- und Beratungsangebote, fördert niederschwellig den Zugang zu diesen und erhöht die Bereitschaft zu deren Nutzung. Zentrale Aufgaben sind: die Vermittlung grundlegender Informationen über das Beratungsangebot in der Stadt; die Beratung über die Integrationskurse; die Sondierung eines möglichen individuellen Hilfebedarfs; bei Bedarf die Weitervermittlung an wohnortnahe Integrationsangebote (z. B. Integrationskurs, MBE, JMD); das Führen einer Statistik ohne Namen; falls vorhanden die Übergabe eines Willkommenspakets. In der Clearingstelle findet keine umfassende Beratung statt; diese wird in den Migrationsberatungsstellen – MBE und JMD – geleistet. Der Zugang erfolgt über die Ausländerbehörde, deren Mitarbeitende ohne Zwang weiterleiten und auf die Freiwilligkeit und Neutralität des Angebots hinweisen; er ist auch auf Empfehlung anderer Institutionen und Personen möglich. Die Weitergabe von Daten ist nur auf Wunsch und mit schriftlicher Einwilligung der ratsuchenden Person zulässig.',
    placeholders: [],
    selected: true,
  },
  {
    id: 'abh.clearing_staffing',
    title: '§ 3 Besetzung der Clearingstelle',
    text: `Die kooperierenden Träger streben an, die Clearingstelle in der Ausländerbehörde an {days} Tagen mit {hours} Stunden in der Woche durch geschulte Fachkräfte der ${mbe} und/oder des ${jmd} während der Öffnungszeiten der Behörde zu besetzen.`,
    placeholders: [
      { key: 'days', label: 'Tage in der Woche' },
      { key: 'hours', label: 'Stunden in der Woche' },
    ],
    selected: true,
  },
  {
    id: 'abh.premises',
    title: '§ 4 Räumlichkeiten',
    text: 'Zur Nutzung der Räume, zu Raum-, Telefon- und Internetkosten, zum Aufhängen von Plakaten und zu Hinweisschildern auf allen Stockwerken wird vereinbart: {premises}. Die Clearingstelle ist als Angebot der freien Träger äußerlich erkennbar von der Behörde getrennt.',
    placeholders: [{ key: 'premises', label: 'Vereinbarung zu den Räumen' }],
    selected: true,
  },
  {
    id: 'abh.communication',
    title: '§ 5 Kommunikationsstruktur',
    text: 'Die Mitarbeitenden der Clearingstelle stimmen sich zweimal im Jahr mit der Leitungsebene der Ausländerbehörde zum Stand und zur Umsetzung der Kooperationsvereinbarung ab. Grundlage dafür ist unter anderem die geführte Statistik.',
    placeholders: [],
    selected: true,
  },
  {
    id: 'abh.term',
    title: '§ 6 Laufzeit und Kündigung',
    text: 'Die Vereinbarung gilt vom {start} bis zum {end}. Sie kann jeweils um ein Jahr verlängert werden. Aus wichtigem Grund kann sie jederzeit fristlos von jedem der Partner aufgelöst werden.',
    placeholders: [
      { key: 'start', label: 'Beginn' },
      { key: 'end', label: 'Ende' },
    ],
    selected: true,
  },
  {
    id: 'abh.annex',
    title: 'Anhang (fakultativ)',
    text: 'Aufgaben der Clearingstelle und der Behörde im Einzelnen für die Mitarbeitenden beider Institutionen sowie die Form der Zusammenarbeit von Behörden- und Clearingstellen-Mitarbeitenden in Bezug auf Telefonate, Nachfragen und Vorgesetzte: {details}.',
    placeholders: [{ key: 'details', label: 'Einzelheiten' }],
    selected: false,
  },
];

const abhParagraphs: readonly ClauseTemplate[] = [
  preamble,
  {
    id: 'abh.purpose',
    title: '§ 1 Zweck der Vereinbarung',
    text: 'Die Ausländerbehörde {authority} und die Träger vereinbaren eine Kooperation mit dem Ziel, neu zugewanderte Personen und sonstige Ausländerinnen und Ausländer, die die Behörde in aufenthaltsrechtlichen Fragen aufsuchen, besser und zeitnah in allen sozialen und rechtlichen Fragen beraten und unterstützen zu können. Die Beratung ist freiwillig; ihre Inanspruchnahme ist keine Voraussetzung für eine aufenthaltsrechtliche Entscheidung.',
    placeholders: [{ key: 'authority', label: 'Ausländerbehörde' }],
    selected: true,
  },
];

const abhTerm: ClauseTemplate = {
  id: 'abh.term',
  title: 'Laufzeit und Kündigung',
  text: 'Die Vereinbarung gilt vom {start} bis zum {end}. Sie kann jeweils um ein Jahr verlängert werden. Aus wichtigem Grund kann sie jederzeit fristlos von jedem der Partner aufgelöst werden.',
  placeholders: [
    { key: 'start', label: 'Beginn' },
    { key: 'end', label: 'Ende' },
  ],
  selected: true,
};

/** Tasks of the MBE in the integration-course-provider model (item 2). */
const courseMbeTasks: readonly ClauseTemplate[] = [
  {
    id: 'course.mbe_presentation',
    title: 'Vorstellung in den laufenden Kursen',
    source: 'Die persönliche Vorstellung der sozialpädagogischen Fachkräfte',
    text: 'Aufgabe der MBE: die persönliche Vorstellung der sozialpädagogischen Fachkräfte in den laufenden Integrationskursen sowie die Präsentation des Leistungsspektrums der MBE.',
    placeholders: [],
    selected: true,
  },
  {
    id: 'course.mbe_support',
    title: 'Sozialpädagogische Begleitung',
    source: 'Zielgruppenspezifische Aufgabe der MBE',
    text: `Aufgabe der MBE: die sozialpädagogische Begleitung der Teilnehmenden der Integrationskurse ab 27 Jahren auf Grundlage der geltenden Förderrichtlinien des Bundes zur ${mbe}.`,
    placeholders: [],
    selected: true,
  },
  {
    id: 'course.mbe_conferences',
    title: 'Teilnahme an Lehrerkonferenzen',
    source: 'Die konstruktive Zusammenarbeit mit den Trägern der Integrationskurse',
    text: 'Aufgabe der MBE: die konstruktive Zusammenarbeit mit den Trägern der Integrationskurse und die Teilnahme an Lehrerkonferenzen zum gemeinsamen Erfahrungsaustausch über die Kooperationsabsprachen.',
    placeholders: [],
    selected: true,
  },
  {
    id: 'course.mbe_material',
    title: 'Informationsmaterial',
    source: 'Die Bereitstellung von Informationsmaterialien',
    text: 'Aufgabe der MBE: die Bereitstellung von Informationsmaterialien zu den Angeboten der MBE für alle Beteiligten.',
    placeholders: [],
    selected: true,
  },
];

/** Tasks of the course provider, on the grounds of today's IntV paragraphs. */
const courseProviderTasks: readonly ClauseTemplate[] = [
  {
    id: 'course.provider_presentation',
    title: 'Vorstellung ermöglichen',
    source: 'Der Integrationskursträger ermöglicht die Vorstellung der MBE',
    text: `Aufgabe des Kursträgers (${legalTerms.courseProviderDuties.basis}): Er ermöglicht die Vorstellung der MBE in den laufenden Integrationskursen und setzt die Lehrkräfte darüber in Kenntnis.`,
    placeholders: [],
    selected: true,
  },
  {
    id: 'course.provider_access',
    title: 'Informationsgespräch während des Unterrichts',
    source: 'Der Integrationskursträger gewährleistet den Zugang aller Teilnehmer',
    text: 'Aufgabe des Kursträgers: Er gewährleistet den Zugang aller Teilnehmenden während der Unterrichtszeit vor Ort zu einem einmaligen Informationsgespräch der verantwortlichen sozialpädagogischen Fachkräfte der MBE.',
    placeholders: [],
    selected: true,
  },
  {
    id: 'course.provider_problems',
    title: 'Information bei besonderen Problemlagen',
    source: 'Bei besonderen Problemlagen und bei bestehendem Beratungsbedarf',
    text: 'Aufgabe des Kursträgers: Bei besonderen Problemlagen und bestehendem Beratungsbedarf von Teilnehmenden, etwa einem drohenden Kursabbruch, informiert er die zuständigen Fachkräfte der MBE.',
    placeholders: [],
    selected: true,
  },
  {
    id: 'course.provider_conferences',
    title: 'Lehrerkonferenzen',
    source: 'Der Integrationskursträger gewährleistet die Teilnahme der zuständigen',
    text: 'Aufgabe des Kursträgers: Er gewährleistet die Teilnahme der zuständigen Fachkräfte der MBE an Lehrerkonferenzen, die dem gegenseitigen Erfahrungsaustausch zu den Kooperationsabsprachen dienen.',
    placeholders: [],
    selected: true,
  },
  {
    id: 'course.provider_offer',
    title: 'Aktuelles Kursangebot',
    source: 'Der Integrationskursträger informiert zeitnah die für sie zuständige MBE',
    text: 'Aufgabe des Kursträgers: Er informiert die zuständige MBE zeitnah über das aktuelle Kursangebot.',
    placeholders: [],
    selected: true,
  },
];

export const agreementTemplates: Record<AgreementModel, AgreementTemplate> = {
  abh_clearing: {
    model: 'abh_clearing',
    title: 'Kooperationsvereinbarung mit der Ausländerbehörde (mit Clearingstelle)',
    description: 'Mustervereinbarung: Präambel, §§ 1–6, fakultativer Anhang, dazu die Punkte der Checkliste.',
    signed: true,
    clauses: [...abhClearingParagraphs, ...abhChecklist],
    meetings: [
      { kind: 'management_talk', perYear: 1 },
      { kind: 'clearing_coordination', perYear: 2 },
      { kind: 'staff_presentation', perYear: 1 },
    ],
  },
  abh: {
    model: 'abh',
    title: 'Kooperationsvereinbarung mit der Ausländerbehörde (ohne Clearingstelle)',
    description: 'Zweck, die Punkte der Checkliste, Laufzeit und Kündigung.',
    signed: true,
    clauses: [...abhParagraphs, ...abhChecklist, abhTerm],
    meetings: [
      { kind: 'management_talk', perYear: 1 },
      { kind: 'staff_presentation', perYear: 1 },
    ],
  },
  course_provider: {
    model: 'course_provider',
    title: 'Kooperationsvereinbarung mit einem Integrationskursträger',
    description: 'Gegenstand, Aufteilung der Zuständigkeiten, Laufzeit, Unterschriften.',
    signed: true,
    clauses: [
      {
        id: 'course.subject',
        title: '1. Gegenstand und Zweck der Vereinbarung',
        text: `Im Rahmen der Kooperation wird eine Regelung zur sozialpädagogischen Begleitung während der Integrationskurse zum Zwecke einer erfolgreichen Integration von Zugewanderten zwischen den Kooperationspartnern vereinbart. Grundlage ist die Konzeption des Bundes für die ${mbe}.`,
        placeholders: [],
        selected: true,
      },
      ...courseMbeTasks,
      ...courseProviderTasks,
      {
        id: 'course.term',
        title: '3. Laufzeit',
        text: 'Die Kooperationsvereinbarung ist an den Bewilligungszeitraum des Integrationskurses {course} gebunden (bis {end}). Den Kooperationspartnern entstehen aus dieser Vereinbarung keinerlei Kosten oder anderweitige Verpflichtungen.',
        placeholders: [
          { key: 'course', label: 'Integrationskurs' },
          { key: 'end', label: 'Ende des Bewilligungszeitraums' },
        ],
        selected: true,
      },
    ],
    meetings: [
      { kind: 'teacher_conference', perYear: 2 },
      { kind: 'course_presentation', perYear: 2 },
    ],
  },
  jobcenter: {
    model: 'jobcenter',
    title: `Kooperationsvereinbarung mit dem ${jc}`,
    description: 'Leitlinien als Checkliste: Zuständigkeiten und was die Vereinbarung konkret regeln sollte.',
    signed: true,
    clauses: [
      {
        id: 'jc.responsibilities',
        title: 'Zuständigkeiten',
        text: `Die umfassende Erstberatung Neuzugewanderter liegt bei der MBE, einschließlich Fragen zur Arbeitslosigkeit, zur Anerkennung beruflicher Qualifikationen und zu Rechten und Pflichten nach den Sozialgesetzbüchern vor der Antragstellung; ebenso die Information und Beratung zu Integrationskursen, die sozialpädagogische Begleitung während der Kurse und die Vermittlung der Kinderbetreuung. Die federführende Zuständigkeit für die Vermittlung in Arbeit und Ausbildung und für Förderung und Beratung in Fragen der Arbeitslosigkeit und des Bezugs von ${income} liegt beim ${jc}; es verpflichtet neben der Ausländerbehörde zur Teilnahme am Integrationskurs (${legalTerms.courseObligation.basis}). Die Beratung bleibt freiwillig: Nichtbesuch oder Abbruch der Beratung führen nicht zu Leistungsminderungen.`,
        placeholders: [],
        selected: true,
      },
      ...jobcenterChecklist,
      {
        id: 'jc.evaluation',
        title: 'Regelmäßige Auswertung der Zusammenarbeit',
        text: `MBE und ${jc} werten die Zusammenarbeit {interval} gemeinsam aus, um Angebotslücken zu erkennen und Maßnahmen zu entwickeln.`,
        placeholders: [{ key: 'interval', label: 'Wie oft' }],
        selected: true,
      },
    ],
    meetings: [{ kind: 'jobcenter_evaluation', perYear: 2 }],
  },
  free: {
    model: 'free',
    title: 'Freie Kooperationsvereinbarung',
    description: 'Eigene Regelungen ohne Muster.',
    signed: true,
    clauses: [
      {
        id: 'free.subject',
        title: 'Gegenstand der Vereinbarung',
        text: '{subject}',
        placeholders: [{ key: 'subject', label: 'Gegenstand' }],
        selected: true,
      },
    ],
    meetings: [],
  },
  informal: {
    model: 'informal',
    title: 'Kooperationsabsprache (schriftlich oder mündlich)',
    description: 'Eine Absprache ohne Unterschriften, festgehalten als solche.',
    signed: false,
    clauses: [
      {
        id: 'informal.arrangement',
        title: 'Absprache',
        text: '{arrangement}',
        placeholders: [{ key: 'arrangement', label: 'Was abgesprochen wurde' }],
        selected: true,
      },
    ],
    meetings: [],
  },
};

/** The checklist clauses of a template that quote a source item. */
export function checklistClauses(model: AgreementModel): readonly ClauseTemplate[] {
  return agreementTemplates[model].clauses.filter((c) => c.source !== undefined);
}

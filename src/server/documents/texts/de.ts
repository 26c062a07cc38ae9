import { term } from '../../terms.ts';
import { germanValueLabels } from './labels.ts';
import type { DocumentTexts } from './types.ts';

/** German: the binding text of every client document. */
export const de: DocumentTexts = {
  languageName: 'Deutsch',
  common: {
    yes: 'ja',
    no: 'nein',
    years: (n) => (n === 1 ? '1 Jahr' : `${n} Jahre`),
    minutes: (n) => `${n} Min.`,
    situation: (p) => `Lebensunterhalt: ${p.livelihood}; Deutsch: ${p.german}; Arbeit: ${p.work}`,
  },
  law: {
    dsgvo: 'Datenschutz-Grundverordnung (DSGVO) und Bundesdatenschutzgesetz (BDSG)',
    kdg: 'Gesetz über den Kirchlichen Datenschutz (KDG)',
    dsg_ekd: 'EKD-Datenschutzgesetz (DSG-EKD)',
  },
  person: {
    heading: 'Angaben zur Person',
    name: 'Name',
    pseudonym: 'Pseudonym',
    birthDate: 'Geburtsdatum',
    ageGroup: (group) => `Altersgruppe ${group}`,
    gender: 'Geschlecht',
    citizenship: 'Staatsangehörigkeit',
    languages: 'Sprachen',
    phone: 'Telefon',
    email: 'E-Mail',
    reachability: 'Erreichbarkeit',
    arrivalYear: 'Jahr der Einreise',
    residenceStatus: 'Aufenthaltsstatus',
    familyHeading: 'Mitberatene Familienangehörige',
    relation: 'Beziehung',
    givenName: 'Vorname',
    birthYear: 'Geburtsjahr',
    counselledAlongside: 'Mitberaten',
  },
  case: {
    heading: (caseNumber) => `Fall ${caseNumber}`,
    service: 'Dienst',
    serviceMBE: term('adultMigrationCounselling'),
    serviceJMD: term('youthMigrationService'),
    caseType: 'Art',
    counsellor: 'Beraterin / Berater',
    openedOn: 'Eröffnet am',
    phase: 'Phase',
    wayIn: 'Zugangsweg',
    situationStart: 'Ausgangslage',
    closedOn: 'Abgeschlossen am',
    closureReason: 'Abschlussgrund',
    situationEnd: 'Situation zum Ende',
    erasureFrom: 'Löschung vorgesehen ab',
    intakeHeading: (date) => `Sondierungsgespräch am ${date}`,
    reason: 'Anlass',
    concerns: 'Anliegen',
    agreedNextSteps: 'Vereinbarte nächste Schritte',
    topics: 'Themen',
    analysisHeading: 'Sozial- und Kompetenzanalyse',
    germanLevel: 'Deutschkenntnisse',
    otherLanguages: 'Weitere Sprachen',
    schooling: 'Schulbildung',
    qualifications: 'Berufliche Qualifikationen',
    recognition: 'Anerkennung',
    workExperience: 'Berufserfahrung',
    family: 'Familie',
    housing: 'Wohnen',
    livelihood: 'Lebensunterhalt',
    health: 'Gesundheit (besondere Kategorie, Art. 9 DSGVO)',
    planHeading: 'Förderplan',
    goal: 'Ziel',
    course: 'Verlauf',
    agreement: 'Zustimmung',
    agreedOn: (date, method) => `vereinbart am ${date}, ${method}`,
    notAgreed: 'noch nicht vereinbart',
    step: 'Schritt',
    who: 'Wer',
    until: 'Bis',
    status: 'Stand',
    contactsHeading: 'Kontakte und Termine',
    when: 'Zeitpunkt',
    form: 'Form',
    duration: 'Dauer',
    note: 'Notiz',
    activitiesHeading: 'Begleitung und Kinderbetreuung',
    kind: 'Art',
    place: 'Kurs / Ort',
    period: 'Zeitraum',
    responsibilitiesHeading: 'Wer ist wofür zuständig',
    task: 'Aufgabe',
    responsible: 'Zuständig',
    accessHeading: 'Zugriffe durch Vertretung',
    person: 'Person',
  },
  art15: {
    title: 'Auskunft über Ihre gespeicherten Daten',
    intro: (controller) =>
      `Nach Art. 15 der Datenschutz-Grundverordnung erhalten Sie hier alles, was ${controller} in Koop über Sie gespeichert hat, und die Informationen dazu.`,
    createdFor: (date, name) => `Erstellt am ${date} für ${name}.`,
    footer: 'Auskunft nach Art. 15 DSGVO · vertraulich',
    controllerHeading: 'Verantwortliche Stelle',
    controllerName: 'Name',
    address: 'Anschrift',
    website: 'Internet',
    applicableLaw: 'Geltendes Datenschutzrecht',
    dataProtectionContact: 'Fragen zum Datenschutz',
    noDataProtectionContact:
      'Fragen zum Datenschutz beantwortet Ihre Beratungsstelle; Sie erreichen die verantwortliche Stelle unter den oben genannten Kontaktdaten.',
    purposesHeading: 'Zwecke der Verarbeitung (Art. 15 Abs. 1 lit. a)',
    purposes: [
      'Beratung und Begleitung: Ihre Anliegen, die gemeinsame Analyse Ihrer Situation, der Förderplan und seine Umsetzung.',
      'Abstimmung mit Partnerstellen (Jobcenter, Ausländerbehörde, Integrationskursträger) – nur wenn Sie es wünschen und schriftlich zugestimmt haben.',
      'Nachweis der Arbeit gegenüber dem Geldgeber der Beratung – nur als Statistik ohne Namen.',
    ],
    categoriesHeading: 'Kategorien der Daten (Art. 15 Abs. 1 lit. b)',
    categories: [
      'Angaben zur Person und Kontaktdaten (Name, Geburtsdatum oder Altersgruppe, Telefon, E-Mail)',
      'Herkunft, Staatsangehörigkeit, Sprachen, Einreise und Aufenthaltsstatus',
      'Schule, Ausbildung, Beruf, Arbeit, Wohnen und Lebensunterhalt',
      'Inhalte der Beratung: Anliegen, Analyse, Förderplan, Kontakte und Termine',
      'Angaben zu mitberatenen Familienangehörigen',
      'Protokoll, wer wann auf Ihre Daten zugegriffen hat',
    ],
    healthCategory:
      'Angaben zur Gesundheit (besondere Kategorie nach Art. 9 DSGVO), nur soweit Sie sie genannt haben',
    recipientsHeading: 'Empfänger (Art. 15 Abs. 1 lit. c)',
    consentsHeading: 'Ihre Einwilligungen in die Weitergabe von Daten',
    noConsents: 'Sie haben keine Einwilligung in die Weitergabe von Daten gegeben.',
    disclosuresIntro: 'Mit Ihrer Einwilligung wurden diese Daten weitergegeben:',
    recipient: 'Empfänger',
    sentOn: 'Datum',
    data: 'Daten',
    validity: 'Gültig',
    withdrawnOn: 'widerrufen am',
    noDisclosures: 'Bisher wurden keine Daten über Sie an andere Stellen weitergegeben.',
    possibleRecipientsIntro:
      'Empfänger können nur mit Ihrer schriftlichen Zustimmung für einen genannten Zweck sein:',
    possibleRecipients: [
      'Jobcenter',
      'Ausländerbehörde',
      'Integrationskursträger',
      'andere Beratungsdienste',
      'Außerdem verarbeitet ein IT-Dienstleister die Daten in unserem Auftrag (Art. 28 DSGVO); er ist vertraglich zur Verschwiegenheit verpflichtet. Der Geldgeber erhält nur Statistiken ohne Namen.',
    ],
    storageHeading: 'Speicherdauer (Art. 15 Abs. 1 lit. d)',
    storage: (years) =>
      `Die Daten eines abgeschlossenen Falls werden ${years === 1 ? '1 Jahr' : `${years} Jahre`} nach dem Abschluss gelöscht, wenn keine Aufbewahrungssperre besteht (zum Beispiel wegen eines Rechtsstreits). Statistiken enthalten keine Namen.`,
    rightsHeading: 'Ihre Rechte (Art. 15 Abs. 1 lit. e)',
    rightRectification:
      'Berichtigung (Art. 16): Sind Daten falsch oder unvollständig, werden sie berichtigt.',
    rightErasure:
      'Löschung (Art. 17): Sie können verlangen, dass Ihre Daten gelöscht werden, wenn sie nicht mehr gebraucht werden.',
    rightRestriction:
      'Einschränkung der Verarbeitung (Art. 18): Sie können verlangen, dass Ihre Daten nur noch gespeichert, aber nicht weiter genutzt werden.',
    rightObjection: 'Widerspruch (Art. 21): Sie können der Verarbeitung Ihrer Daten widersprechen.',
    rightWithdrawal:
      'Eine Zustimmung können Sie jederzeit für die Zukunft widerrufen. Die Beratung ändert sich dadurch nicht.',
    complaintHeading: 'Beschwerde bei der Aufsichtsbehörde (Art. 15 Abs. 1 lit. f)',
    complaint:
      'Sie können sich bei der Datenschutzaufsicht beschweren, wenn Sie meinen, dass Ihre Daten nicht richtig verarbeitet werden. Zuständig ist:',
    authority: 'Aufsichtsbehörde',
    sourcesHeading: 'Herkunft der Daten (Art. 15 Abs. 1 lit. g)',
    sourceClient: 'Die Daten stammen von Ihnen selbst: Sie haben sie in der Beratung genannt.',
    sourcePartners: 'Von Partnerstellen haben wir keine Daten über Sie erhalten.',
    automatedHeading: 'Automatisierte Entscheidungen (Art. 15 Abs. 1 lit. h)',
    automated:
      'Es gibt keine automatisierte Entscheidungsfindung und kein Profiling. Alle Entscheidungen treffen Menschen.',
    transfersHeading: 'Übermittlung in Drittländer (Art. 15 Abs. 2)',
    transfers: 'Ihre Daten werden nicht in Länder außerhalb der Europäischen Union übermittelt.',
    storedDataHeading: 'Ihre gespeicherten Daten',
  },
  summary: {
    title: (caseNumber) => `Fallzusammenfassung ${caseNumber}`,
    asOf: (date) => `Stand ${date}.`,
    voluntary:
      'Die Beratung ist freiwillig und unabhängig; Ihre Daten gibt die Beratungsstelle nur mit Ihrer schriftlichen Zustimmung weiter.',
    notACertificate:
      'Diese Zusammenfassung ist für Sie bestimmt. Sie ist keine Teilnahmebescheinigung und kein Nachweis für Behörden.',
    footer: (caseNumber) => `Fallzusammenfassung ${caseNumber} · vertraulich`,
  },
  exchange: {
    categories: {
      identity_contact: {
        label: 'Name und Kontaktdaten',
        explanation:
          'Ihr Name, Ihr Geburtsdatum und wie man Sie erreicht, zum Beispiel Telefon, E-Mail oder Anschrift.',
      },
      residence_status: {
        label: 'Aufenthaltsstatus',
        explanation:
          'Welches Aufenthaltsrecht Sie haben, zum Beispiel welche Aufenthaltserlaubnis, und bis wann es gilt.',
      },
      language_courses: {
        label: 'Sprachstand und Kurse',
        explanation:
          'Wie gut Sie Deutsch können und welche Sprach- oder Integrationskurse Sie besucht haben oder gerade besuchen.',
      },
      schooling_qualifications: {
        label: 'Schulbildung, Abschlüsse und ihre Anerkennung',
        explanation:
          'Welche Schule, Ausbildung oder welches Studium Sie haben, Ihre Abschlüsse und ob sie in Deutschland anerkannt sind.',
      },
      work_experience: {
        label: 'Berufserfahrung',
        explanation: 'Welche Arbeit Sie bisher gemacht haben, in Deutschland und in anderen Ländern.',
      },
      analysis_results: {
        label: 'Ergebnisse der Sozial- und Kompetenzanalyse',
        explanation:
          'Was Sie in der Beratung gemeinsam über Ihre Situation, Ihre Stärken und Ihren Unterstützungsbedarf herausgefunden haben.',
      },
      plan_goals: {
        label: 'Ziele des Förderplans',
        explanation:
          'Welche Ziele Sie in der Beratung vereinbart haben und welche Schritte dafür geplant sind.',
      },
      course_attendance: {
        label: 'Kursteilnahme und drohender Abbruch',
        explanation: 'Ob Sie an einem Kurs oder einer Maßnahme teilnehmen und ob ein Abbruch droht.',
      },
      family_situation: {
        label: 'Familiäre Situation',
        explanation:
          'Mit wem Sie zusammenleben, zum Beispiel Partnerin, Partner oder Kinder, und was das für Sie bedeutet, etwa für die Kinderbetreuung.',
      },
      health: {
        label: 'Gesundheit (besondere Kategorie, Art. 9 DSGVO)',
        explanation:
          'Angaben zu Ihrer Gesundheit, nur soweit sie für den Zweck wichtig sind – zum Beispiel, wenn Sie wegen einer Krankheit nicht an einem Kurs teilnehmen können.',
      },
    },
    purposes: {
      integration_jobcenter: 'Zusammenarbeit mit dem Jobcenter für Ihren Weg in Arbeit oder Ausbildung',
      course_participation: 'Ihre Teilnahme an einem Sprach- oder Integrationskurs',
      residence_matters: 'Fragen zu Ihrem Aufenthalt',
      other: 'Anderer Zweck',
    },
    directions: {
      to_partner: 'Nur von der Beratungsstelle an die Partnerstelle',
      from_partner: 'Nur von der Partnerstelle an die Beratungsstelle',
      both: 'In beide Richtungen: von der Beratungsstelle an die Partnerstelle und zurück',
    },
    repetitions: {
      once: 'Einmal: für eine einzige Weitergabe',
      repeated: 'Mehrmals: immer wieder, solange die Einwilligung gilt',
    },
    legalBases: {
      child_protection: 'Schutzauftrag bei Kindeswohlgefährdung',
      danger_to_life: 'Abwehr einer gegenwärtigen Gefahr für Leib oder Leben',
      court_order: 'Gerichtliche Anordnung',
      statutory_duty: 'Gesetzliche Mitteilungspflicht',
    },
    messageKinds: {
      assessment_result: 'Ergebnis der Analyse und Unterstützungsbedarf',
      dropout_notice: 'Drohender Abbruch einer Maßnahme oder eines Kurses',
      serious_change: 'Wichtige Veränderung in Ihrer Situation',
      special_problem: 'Besondere Schwierigkeiten',
      answer: 'Antwort',
    },
    organisation: 'Stelle',
    team: 'Team',
    contactPerson: 'Ansprechperson',
    purpose: 'Zweck',
    purposeDetails: 'Genauer',
    validUntil: 'Gültig bis',
    dataProtectionHeading: 'Datenschutz',
    controller: 'Verantwortliche Stelle',
    complaint:
      'Wenn Sie meinen, dass mit Ihren Daten nicht richtig umgegangen wird, können Sie sich bei der Aufsichtsbehörde beschweren.',
    withdrawalHow:
      'So widerrufen Sie: Sagen Sie es Ihrer Beratungsstelle – mündlich oder schriftlich, zum Beispiel mit einem Brief oder einer E-Mail. Einen Grund müssen Sie nicht nennen.',
    consent: {
      title: 'Einwilligung in die Weitergabe von Daten / Entbindung von der Schweigepflicht',
      intro:
        'Sie entscheiden selbst, ob Ihre Beratungsstelle Daten über Sie mit einer anderen Stelle austauscht. Mit dieser Einwilligung erlauben Sie das nur für die Stelle, die Daten, den Zweck und die Zeit, die hier stehen – für nichts anderes.',
      release:
        'Soweit Sie hier einwilligen, entbinden Sie die Beratungsstelle von ihrer Schweigepflicht. Für alles andere gilt die Schweigepflicht weiter.',
      createdOn: (date) => `Erstellt am ${date}.`,
      footer: 'Einwilligung in die Weitergabe von Daten · vertraulich',
      clientHeading: 'Wer willigt ein?',
      providerHeading: 'Ihre Beratungsstelle',
      provider: 'Träger',
      office: 'Beratungsstelle',
      recipientHeading: 'Mit welcher Stelle? (Partnerstelle)',
      recipientOnly:
        'Die Einwilligung gilt nur für das folgende Team dieser Stelle. Andere Teams und andere Stellen bekommen keine Daten.',
      categoriesHeading: 'Welche Daten?',
      categoriesOnly: 'Nur diese Daten dürfen ausgetauscht werden, keine anderen.',
      specialHeading: 'Besonders geschützte Daten: Gesundheit (Art. 9 DSGVO)',
      special:
        'Angaben zur Gesundheit sind besonders geschützt (Art. 9 DSGVO). Sie werden nur ausgetauscht, weil Sie hier ausdrücklich auch dafür einwilligen.',
      purposeHeading: 'Wofür? (Zweck)',
      purposeOnly: 'Die Daten dürfen nur für diesen Zweck verwendet werden.',
      wayHeading: 'In welche Richtung und wie oft?',
      direction: 'Richtung',
      repetition: 'Wie oft',
      validityHeading: 'Wie lange gilt die Einwilligung?',
      validity: (from, until) =>
        `Die Einwilligung gilt vom ${from} bis einschließlich ${until}. Danach tauscht die Beratungsstelle auf Grund dieser Einwilligung keine Daten mehr aus.`,
      rightsHeading: 'Ihre Rechte',
      voluntary:
        'Die Einwilligung ist freiwillig. Wenn Sie nicht einwilligen oder die Einwilligung später widerrufen, hat das keine Nachteile für Ihre Beratung: Sie werden genauso weiter beraten.',
      withdrawal:
        'Sie können die Einwilligung jederzeit widerrufen. Der Widerruf gilt für die Zukunft: Ab dann werden keine Daten mehr ausgetauscht. Was vorher schon ausgetauscht wurde, bleibt davon unberührt.',
      noticeHeading: 'Bitte beachten Sie',
      jobcenterFile:
        'Was die Beratungsstelle an das Jobcenter schickt, kommt in Ihre Akte beim Jobcenter. Das Jobcenter kann es später bei Entscheidungen über Ihre Leistungen berücksichtigen, auch bei Leistungsminderungen (Kürzungen).',
      abhFile:
        'Was die Beratungsstelle an die Ausländerbehörde schickt, kommt in Ihre Akte bei der Ausländerbehörde. Die Ausländerbehörde kann es bei Entscheidungen über Ihren Aufenthalt berücksichtigen.',
      publicBodies:
        'Öffentliche Stellen, zum Beispiel das Jobcenter, müssen der Ausländerbehörde in bestimmten Fällen Tatsachen mitteilen, von denen sie erfahren (§ 87 AufenthG, Aufenthaltsgesetz). Das kann auch Angaben betreffen, die sie von der Beratungsstelle bekommen.',
      signaturesHeading: 'Unterschriften',
      declaration:
        'Ich habe diese Einwilligung gelesen oder sie wurde mir erklärt. Ich habe sie verstanden und willige freiwillig ein.',
      placeDate: 'Ort, Datum',
      clientSignature: (name) => `Unterschrift der ratsuchenden Person: ${name}`,
      staffSignature: (name) => `Unterschrift für die Beratungsstelle, aufgenommen von: ${name}`,
    },
    copy: {
      title: (organisation) => `Ihre Kopie: Mitteilung an ${organisation}`,
      intro: (organisation) =>
        `Ihre Beratungsstelle hat diese Mitteilung über Sie an ${organisation} geschickt. Hier steht genau, was mitgeteilt wurde.`,
      footer: 'Ihre Kopie einer Mitteilung · vertraulich',
      messageHeading: 'Die Mitteilung',
      about: 'Über',
      to: 'An',
      from: 'Von',
      office: 'Beratungsstelle',
      sentAt: 'Gesendet am',
      kind: 'Art der Mitteilung',
      subject: 'Betreff',
      consentHeading: 'Ihre Einwilligung',
      consentIntro:
        'Die Beratungsstelle durfte diese Mitteilung schicken, weil Sie dafür eingewilligt haben:',
      legalBasisHeading: 'Warum ohne Ihre Einwilligung',
      legalBasisIntro:
        'Die Beratungsstelle durfte diese Mitteilung ohne Ihre Einwilligung schicken, weil ein Gesetz es in diesem Fall erlaubt oder verlangt. Die Leitung hat das geprüft und begründet:',
      legalBasis: 'Rechtsgrundlage',
      justification: 'Begründung',
      controlLegalBasis:
        'Sie erhalten diese Kopie, damit Sie wissen, was über Sie mitgeteilt wurde. Fragen Sie Ihre Beratungsstelle, wenn Sie mehr dazu wissen möchten.',
      attachments: 'Anlagen',
      contentHeading: 'Was mitgeteilt wurde',
      contentIntro: 'Die Texte stehen hier genau so, wie sie geschickt wurden (auf Deutsch).',
      controlHeading: 'Sie behalten die Kontrolle',
      control:
        'Sie erhalten diese Kopie, damit Sie wissen, was über Sie mitgeteilt wird, und selbst die Kontrolle darüber behalten. Sie können Ihre Einwilligung jederzeit widerrufen. Für Ihre Beratung hat das keine Nachteile.',
    },
  },
  referral: {
    slipTitle: 'Hinweis auf die Migrationsberatung',
    slipIntro:
      'Hier finden Sie Beratungsstellen in Ihrer Nähe. Sie können anrufen, eine E-Mail schreiben oder zu den Sprechzeiten kommen. Die Beratung ist kostenlos.',
    voluntary:
      'Die Beratung ist freiwillig, vertraulich und unabhängig von Jobcenter und Ausländerbehörde. Ob Sie hingehen, entscheiden Sie selbst. Der Besuch ist keine Voraussetzung für Leistungen, einen Aufenthaltstitel oder eine andere Entscheidung, und niemand wird darüber informiert.',
    officesHeading: 'Beratungsstellen in Ihrer Nähe',
    address: 'Adresse',
    contact: 'Kontakt',
    hours: 'Sprechzeiten in den nächsten 7 Tagen',
    languages: 'Sprachen',
    services: 'Angebot',
    map: 'Karte',
    byAppointment: 'nach Vereinbarung',
    noHours: 'Bitte rufen Sie an und vereinbaren Sie einen Termin.',
    onlineHeading: 'Online-Beratung',
    onlineIntro:
      'Sie können sich auch online beraten lassen, in vielen Sprachen – zum Beispiel bei mbeon, der Migrationsberatung online.',
    scan: 'QR-Code mit dem Handy scannen',
    footer: 'Dieser Hinweis enthält keine Angaben zu Ihrer Person.',
    consent: {
      title: 'Einwilligung: Weitergabe an eine Beratungsstelle',
      intro:
        'Sie möchten, dass sich eine Beratungsstelle bei Ihnen meldet. Dafür geben wir Ihren Namen und Ihre Kontaktdaten an diese Beratungsstelle weiter – nur wenn Sie hier unterschreiben.',
      person: 'Name',
      contact: 'Telefon oder E-Mail',
      recipient: 'Beratungsstelle, die Ihre Angaben erhält',
      purposeHeading: 'Wofür',
      purpose:
        'Damit die Beratungsstelle Sie zu einem ersten Gespräch einlädt. Weitergegeben werden nur: Name, Kontakt, Sprache, Alter und Ihr Anliegen in Stichworten.',
      handOn:
        'Passt eine andere Beratungsstelle besser (zum Beispiel der Jugendmigrationsdienst statt der Migrationsberatung für Erwachsene), darf die Beratungsstelle die Verweisung dorthin weitergeben.',
      callFirst: 'Die Beratungsstelle ruft Sie zuerst an.',
      feedbackHeading: 'Rückmeldung an uns',
      feedbackYes:
        'Ja: Die Beratungsstelle darf uns mitteilen, ob Sie das Angebot angenommen haben – nur „angenommen“ oder „nicht angenommen“, nie Inhalte der Beratung.',
      feedbackNo: 'Nein: Wir erfahren nichts darüber, ob Sie die Beratung besuchen.',
      voluntaryHeading: 'Freiwillig',
      withdraw:
        'Ihre Einwilligung ist freiwillig. Sie können sie jederzeit bei der Beratungsstelle oder bei uns widerrufen. Ohne Einwilligung erhalten Sie den Hinweis auf die Beratung trotzdem, ohne Nachteile.',
      signature: 'Unterschrift',
      placeDate: 'Ort, Datum',
      referrer: 'Verweisende Stelle',
      footer: 'Einwilligung in eine Verweisung – ein Exemplar für Sie, eines für die verweisende Stelle.',
    },
  },
  labels: germanValueLabels,
};

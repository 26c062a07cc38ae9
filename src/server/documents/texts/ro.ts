import type { DocumentTexts } from './types.ts';

/** Romanian. */
export const ro: DocumentTexts = {
  languageName: 'Română',
  common: {
    yes: 'da',
    no: 'nu',
    years: (n) => (n === 1 ? '1 an' : n < 20 ? `${n} ani` : `${n} de ani`),
    minutes: (n) => `${n} min.`,
    situation: (p) => `Mijloace de trai: ${p.livelihood}; limba germană: ${p.german}; muncă: ${p.work}`,
  },
  law: {
    dsgvo:
      'Regulamentul general privind protecția datelor (DSGVO) și Legea federală privind protecția datelor (BDSG)',
    kdg: 'Legea Bisericii Catolice privind protecția datelor (KDG)',
    dsg_ekd: 'Legea privind protecția datelor a Bisericii Evanghelice din Germania (DSG-EKD)',
  },
  person: {
    heading: 'Date personale',
    name: 'Nume',
    pseudonym: 'Pseudonim',
    birthDate: 'Data nașterii',
    ageGroup: (group) => `Grupa de vârstă ${group}`,
    gender: 'Sex',
    citizenship: 'Cetățenie',
    languages: 'Limbi',
    phone: 'Telefon',
    email: 'E-mail',
    reachability: 'Cum vă putem contacta',
    arrivalYear: 'Anul sosirii',
    residenceStatus: 'Statut de ședere',
    familyHeading: 'Membri ai familiei consiliați împreună cu dumneavoastră',
    relation: 'Relație',
    givenName: 'Prenume',
    birthYear: 'Anul nașterii',
    counselledAlongside: 'Consiliat împreună',
  },
  case: {
    heading: (caseNumber) => `Dosarul ${caseNumber}`,
    service: 'Serviciu',
    serviceMBE: 'Consiliere în domeniul migrației pentru imigranți adulți (MBE)',
    serviceJMD: 'Serviciul de migrație pentru tineri (JMD)',
    caseType: 'Tip',
    counsellor: 'Consilier / consilieră',
    openedOn: 'Deschis la',
    phase: 'Etapă',
    wayIn: 'Cum ați ajuns la noi',
    situationStart: 'Situația la început',
    closedOn: 'Închis la',
    closureReason: 'Motivul închiderii',
    situationEnd: 'Situația la final',
    erasureFrom: 'Ștergere prevăzută de la',
    intakeHeading: (date) => `Prima discuție din ${date}`,
    reason: 'Motiv',
    concerns: 'Solicitări',
    agreedNextSteps: 'Pașii următori conveniți',
    topics: 'Teme',
    analysisHeading: 'Analiza situației sociale și a competențelor',
    germanLevel: 'Cunoștințe de limba germană',
    otherLanguages: 'Alte limbi',
    schooling: 'Studii școlare',
    qualifications: 'Calificări profesionale',
    recognition: 'Recunoaștere',
    workExperience: 'Experiență profesională',
    family: 'Familie',
    housing: 'Locuință',
    livelihood: 'Mijloace de trai',
    health: 'Sănătate (categorie specială, art. 9 DSGVO)',
    planHeading: 'Plan de sprijin',
    goal: 'Obiectiv',
    course: 'Desfășurare',
    agreement: 'Acord',
    agreedOn: (date, method) => `convenit la ${date}, ${method}`,
    notAgreed: 'încă neconvenit',
    step: 'Pas',
    who: 'Cine',
    until: 'Până la',
    status: 'Stadiu',
    contactsHeading: 'Întâlniri și programări',
    when: 'Data și ora',
    form: 'Formă',
    duration: 'Durată',
    note: 'Notă',
    activitiesHeading: 'Însoțire și îngrijirea copiilor',
    kind: 'Tip',
    place: 'Curs / loc',
    period: 'Perioadă',
    responsibilitiesHeading: 'Cine răspunde de ce',
    task: 'Sarcină',
    responsible: 'Responsabil',
    accessHeading: 'Accesări de către înlocuitori',
    person: 'Persoană',
  },
  art15: {
    title: 'Informații despre datele dumneavoastră stocate',
    intro: (controller) =>
      `Conform art. 15 din Regulamentul general privind protecția datelor primiți aici tot ce a stocat ${controller} despre dumneavoastră în Koop, împreună cu informațiile aferente.`,
    createdFor: (date, name) => `Întocmit la ${date} pentru ${name}.`,
    footer: 'Informare conform art. 15 DSGVO · confidențial',
    controllerHeading: 'Operatorul de date',
    controllerName: 'Denumire',
    address: 'Adresă',
    website: 'Site web',
    applicableLaw: 'Legislația aplicabilă privind protecția datelor',
    dataProtectionContact: 'Întrebări privind protecția datelor',
    noDataProtectionContact:
      'La întrebările privind protecția datelor răspunde centrul dumneavoastră de consiliere; operatorul poate fi contactat la datele de contact de mai sus.',
    purposesHeading: 'Scopurile prelucrării (art. 15 alin. 1 lit. a)',
    purposes: [
      'Consiliere și însoțire: solicitările dumneavoastră, analiza comună a situației, planul de sprijin și punerea lui în practică.',
      'Coordonarea cu parteneri (Jobcenter, autoritatea pentru străini, furnizorul cursului de integrare) – numai dacă doriți și v-ați dat acordul în scris.',
      'Raportarea activității către finanțatorul consilierii – numai ca statistică fără nume.',
    ],
    categoriesHeading: 'Categorii de date (art. 15 alin. 1 lit. b)',
    categories: [
      'Date personale și de contact (nume, data nașterii sau grupa de vârstă, telefon, e-mail)',
      'Origine, cetățenie, limbi, sosire și statut de ședere',
      'Școală, formare, profesie, muncă, locuință și mijloace de trai',
      'Conținutul consilierii: solicitări, analiză, plan de sprijin, întâlniri și programări',
      'Date despre membrii familiei consiliați împreună cu dumneavoastră',
      'Evidența cine și când a accesat datele dumneavoastră',
    ],
    healthCategory:
      'Date privind sănătatea (categorie specială conform art. 9 DSGVO), numai în măsura în care le-ați menționat',
    recipientsHeading: 'Destinatari (art. 15 alin. 1 lit. c)',
    consentsHeading: 'Consimțămintele dumneavoastră pentru transmiterea datelor',
    noConsents: 'Nu v-ați dat consimțământul pentru transmiterea datelor.',
    disclosuresIntro: 'Cu consimțământul dumneavoastră au fost transmise aceste date:',
    recipient: 'Destinatar',
    sentOn: 'Data',
    data: 'Date',
    validity: 'Valabil',
    withdrawnOn: 'retras la',
    noDisclosures: 'Până acum nu au fost transmise date despre dumneavoastră altor instituții.',
    possibleRecipientsIntro:
      'Destinatari pot fi numai cu acordul dumneavoastră scris și pentru un scop precizat:',
    possibleRecipients: [
      'Jobcenter',
      'autoritatea pentru străini (Ausländerbehörde)',
      'furnizorul cursului de integrare',
      'alte servicii de consiliere',
      'În plus, un furnizor de servicii IT prelucrează datele în numele nostru (art. 28 DSGVO); este obligat prin contract la confidențialitate. Finanțatorul primește numai statistici fără nume.',
    ],
    storageHeading: 'Durata stocării (art. 15 alin. 1 lit. d)',
    storage: (years) =>
      `Datele unui dosar închis se șterg la ${years === 1 ? '1 an' : `${years} ani`} după închidere, dacă nu există o blocare a ștergerii (de exemplu din cauza unui litigiu). Statisticile nu conțin nume.`,
    rightsHeading: 'Drepturile dumneavoastră (art. 15 alin. 1 lit. e)',
    rightRectification: 'Rectificare (art. 16): datele greșite sau incomplete sunt corectate.',
    rightErasure: 'Ștergere (art. 17): puteți cere ștergerea datelor atunci când nu mai sunt necesare.',
    rightRestriction:
      'Restricționarea prelucrării (art. 18): puteți cere ca datele să fie doar stocate, dar să nu mai fie folosite.',
    rightObjection: 'Opoziție (art. 21): vă puteți opune prelucrării datelor dumneavoastră.',
    rightWithdrawal:
      'Vă puteți retrage oricând acordul pentru viitor. Acest lucru nu schimbă nimic în consiliere.',
    complaintHeading: 'Plângere la autoritatea de supraveghere (art. 15 alin. 1 lit. f)',
    complaint:
      'Puteți depune o plângere la autoritatea de supraveghere a protecției datelor dacă considerați că datele dumneavoastră nu sunt prelucrate corect. Autoritatea competentă:',
    authority: 'Autoritatea de supraveghere',
    sourcesHeading: 'Sursa datelor (art. 15 alin. 1 lit. g)',
    sourceClient: 'Datele provin de la dumneavoastră: le-ați comunicat în cadrul consilierii.',
    sourcePartners: 'Nu am primit de la parteneri nicio dată despre dumneavoastră.',
    automatedHeading: 'Decizii automatizate (art. 15 alin. 1 lit. h)',
    automated:
      'Nu există decizii automatizate și nici creare de profiluri. Toate deciziile sunt luate de oameni.',
    transfersHeading: 'Transferul către țări terțe (art. 15 alin. 2)',
    transfers: 'Datele dumneavoastră nu sunt transferate în țări din afara Uniunii Europene.',
    storedDataHeading: 'Datele dumneavoastră stocate',
  },
  summary: {
    title: (caseNumber) => `Rezumatul dosarului ${caseNumber}`,
    asOf: (date) => `Situația la ${date}.`,
    voluntary:
      'Consilierea este voluntară și independentă; centrul de consiliere transmite datele dumneavoastră numai cu acordul dumneavoastră scris.',
    notACertificate:
      'Acest rezumat este destinat dumneavoastră. Nu este o adeverință de participare și nici o dovadă pentru autorități.',
    footer: (caseNumber) => `Rezumatul dosarului ${caseNumber} · confidențial`,
  },
  exchange: {
    categories: {
      identity_contact: {
        label: 'Nume și date de contact',
        explanation:
          'Numele dumneavoastră, data nașterii și cum puteți fi contactat(ă), de exemplu telefon, e-mail sau adresă.',
      },
      residence_status: {
        label: 'Statutul de ședere',
        explanation: 'Ce drept de ședere aveți, de exemplu ce permis de ședere, și până când este valabil.',
      },
      language_courses: {
        label: 'Nivelul de limbă și cursuri',
        explanation:
          'Cât de bine știți germana și ce cursuri de limbă sau de integrare ați urmat sau urmați acum.',
      },
      schooling_qualifications: {
        label: 'Studii, diplome și recunoașterea lor',
        explanation:
          'Ce școală, formare profesională sau studii universitare aveți, diplomele dumneavoastră și dacă sunt recunoscute în Germania.',
      },
      work_experience: {
        label: 'Experiență profesională',
        explanation: 'Ce muncă ați făcut până acum, în Germania și în alte țări.',
      },
      analysis_results: {
        label: 'Rezultatele analizei situației sociale și a competențelor',
        explanation:
          'Ce ați aflat împreună în consiliere despre situația dumneavoastră, punctele forte și sprijinul de care aveți nevoie.',
      },
      plan_goals: {
        label: 'Obiectivele planului de sprijin',
        explanation:
          'Ce obiective ați stabilit în consiliere și ce pași sunt planificați pentru a le atinge.',
      },
      course_attendance: {
        label: 'Participarea la curs și riscul de abandon',
        explanation: 'Dacă participați la un curs sau la un program și dacă există riscul să îl întrerupeți.',
      },
      family_situation: {
        label: 'Situația familială',
        explanation:
          'Cu cine locuiți, de exemplu partenerul sau copiii, și ce înseamnă asta pentru dumneavoastră, de pildă pentru îngrijirea copiilor.',
      },
      health: {
        label: 'Sănătate (categorie specială, art. 9 DSGVO)',
        explanation:
          'Informații despre sănătatea dumneavoastră – numai în măsura în care sunt importante pentru scop. De exemplu, dacă din cauza unei boli nu puteți participa la un curs.',
      },
    },
    purposes: {
      integration_jobcenter:
        'Colaborarea cu Jobcenter pe drumul dumneavoastră spre un loc de muncă sau o formare profesională',
      course_participation: 'Participarea dumneavoastră la un curs de limbă sau de integrare',
      residence_matters: 'Întrebări privind șederea dumneavoastră',
      other: 'Alt scop',
    },
    directions: {
      to_partner: 'Numai de la centrul de consiliere către partener',
      from_partner: 'Numai de la partener către centrul de consiliere',
      both: 'În ambele sensuri: de la centrul de consiliere către partener și înapoi',
    },
    repetitions: {
      once: 'O singură dată: pentru o singură transmitere',
      repeated: 'De mai multe ori: ori de câte ori este nevoie, cât timp acordul este valabil',
    },
    legalBases: {
      child_protection: 'protecția unui copil aflat în pericol',
      danger_to_life: 'înlăturarea unui pericol actual pentru integritatea corporală sau viață',
      court_order: 'hotărâre judecătorească',
      statutory_duty: 'obligație legală de raportare',
    },
    messageKinds: {
      assessment_result: 'Rezultatul analizei și sprijinul necesar',
      dropout_notice: 'Risc de abandon al unui program sau curs',
      serious_change: 'Schimbare importantă în situația dumneavoastră',
      special_problem: 'Dificultăți deosebite',
      answer: 'Răspuns',
    },
    organisation: 'Instituția',
    team: 'Echipa',
    contactPerson: 'Persoana de contact',
    purpose: 'Scopul',
    purposeDetails: 'Mai exact',
    validUntil: 'Valabil până la',
    dataProtectionHeading: 'Protecția datelor',
    controller: 'Operatorul de date',
    complaint:
      'Dacă considerați că datele dumneavoastră nu sunt tratate corect, puteți depune o plângere la autoritatea de supraveghere.',
    withdrawalHow:
      'Cum vă retrageți acordul: spuneți-i centrului de consiliere – oral sau în scris, de exemplu printr-o scrisoare sau un e-mail. Nu trebuie să dați un motiv.',
    consent: {
      title: 'Acord pentru transmiterea datelor / dezlegare de secretul profesional',
      intro:
        'Dumneavoastră decideți dacă centrul de consiliere face schimb de date despre dumneavoastră cu o altă instituție. Prin acest acord permiteți acest lucru numai pentru instituția, datele, scopul și perioada scrise aici – pentru nimic altceva.',
      release:
        'În măsura în care vă dați aici acordul, dezlegați centrul de consiliere de secretul profesional. Pentru tot restul, secretul profesional rămâne valabil.',
      createdOn: (date) => `Întocmit la ${date}.`,
      footer: 'Acord pentru transmiterea datelor · confidențial',
      clientHeading: 'Cine își dă acordul?',
      providerHeading: 'Centrul dumneavoastră de consiliere',
      provider: 'Organizația care îl administrează',
      office: 'Centrul de consiliere',
      recipientHeading: 'Cu ce instituție? (partener)',
      recipientOnly:
        'Acordul este valabil numai pentru echipa de mai jos a acestei instituții. Alte echipe și alte instituții nu primesc date.',
      categoriesHeading: 'Ce date?',
      categoriesOnly: 'Numai aceste date pot fi transmise, nu și altele.',
      specialHeading: 'Date protejate în mod special: sănătatea (art. 9 DSGVO)',
      special:
        'Informațiile despre sănătate sunt protejate în mod special (art. 9 DSGVO). Ele sunt transmise numai pentru că aici vă dați în mod expres acordul și pentru acestea.',
      purposeHeading: 'Pentru ce? (scopul)',
      purposeOnly: 'Datele pot fi folosite numai în acest scop.',
      wayHeading: 'În ce sens și cât de des?',
      direction: 'Sensul',
      repetition: 'Cât de des',
      validityHeading: 'Cât timp este valabil acordul?',
      validity: (from, until) =>
        `Acordul este valabil de la ${from} până la ${until} inclusiv. După aceea, centrul de consiliere nu mai face schimb de date pe baza acestui acord.`,
      rightsHeading: 'Drepturile dumneavoastră',
      voluntary:
        'Acest acord este voluntar. Dacă nu vă dați acordul sau dacă vi-l retrageți mai târziu, acest lucru nu are niciun dezavantaj pentru consilierea dumneavoastră: veți fi consiliat(ă) la fel ca până acum.',
      withdrawal:
        'Vă puteți retrage acordul oricând. Retragerea este valabilă pentru viitor: de atunci nu se mai face schimb de date. Ce s-a transmis înainte nu este afectat.',
      noticeHeading: 'Vă rugăm să rețineți',
      jobcenterFile:
        'Tot ce trimite centrul de consiliere la Jobcenter ajunge în dosarul dumneavoastră de la Jobcenter. Jobcenter poate ține cont de acestea mai târziu în deciziile privind prestațiile dumneavoastră, inclusiv la reducerea lor (Leistungsminderungen).',
      abhFile:
        'Tot ce trimite centrul de consiliere la autoritatea pentru străini (Ausländerbehörde) ajunge în dosarul dumneavoastră de acolo. Autoritatea pentru străini poate ține cont de acestea în deciziile privind șederea dumneavoastră.',
      publicBodies:
        'Instituțiile publice, de exemplu Jobcenter, trebuie în anumite cazuri să comunice autorității pentru străini (Ausländerbehörde) faptele de care află (§ 87 AufenthG, Legea privind șederea). Acest lucru poate privi și informațiile primite de la centrul de consiliere.',
      signaturesHeading: 'Semnături',
      declaration:
        'Am citit acest acord sau mi-a fost explicat. L-am înțeles și îmi dau acordul în mod voluntar.',
      placeDate: 'Locul, data',
      clientSignature: (name) => `Semnătura persoanei care solicită consiliere: ${name}`,
      staffSignature: (name) => `Semnătura pentru centrul de consiliere, acord preluat de: ${name}`,
    },
    copy: {
      title: (organisation) => `Copia dumneavoastră: mesaj către ${organisation}`,
      intro: (organisation) =>
        `Centrul dumneavoastră de consiliere a trimis acest mesaj despre dumneavoastră către ${organisation}. Aici vedeți exact ce s-a comunicat.`,
      footer: 'Copia dumneavoastră a unui mesaj · confidențial',
      messageHeading: 'Mesajul',
      about: 'Despre',
      to: 'Către',
      from: 'De la',
      office: 'Centrul de consiliere',
      sentAt: 'Trimis la',
      kind: 'Tipul mesajului',
      subject: 'Subiect',
      consentHeading: 'Acordul dumneavoastră',
      consentIntro: 'Centrul de consiliere a avut voie să trimită acest mesaj pentru că v-ați dat acordul:',
      legalBasisHeading: 'De ce fără consimțământul dumneavoastră',
      legalBasisIntro:
        'Serviciul de consiliere a putut trimite acest mesaj fără consimțământul dumneavoastră, deoarece în acest caz legea permite sau cere acest lucru. Conducerea a verificat și a motivat:',
      legalBasis: 'Temei legal',
      justification: 'Motivare',
      controlLegalBasis:
        'Primiți această copie ca să știți ce s-a comunicat despre dumneavoastră. Întrebați la serviciul de consiliere dacă doriți să aflați mai multe.',
      attachments: 'Anexe',
      contentHeading: 'Ce s-a comunicat',
      contentIntro: 'Textele apar aici exact așa cum au fost trimise (în limba germană).',
      controlHeading: 'Controlul rămâne la dumneavoastră',
      control:
        'Primiți această copie ca să știți ce se comunică despre dumneavoastră și să păstrați singur(ă) controlul asupra acestui lucru. Vă puteți retrage acordul oricând. Acest lucru nu are niciun dezavantaj pentru consilierea dumneavoastră.',
    },
  },
  referral: {
    slipTitle: 'Informații despre consilierea în domeniul migrației',
    slipIntro:
      'Aici găsiți centre de consiliere din apropiere. Puteți telefona, scrie un e-mail sau veni în orele de consultații. Consilierea este gratuită.',
    voluntary:
      'Consilierea este voluntară, confidențială și independentă de Jobcenter și de autoritatea pentru străini. Decideți singur(ă) dacă mergeți. Vizita nu este o condiție pentru prestații, permis de ședere sau orice altă decizie și nimeni nu este informat despre ea.',
    officesHeading: 'Centre de consiliere din apropiere',
    address: 'Adresă',
    contact: 'Contact',
    hours: 'Orele de consultații în următoarele 7 zile',
    languages: 'Limbi',
    services: 'Serviciu',
    map: 'Hartă',
    byAppointment: 'cu programare',
    noHours: 'Vă rugăm să telefonați pentru o programare.',
    onlineHeading: 'Consiliere online',
    onlineIntro:
      'Puteți primi consiliere și online, în multe limbi – de exemplu la mbeon, consilierea online pentru migrație.',
    scan: 'Scanați codul QR cu telefonul',
    footer: 'Această notă nu conține nicio informație despre dumneavoastră.',
    consent: {
      title: 'Consimțământ: transmiterea datelor către un centru de consiliere',
      intro:
        'Doriți ca un centru de consiliere să vă contacteze. Pentru aceasta transmitem numele și datele dumneavoastră de contact acestui centru – numai dacă semnați aici.',
      person: 'Nume',
      contact: 'Telefon sau e-mail',
      recipient: 'Centrul de consiliere care primește datele',
      purposeHeading: 'În ce scop',
      purpose:
        'Pentru ca centrul de consiliere să vă invite la o primă discuție. Se transmit numai: numele, contactul, limba, vârsta și problema dumneavoastră în câteva cuvinte.',
      handOn:
        'Dacă vi se potrivește mai bine un alt serviciu de consiliere (de exemplu serviciul de migrație pentru tineri în locul consilierii pentru adulți), centrul poate transmite trimiterea acolo.',
      callFirst: 'Centrul de consiliere vă va telefona mai întâi.',
      feedbackHeading: 'Feedback pentru noi',
      feedbackYes:
        'Da: centrul de consiliere ne poate spune dacă ați acceptat oferta – numai „acceptat” sau „neacceptat”, niciodată conținutul consilierii.',
      feedbackNo: 'Nu: nu aflăm nimic despre faptul dacă mergeți la consiliere.',
      voluntaryHeading: 'Voluntar',
      withdraw:
        'Consimțământul dumneavoastră este voluntar. Îl puteți retrage oricând la centrul de consiliere sau la noi. Fără consimțământ primiți oricum informațiile despre consiliere, fără niciun dezavantaj.',
      signature: 'Semnătura',
      placeDate: 'Locul, data',
      referrer: 'Instituția care trimite',
      footer:
        'Consimțământ pentru trimitere – un exemplar pentru dumneavoastră, unul pentru instituția care trimite.',
    },
  },
  labels: {
    gender: { female: 'feminin', male: 'masculin', diverse: 'divers', not_stated: 'nespecificat' },
    relation: {
      partner: 'partener / parteneră',
      child: 'copil',
      parent: 'părinte',
      sibling: 'frate / soră',
      other: 'altele',
    },
    caseType: { short_counselling: 'consiliere scurtă', case_management: 'managementul cazului' },
    form: {
      in_person: 'personal',
      phone: 'telefon',
      video: 'video',
      message: 'mesaj',
      home_visit: 'vizită la domiciliu',
    },
    contactStatus: { planned: 'planificat', held: 'a avut loc', missed: 'absent', cancelled: 'anulat' },
    goalStatus: { open: 'deschis', in_progress: 'în lucru', reached: 'atins', dropped: 'abandonat' },
    stepStatus: { open: 'deschis', in_progress: 'în lucru', done: 'realizat', dropped: 'abandonat' },
    responsible: { client: 'dumneavoastră', counsellor: 'consiliere', partner: 'partener' },
  },
};

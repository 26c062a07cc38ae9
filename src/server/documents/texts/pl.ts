import type { DocumentTexts } from './types.ts';

/** 1 rok, 2–4 lata (not 12–14), otherwise lat. */
const polishYears = (n: number) =>
  n === 1 ? 'rok' : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 'lata' : 'lat';

/** Polish. */
export const pl: DocumentTexts = {
  languageName: 'Polski',
  common: {
    yes: 'tak',
    no: 'nie',
    years: (n) => `${n} ${polishYears(n)}`,
    minutes: (n) => `${n} min.`,
    situation: (p) => `Źródło utrzymania: ${p.livelihood}; język niemiecki: ${p.german}; praca: ${p.work}`,
  },
  law: {
    dsgvo: 'Ogólne rozporządzenie o ochronie danych (DSGVO/RODO) i federalna ustawa o ochronie danych (BDSG)',
    kdg: 'Ustawa Kościoła katolickiego o ochronie danych (KDG)',
    dsg_ekd: 'Ustawa o ochronie danych Kościoła Ewangelickiego w Niemczech (DSG-EKD)',
  },
  person: {
    heading: 'Dane osobowe',
    name: 'Imię i nazwisko',
    pseudonym: 'Pseudonim',
    birthDate: 'Data urodzenia',
    ageGroup: (group) => `Grupa wiekowa ${group}`,
    gender: 'Płeć',
    citizenship: 'Obywatelstwo',
    languages: 'Języki',
    phone: 'Telefon',
    email: 'E-mail',
    reachability: 'Jak się z Panią/Panem skontaktować',
    arrivalYear: 'Rok przyjazdu',
    residenceStatus: 'Status pobytowy',
    familyHeading: 'Członkowie rodziny objęci poradnictwem',
    relation: 'Pokrewieństwo',
    givenName: 'Imię',
    birthYear: 'Rok urodzenia',
    counselledAlongside: 'Objęty poradnictwem',
  },
  case: {
    heading: (caseNumber) => `Sprawa ${caseNumber}`,
    service: 'Służba',
    serviceMBE: 'Doradztwo migracyjne dla dorosłych imigrantów (MBE)',
    serviceJMD: 'Młodzieżowa służba migracyjna (JMD)',
    caseType: 'Rodzaj',
    counsellor: 'Doradczyni / doradca',
    openedOn: 'Otwarto',
    phase: 'Etap',
    wayIn: 'Jak Pani/Pan do nas trafił(a)',
    situationStart: 'Sytuacja na początku',
    closedOn: 'Zamknięto',
    closureReason: 'Powód zamknięcia',
    situationEnd: 'Sytuacja na końcu',
    erasureFrom: 'Usunięcie przewidziane od',
    intakeHeading: (date) => `Pierwsza rozmowa ${date}`,
    reason: 'Powód',
    concerns: 'Sprawy do załatwienia',
    agreedNextSteps: 'Uzgodnione kolejne kroki',
    topics: 'Tematy',
    analysisHeading: 'Analiza sytuacji społecznej i kompetencji',
    germanLevel: 'Znajomość języka niemieckiego',
    otherLanguages: 'Inne języki',
    schooling: 'Wykształcenie szkolne',
    qualifications: 'Kwalifikacje zawodowe',
    recognition: 'Uznanie',
    workExperience: 'Doświadczenie zawodowe',
    family: 'Rodzina',
    housing: 'Mieszkanie',
    livelihood: 'Źródło utrzymania',
    health: 'Zdrowie (szczególna kategoria, art. 9 DSGVO)',
    planHeading: 'Plan wsparcia',
    goal: 'Cel',
    course: 'Przebieg',
    agreement: 'Zgoda',
    agreedOn: (date, method) => `uzgodniono ${date}, ${method}`,
    notAgreed: 'jeszcze nie uzgodniono',
    step: 'Krok',
    who: 'Kto',
    until: 'Do',
    status: 'Stan',
    contactsHeading: 'Spotkania i terminy',
    when: 'Termin',
    form: 'Forma',
    duration: 'Czas trwania',
    note: 'Notatka',
    activitiesHeading: 'Towarzyszenie i opieka nad dziećmi',
    kind: 'Rodzaj',
    place: 'Kurs / miejsce',
    period: 'Okres',
    responsibilitiesHeading: 'Kto za co odpowiada',
    task: 'Zadanie',
    responsible: 'Odpowiedzialny',
    accessHeading: 'Dostęp osób zastępujących',
    person: 'Osoba',
  },
  art15: {
    title: 'Informacja o Pani/Pana przechowywanych danych',
    intro: (controller) =>
      `Zgodnie z art. 15 ogólnego rozporządzenia o ochronie danych otrzymuje Pani/Pan tutaj wszystko, co ${controller} przechowuje o Pani/Panu w Koop, wraz z dotyczącymi tego informacjami.`,
    createdFor: (date, name) => `Sporządzono ${date} dla: ${name}.`,
    footer: 'Informacja zgodnie z art. 15 DSGVO · poufne',
    controllerHeading: 'Administrator danych',
    controllerName: 'Nazwa',
    address: 'Adres',
    website: 'Strona internetowa',
    applicableLaw: 'Obowiązujące prawo o ochronie danych',
    dataProtectionContact: 'Pytania dotyczące ochrony danych',
    noDataProtectionContact:
      'Na pytania dotyczące ochrony danych odpowiada Pani/Pana poradnia; z administratorem można się skontaktować, korzystając z powyższych danych kontaktowych.',
    purposesHeading: 'Cele przetwarzania (art. 15 ust. 1 lit. a)',
    purposes: [
      'Doradztwo i towarzyszenie: Pani/Pana sprawy, wspólna analiza sytuacji, plan wsparcia i jego realizacja.',
      'Uzgodnienia z partnerami (Jobcenter, urząd ds. cudzoziemców, organizator kursu integracyjnego) – tylko jeśli Pani/Pan sobie tego życzy i wyraził(a) pisemną zgodę.',
      'Sprawozdawczość wobec podmiotu finansującego doradztwo – wyłącznie jako statystyka bez nazwisk.',
    ],
    categoriesHeading: 'Kategorie danych (art. 15 ust. 1 lit. b)',
    categories: [
      'Dane osobowe i kontaktowe (imię i nazwisko, data urodzenia lub grupa wiekowa, telefon, e-mail)',
      'Pochodzenie, obywatelstwo, języki, przyjazd i status pobytowy',
      'Szkoła, nauka zawodu, zawód, praca, mieszkanie i źródło utrzymania',
      'Treść doradztwa: sprawy, analiza, plan wsparcia, spotkania i terminy',
      'Dane członków rodziny objętych poradnictwem',
      'Rejestr, kto i kiedy miał dostęp do Pani/Pana danych',
    ],
    healthCategory:
      'Dane o zdrowiu (szczególna kategoria według art. 9 DSGVO), tylko w zakresie, w jakim je Pani/Pan podał(a)',
    recipientsHeading: 'Odbiorcy (art. 15 ust. 1 lit. c)',
    consentsHeading: 'Pani/Pana zgody na przekazanie danych',
    noConsents: 'Nie wyraził(a) Pan/Pani zgody na przekazanie danych.',
    disclosuresIntro: 'Za Pani/Pana zgodą przekazano następujące dane:',
    recipient: 'Odbiorca',
    sentOn: 'Data',
    data: 'Dane',
    validity: 'Ważna',
    withdrawnOn: 'wycofana dnia',
    noDisclosures: 'Dotychczas żadne dane o Pani/Panu nie zostały przekazane innym podmiotom.',
    possibleRecipientsIntro: 'Odbiorcami mogą być wyłącznie za Pani/Pana pisemną zgodą i w określonym celu:',
    possibleRecipients: [
      'Jobcenter',
      'urząd ds. cudzoziemców (Ausländerbehörde)',
      'organizator kursu integracyjnego',
      'inne służby doradcze',
      'Ponadto usługodawca IT przetwarza dane w naszym imieniu (art. 28 DSGVO); jest umownie zobowiązany do zachowania poufności. Podmiot finansujący otrzymuje wyłącznie statystyki bez nazwisk.',
    ],
    storageHeading: 'Okres przechowywania (art. 15 ust. 1 lit. d)',
    storage: (years) =>
      `Dane zamkniętej sprawy są usuwane po ${years} ${years === 1 ? 'roku' : 'latach'} od zamknięcia, o ile nie obowiązuje blokada usunięcia (np. z powodu sporu prawnego). Statystyki nie zawierają nazwisk.`,
    rightsHeading: 'Pani/Pana prawa (art. 15 ust. 1 lit. e)',
    rightRectification: 'Sprostowanie (art. 16): nieprawidłowe lub niekompletne dane są poprawiane.',
    rightErasure: 'Usunięcie (art. 17): może Pani/Pan żądać usunięcia danych, gdy nie są już potrzebne.',
    rightRestriction:
      'Ograniczenie przetwarzania (art. 18): może Pani/Pan żądać, aby dane były tylko przechowywane, ale już nie wykorzystywane.',
    rightObjection: 'Sprzeciw (art. 21): może Pani/Pan wnieść sprzeciw wobec przetwarzania danych.',
    rightWithdrawal:
      'Zgodę można w każdej chwili wycofać ze skutkiem na przyszłość. Nie zmienia to niczego w doradztwie.',
    complaintHeading: 'Skarga do organu nadzorczego (art. 15 ust. 1 lit. f)',
    complaint:
      'Może Pani/Pan złożyć skargę do organu nadzorczego ds. ochrony danych, jeśli uważa Pani/Pan, że dane są przetwarzane nieprawidłowo. Właściwy organ:',
    authority: 'Organ nadzorczy',
    sourcesHeading: 'Źródło danych (art. 15 ust. 1 lit. g)',
    sourceClient: 'Dane pochodzą od Pani/Pana: podał(a) je Pani/Pan podczas doradztwa.',
    sourcePartners: 'Nie otrzymaliśmy od partnerów żadnych danych o Pani/Panu.',
    automatedHeading: 'Zautomatyzowane decyzje (art. 15 ust. 1 lit. h)',
    automated:
      'Nie ma zautomatyzowanego podejmowania decyzji ani profilowania. Wszystkie decyzje podejmują ludzie.',
    transfersHeading: 'Przekazywanie do państw trzecich (art. 15 ust. 2)',
    transfers: 'Pani/Pana dane nie są przekazywane do państw spoza Unii Europejskiej.',
    storedDataHeading: 'Pani/Pana przechowywane dane',
  },
  summary: {
    title: (caseNumber) => `Podsumowanie sprawy ${caseNumber}`,
    asOf: (date) => `Stan na ${date}.`,
    voluntary:
      'Doradztwo jest dobrowolne i niezależne; poradnia przekazuje Pani/Pana dane wyłącznie za Pani/Pana pisemną zgodą.',
    notACertificate:
      'To podsumowanie jest przeznaczone dla Pani/Pana. Nie jest zaświadczeniem o uczestnictwie ani dowodem dla urzędów.',
    footer: (caseNumber) => `Podsumowanie sprawy ${caseNumber} · poufne`,
  },
  exchange: {
    categories: {
      identity_contact: {
        label: 'Imię i nazwisko oraz dane kontaktowe',
        explanation:
          'Pani/Pana imię i nazwisko, data urodzenia i sposób kontaktu, na przykład telefon, e-mail lub adres.',
      },
      residence_status: {
        label: 'Status pobytowy',
        explanation:
          'Jakie prawo pobytu Pani/Pan ma, na przykład jakie zezwolenie na pobyt, i do kiedy jest ono ważne.',
      },
      language_courses: {
        label: 'Znajomość języka i kursy',
        explanation:
          'Jak dobrze zna Pani/Pan język niemiecki i na jakie kursy językowe lub integracyjne Pani/Pan chodził(a) albo chodzi teraz.',
      },
      schooling_qualifications: {
        label: 'Wykształcenie szkolne, dyplomy i ich uznanie',
        explanation:
          'Jaką szkołę, naukę zawodu lub studia Pani/Pan ukończył(a), Pani/Pana dyplomy i czy są uznane w Niemczech.',
      },
      work_experience: {
        label: 'Doświadczenie zawodowe',
        explanation: 'Jaką pracę Pani/Pan dotąd wykonywał(a) – w Niemczech i w innych krajach.',
      },
      analysis_results: {
        label: 'Wyniki analizy sytuacji społecznej i kompetencji',
        explanation:
          'Co wspólnie z doradczynią lub doradcą ustalono o Pani/Pana sytuacji, mocnych stronach i potrzebnym wsparciu.',
      },
      plan_goals: {
        label: 'Cele planu wsparcia',
        explanation: 'Jakie cele uzgodniono podczas doradztwa i jakie kroki zaplanowano, aby je osiągnąć.',
      },
      course_attendance: {
        label: 'Udział w kursie i groźba jego przerwania',
        explanation: 'Czy bierze Pani/Pan udział w kursie lub programie i czy grozi jego przerwanie.',
      },
      family_situation: {
        label: 'Sytuacja rodzinna',
        explanation:
          'Z kim Pani/Pan mieszka, na przykład z partnerem, partnerką lub dziećmi, i co to dla Pani/Pana oznacza, na przykład w kwestii opieki nad dziećmi.',
      },
      health: {
        label: 'Zdrowie (szczególna kategoria, art. 9 DSGVO)',
        explanation:
          'Informacje o Pani/Pana zdrowiu – tylko w zakresie ważnym dla celu. Na przykład, gdy z powodu choroby nie może Pani/Pan uczestniczyć w kursie.',
      },
    },
    purposes: {
      integration_jobcenter: 'Współpraca z Jobcenter na Pani/Pana drodze do pracy lub nauki zawodu',
      course_participation: 'Pani/Pana udział w kursie językowym lub integracyjnym',
      residence_matters: 'Sprawy dotyczące Pani/Pana pobytu',
      other: 'Inny cel',
    },
    directions: {
      to_partner: 'Tylko od poradni do partnera',
      from_partner: 'Tylko od partnera do poradni',
      both: 'W obie strony: od poradni do partnera i z powrotem',
    },
    repetitions: {
      once: 'Jednorazowo: na jedno przekazanie',
      repeated: 'Wielokrotnie: wiele razy, dopóki zgoda jest ważna',
    },
    legalBases: {
      child_protection: 'ochrona zagrożonego dziecka',
      danger_to_life: 'odparcie bezpośredniego niebezpieczeństwa dla zdrowia lub życia',
      court_order: 'postanowienie sądu',
      statutory_duty: 'ustawowy obowiązek zgłoszenia',
    },
    messageKinds: {
      assessment_result: 'Wynik analizy i potrzebne wsparcie',
      dropout_notice: 'Groźba przerwania programu lub kursu',
      serious_change: 'Ważna zmiana w Pani/Pana sytuacji',
      special_problem: 'Szczególne trudności',
      answer: 'Odpowiedź',
    },
    organisation: 'Instytucja',
    team: 'Zespół',
    contactPerson: 'Osoba kontaktowa',
    purpose: 'Cel',
    purposeDetails: 'Dokładniej',
    validUntil: 'Ważna do',
    dataProtectionHeading: 'Ochrona danych',
    controller: 'Administrator danych',
    complaint:
      'Jeśli uważa Pani/Pan, że Pani/Pana dane są traktowane niewłaściwie, może Pani/Pan złożyć skargę do organu nadzorczego.',
    withdrawalHow:
      'Jak wycofać zgodę: wystarczy powiedzieć o tym w poradni – ustnie lub na piśmie, na przykład listem lub e-mailem. Nie trzeba podawać powodu.',
    consent: {
      title: 'Zgoda na przekazywanie danych / zwolnienie z obowiązku zachowania tajemnicy',
      intro:
        'To Pani/Pan decyduje, czy poradnia wymienia dane o Pani/Panu z inną instytucją. Tą zgodą pozwala Pani/Pan na to tylko w odniesieniu do instytucji, danych, celu i okresu, które są tu wpisane – na nic innego.',
      release:
        'W zakresie tej zgody zwalnia Pani/Pan poradnię z obowiązku zachowania tajemnicy. We wszystkich innych sprawach tajemnica nadal obowiązuje.',
      createdOn: (date) => `Sporządzono ${date}.`,
      footer: 'Zgoda na przekazywanie danych · poufne',
      clientHeading: 'Kto wyraża zgodę?',
      providerHeading: 'Pani/Pana poradnia',
      provider: 'Organizacja prowadząca',
      office: 'Poradnia',
      recipientHeading: 'Z jaką instytucją? (partner)',
      recipientOnly:
        'Zgoda obowiązuje tylko wobec podanego niżej zespołu tej instytucji. Inne zespoły i inne instytucje nie otrzymują danych.',
      categoriesHeading: 'Jakie dane?',
      categoriesOnly: 'Wolno wymieniać tylko te dane, żadnych innych.',
      specialHeading: 'Dane szczególnie chronione: zdrowie (art. 9 DSGVO)',
      special:
        'Informacje o zdrowiu są szczególnie chronione (art. 9 DSGVO). Są wymieniane tylko dlatego, że wyraża Pani/Pan tutaj wyraźnie zgodę także na to.',
      purposeHeading: 'W jakim celu?',
      purposeOnly: 'Dane wolno wykorzystać tylko w tym celu.',
      wayHeading: 'W jakim kierunku i jak często?',
      direction: 'Kierunek',
      repetition: 'Jak często',
      validityHeading: 'Jak długo zgoda jest ważna?',
      validity: (from, until) =>
        `Zgoda jest ważna od ${from} do ${until} włącznie. Potem poradnia nie wymienia już danych na podstawie tej zgody.`,
      rightsHeading: 'Pani/Pana prawa',
      voluntary:
        'Ta zgoda jest dobrowolna. Jeśli nie wyrazi Pani/Pan zgody albo później ją wycofa, nie będzie to miało żadnych negatywnych skutków dla doradztwa: nadal otrzyma Pani/Pan taką samą pomoc.',
      withdrawal:
        'Zgodę można w każdej chwili wycofać. Wycofanie działa na przyszłość: od tej chwili dane nie są już wymieniane. Nie dotyczy to danych przekazanych wcześniej.',
      noticeHeading: 'Prosimy zwrócić uwagę',
      jobcenterFile:
        'Wszystko, co poradnia wysyła do Jobcenter, trafia do Pani/Pana akt w Jobcenter. Jobcenter może później wziąć to pod uwagę przy decyzjach o świadczeniach, także o ich obniżeniu (Leistungsminderungen).',
      abhFile:
        'Wszystko, co poradnia wysyła do urzędu ds. cudzoziemców (Ausländerbehörde), trafia tam do Pani/Pana akt. Urząd może wziąć to pod uwagę przy decyzjach dotyczących Pani/Pana pobytu.',
      publicBodies:
        'Instytucje publiczne, na przykład Jobcenter, muszą w określonych przypadkach przekazywać urzędowi ds. cudzoziemców (Ausländerbehörde) fakty, o których się dowiedzą (§ 87 AufenthG, ustawa o pobycie). Może to dotyczyć także informacji, które otrzymają od poradni.',
      signaturesHeading: 'Podpisy',
      declaration:
        'Przeczytałam/przeczytałem tę zgodę lub została mi ona wyjaśniona. Zrozumiałam/zrozumiałem ją i wyrażam zgodę dobrowolnie.',
      placeDate: 'Miejscowość, data',
      clientSignature: (name) => `Podpis osoby korzystającej z doradztwa: ${name}`,
      staffSignature: (name) => `Podpis w imieniu poradni, zgodę przyjął/przyjęła: ${name}`,
    },
    copy: {
      title: (organisation) => `Pani/Pana kopia: wiadomość do ${organisation}`,
      intro: (organisation) =>
        `Pani/Pana poradnia wysłała tę wiadomość o Pani/Panu do ${organisation}. Tutaj widać dokładnie, co zostało przekazane.`,
      footer: 'Pani/Pana kopia wiadomości · poufne',
      messageHeading: 'Wiadomość',
      about: 'Dotyczy',
      to: 'Do',
      from: 'Od',
      office: 'Poradnia',
      sentAt: 'Wysłano',
      kind: 'Rodzaj wiadomości',
      subject: 'Temat',
      consentHeading: 'Pani/Pana zgoda',
      consentIntro: 'Poradnia mogła wysłać tę wiadomość, ponieważ wyraził(a) Pani/Pan na to zgodę:',
      legalBasisHeading: 'Dlaczego bez Pani/Pana zgody',
      legalBasisIntro:
        'Poradnia mogła wysłać tę wiadomość bez Pani/Pana zgody, ponieważ w tym przypadku prawo na to pozwala lub tego wymaga. Kierownictwo to sprawdziło i uzasadniło:',
      legalBasis: 'Podstawa prawna',
      justification: 'Uzasadnienie',
      controlLegalBasis:
        'Otrzymuje Pani/Pan tę kopię, aby wiedzieć, co o Pani/Panu przekazano. Jeśli chce Pani/Pan dowiedzieć się więcej, proszę zapytać w swojej poradni.',
      attachments: 'Załączniki',
      contentHeading: 'Co zostało przekazane',
      contentIntro: 'Teksty są tu podane dokładnie tak, jak zostały wysłane (po niemiecku).',
      controlHeading: 'Kontrola pozostaje w Pani/Pana rękach',
      control:
        'Otrzymuje Pani/Pan tę kopię, aby wiedzieć, co jest przekazywane na Pani/Pana temat, i samemu zachować nad tym kontrolę. Zgodę można w każdej chwili wycofać. Nie ma to żadnych negatywnych skutków dla doradztwa.',
    },
  },
  referral: {
    slipTitle: 'Informacja o doradztwie migracyjnym',
    slipIntro:
      'Tutaj znajdziesz punkty doradztwa w pobliżu. Możesz zadzwonić, napisać e-mail lub przyjść w godzinach przyjęć. Doradztwo jest bezpłatne.',
    voluntary:
      'Doradztwo jest dobrowolne, poufne i niezależne od Jobcenter i urzędu do spraw cudzoziemców. Sam(a) decydujesz, czy pójdziesz. Wizyta nie jest warunkiem świadczeń, zezwolenia na pobyt ani żadnej innej decyzji i nikt nie jest o niej informowany.',
    officesHeading: 'Punkty doradztwa w pobliżu',
    address: 'Adres',
    contact: 'Kontakt',
    hours: 'Godziny przyjęć w najbliższych 7 dniach',
    languages: 'Języki',
    services: 'Usługa',
    map: 'Mapa',
    byAppointment: 'po umówieniu',
    noHours: 'Prosimy zadzwonić i umówić termin.',
    onlineHeading: 'Doradztwo online',
    onlineIntro:
      'Możesz też skorzystać z doradztwa online w wielu językach – na przykład w mbeon, internetowym doradztwie migracyjnym.',
    scan: 'Zeskanuj kod QR telefonem',
    footer: 'Ta informacja nie zawiera żadnych danych o Tobie.',
    consent: {
      title: 'Zgoda: przekazanie Twoich danych do punktu doradztwa',
      intro:
        'Chcesz, aby punkt doradztwa się z Tobą skontaktował. W tym celu przekazujemy Twoje imię i nazwisko oraz dane kontaktowe do tego punktu – tylko jeśli tutaj podpiszesz.',
      person: 'Imię i nazwisko',
      contact: 'Telefon lub e-mail',
      recipient: 'Punkt doradztwa, który otrzymuje Twoje dane',
      purposeHeading: 'W jakim celu',
      purpose:
        'Aby punkt doradztwa zaprosił Cię na pierwszą rozmowę. Przekazywane są tylko: imię i nazwisko, kontakt, język, wiek i Twoja sprawa w kilku słowach.',
      handOn:
        'Jeśli lepiej pasuje do Ciebie inna służba doradcza (na przykład młodzieżowa służba migracyjna zamiast doradztwa dla dorosłych), punkt może przekazać skierowanie dalej.',
      callFirst: 'Punkt doradztwa najpierw do Ciebie zadzwoni.',
      feedbackHeading: 'Informacja zwrotna dla nas',
      feedbackYes:
        'Tak: punkt doradztwa może nam przekazać, czy skorzystałeś(-aś) z oferty – tylko „skorzystano” lub „nie skorzystano”, nigdy treści doradztwa.',
      feedbackNo: 'Nie: nie dowiemy się niczego o tym, czy korzystasz z doradztwa.',
      voluntaryHeading: 'Dobrowolnie',
      withdraw:
        'Twoja zgoda jest dobrowolna. Możesz ją w każdej chwili wycofać w punkcie doradztwa lub u nas. Bez zgody także otrzymasz informację o doradztwie, bez żadnych negatywnych skutków.',
      signature: 'Podpis',
      placeDate: 'Miejscowość, data',
      referrer: 'Instytucja kierująca',
      footer: 'Zgoda na skierowanie – jeden egzemplarz dla Ciebie, jeden dla instytucji kierującej.',
    },
  },
  labels: {
    gender: { female: 'kobieta', male: 'mężczyzna', diverse: 'inna', not_stated: 'nie podano' },
    relation: {
      partner: 'partner / partnerka',
      child: 'dziecko',
      parent: 'rodzic',
      sibling: 'rodzeństwo',
      other: 'inne',
    },
    caseType: { short_counselling: 'krótka porada', case_management: 'case management' },
    form: {
      in_person: 'osobiście',
      phone: 'telefon',
      video: 'wideo',
      message: 'wiadomość',
      home_visit: 'wizyta domowa',
    },
    contactStatus: {
      planned: 'zaplanowane',
      held: 'odbyło się',
      missed: 'nieobecność',
      cancelled: 'odwołane',
    },
    goalStatus: { open: 'otwarte', in_progress: 'w toku', reached: 'osiągnięte', dropped: 'porzucone' },
    stepStatus: { open: 'otwarte', in_progress: 'w toku', done: 'wykonane', dropped: 'porzucone' },
    responsible: { client: 'Pani/Pan', counsellor: 'doradztwo', partner: 'partner' },
  },
};

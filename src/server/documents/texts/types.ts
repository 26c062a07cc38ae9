import type { ValueLabelTranslations } from './labels.ts';

/**
 * Every fixed text of the client documents (Art. 15 information, case summary) in one language.
 * Each language file is typed with this interface, so a missing text does not compile. User text
 * and dates are never part of these texts; they are passed in and printed as they are.
 */
export interface DocumentTexts {
  /** The language's own name ("English", "العربية"), for the document's language line. */
  languageName: string;
  common: {
    yes: string;
    no: string;
    years: (n: number) => string;
    minutes: (n: number) => string;
    /** "Lebensunterhalt: …; Deutsch: …; Arbeit: …" */
    situation: (p: { livelihood: string; german: string; work: string }) => string;
  };
  law: { dsgvo: string; kdg: string; dsg_ekd: string };
  person: {
    heading: string;
    name: string;
    pseudonym: string;
    birthDate: string;
    ageGroup: (group: string) => string;
    gender: string;
    citizenship: string;
    languages: string;
    phone: string;
    email: string;
    reachability: string;
    arrivalYear: string;
    residenceStatus: string;
    familyHeading: string;
    relation: string;
    givenName: string;
    birthYear: string;
    counselledAlongside: string;
  };
  case: {
    heading: (caseNumber: string) => string;
    service: string;
    serviceMBE: string;
    serviceJMD: string;
    caseType: string;
    counsellor: string;
    openedOn: string;
    phase: string;
    wayIn: string;
    situationStart: string;
    closedOn: string;
    closureReason: string;
    situationEnd: string;
    erasureFrom: string;
    intakeHeading: (date: string) => string;
    reason: string;
    concerns: string;
    agreedNextSteps: string;
    topics: string;
    analysisHeading: string;
    germanLevel: string;
    otherLanguages: string;
    schooling: string;
    qualifications: string;
    recognition: string;
    workExperience: string;
    family: string;
    housing: string;
    livelihood: string;
    health: string;
    planHeading: string;
    goal: string;
    course: string;
    agreement: string;
    agreedOn: (date: string, method: string) => string;
    notAgreed: string;
    step: string;
    who: string;
    until: string;
    status: string;
    contactsHeading: string;
    when: string;
    form: string;
    duration: string;
    note: string;
    activitiesHeading: string;
    kind: string;
    place: string;
    period: string;
    responsibilitiesHeading: string;
    task: string;
    responsible: string;
    accessHeading: string;
    person: string;
  };
  art15: {
    title: string;
    intro: (controller: string) => string;
    createdFor: (date: string, name: string) => string;
    footer: string;
    controllerHeading: string;
    controllerName: string;
    address: string;
    website: string;
    applicableLaw: string;
    dataProtectionContact: string;
    noDataProtectionContact: string;
    purposesHeading: string;
    purposes: string[];
    categoriesHeading: string;
    categories: string[];
    healthCategory: string;
    recipientsHeading: string;
    noDisclosures: string;
    possibleRecipientsIntro: string;
    possibleRecipients: string[];
    storageHeading: string;
    storage: (years: number) => string;
    rightsHeading: string;
    rightRectification: string;
    rightErasure: string;
    rightRestriction: string;
    rightObjection: string;
    rightWithdrawal: string;
    complaintHeading: string;
    complaint: string;
    authority: string;
    sourcesHeading: string;
    sourceClient: string;
    sourcePartners: string;
    automatedHeading: string;
    automated: string;
    transfersHeading: string;
    transfers: string;
    storedDataHeading: string;
  };
  summary: {
    title: (caseNumber: string) => string;
    asOf: (date: string) => string;
    voluntary: string;
    notACertificate: string;
    footer: (caseNumber: string) => string;
  };
  /** Labels of the value lists; German is printed for any that are missing. */
  labels: ValueLabelTranslations;
}

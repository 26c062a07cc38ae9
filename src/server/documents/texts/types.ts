import type {
  ConsentDirection,
  ConsentRepetition,
  DataCategory,
  LegalBasis,
  MessageKind,
  ReviewedPurpose,
} from '../../modules/exchange/exchange.values.ts';
import type { ValueLabelTranslations } from './labels.ts';

/**
 * Every fixed text of the client documents (Art. 15 information, case summary, consent form,
 * client copy of a disclosure) in one language.
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
    /** The client's consents and what was passed on under them (R-CON-4). */
    consentsHeading: string;
    noConsents: string;
    disclosuresIntro: string;
    recipient: string;
    sentOn: string;
    data: string;
    validity: string;
    withdrawnOn: string;
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
  /**
   * Consent-gated exchange: the consent form (R-CON-2) and the client's copy of a disclosure
   * (R-RED-5, R-CON-4). Plain language; every value list of `exchange.values.ts` has its labels.
   */
  exchange: {
    /** Each data category: its name and what it means, in a few plain words. */
    categories: Record<DataCategory, { label: string; explanation: string }>;
    purposes: Record<ReviewedPurpose, string>;
    directions: Record<ConsentDirection, string>;
    repetitions: Record<ConsentRepetition, string>;
    /** Legal bases other than consent (R-RED-1); their norms come from terms.ts. */
    legalBases: Record<LegalBasis, string>;
    messageKinds: Record<MessageKind, string>;
    organisation: string;
    team: string;
    contactPerson: string;
    purpose: string;
    purposeDetails: string;
    validUntil: string;
    dataProtectionHeading: string;
    controller: string;
    complaint: string;
    /** How to withdraw: tell the counselling office, orally or in writing. */
    withdrawalHow: string;
    consent: {
      title: string;
      intro: string;
      /** What signing means for confidentiality. */
      release: string;
      createdOn: (date: string) => string;
      footer: string;
      clientHeading: string;
      providerHeading: string;
      provider: string;
      office: string;
      recipientHeading: string;
      recipientOnly: string;
      categoriesHeading: string;
      categoriesOnly: string;
      /** Health, apart: a special category under Art. 9 DSGVO. */
      specialHeading: string;
      special: string;
      purposeHeading: string;
      purposeOnly: string;
      wayHeading: string;
      direction: string;
      repetition: string;
      validityHeading: string;
      validity: (from: string, until: string) => string;
      rightsHeading: string;
      voluntary: string;
      withdrawal: string;
      /** What a public body does with what it receives. */
      noticeHeading: string;
      jobcenterFile: string;
      abhFile: string;
      publicBodies: string;
      signaturesHeading: string;
      declaration: string;
      placeDate: string;
      clientSignature: (name: string) => string;
      staffSignature: (name: string) => string;
    };
    copy: {
      title: (organisation: string) => string;
      intro: (organisation: string) => string;
      footer: string;
      messageHeading: string;
      about: string;
      to: string;
      from: string;
      office: string;
      sentAt: string;
      kind: string;
      subject: string;
      consentHeading: string;
      consentIntro: string;
      /** A disclosure under a legal basis other than consent (R-RED-1). */
      legalBasisHeading: string;
      legalBasisIntro: string;
      legalBasis: string;
      justification: string;
      controlLegalBasis: string;
      /** Heading of the list of files sent with the message. */
      attachments: string;
      contentHeading: string;
      contentIntro: string;
      controlHeading: string;
      /** Why the client receives the copy, and that consent may be withdrawn at any time. */
      control: string;
    };
  };
  /**
   * The referral slip a Jobcenter or ABH hands over (R-REF-1, R-REF-3, R-UX-3) and the short
   * consent to a named referral: which office receives name and contact, for what, and whether
   * the referrer may learn the outcome (R-REF-4). No personal data is part of these texts.
   */
  referral: {
    slipTitle: string;
    slipIntro: string;
    /** R-REF-3: counselling is voluntary, independent and not a condition for anything. */
    voluntary: string;
    officesHeading: string;
    address: string;
    contact: string;
    hours: string;
    languages: string;
    services: string;
    map: string;
    byAppointment: string;
    noHours: string;
    onlineHeading: string;
    onlineIntro: string;
    scan: string;
    footer: string;
    consent: {
      title: string;
      intro: string;
      person: string;
      contact: string;
      recipient: string;
      purposeHeading: string;
      purpose: string;
      handOn: string;
      callFirst: string;
      feedbackHeading: string;
      feedbackYes: string;
      feedbackNo: string;
      voluntaryHeading: string;
      withdraw: string;
      signature: string;
      placeDate: string;
      referrer: string;
      footer: string;
    };
  };
  /** Labels of the value lists; German is printed for any that are missing. */
  labels: ValueLabelTranslations;
}

/** Shapes of the API's JSON, as the browser uses them. */

export type Locale = 'de' | 'en';

export const roles = [
  'counsellor',
  'team_lead',
  'org_admin',
  'clearing_staff',
  'partner_staff',
  'central_contact',
  'system_admin',
] as const;
export type Role = (typeof roles)[number];

export const organisationKinds = [
  'welfare_provider',
  'jobcenter',
  'abh',
  'course_provider',
  'other',
  'operator',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const services = ['MBE', 'JMD'] as const;
export type Service = (typeof services)[number];

export const fundings = ['federal', 'state', 'federal_and_state'] as const;
export type Funding = (typeof fundings)[number];

export const dataProtectionLaws = ['dsgvo', 'kdg', 'dsg_ekd'] as const;
export type DataProtectionLaw = (typeof dataProtectionLaws)[number];

export const userStatuses = ['invited', 'active', 'deactivated'] as const;
export type UserStatus = (typeof userStatuses)[number];

export type NavigationKey =
  | 'dashboard'
  | 'cases'
  | 'team'
  | 'organisations'
  | 'myOrganisation'
  | 'offices'
  | 'directory'
  | 'hostedHours'
  | 'offers'
  | 'notifications'
  | 'users'
  | 'audit'
  | 'caseSettings'
  | 'caseDeletions'
  | 'account';

export type SessionState = 'active' | 'mfa_pending' | 'enrolment_required';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  locale: Locale;
  totpEnabled: boolean;
  organisation: { id: string; name: string; kind: OrganisationKind; requireTotp: boolean };
}

export interface Session {
  state: SessionState;
  csrfToken: string;
  user: SessionUser;
  navigation: NavigationKey[];
  /** A partner organisation's account: every page shows the independence notice. */
  partner: boolean;
}

export interface LoginResult {
  state: SessionState;
  csrfToken: string;
}

export interface TotpSetup {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

export interface RecoveryCodes {
  recoveryCodes: string[];
}

export type TokenScope = 'read' | 'write';

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  scope: TokenScope;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface Invitation {
  email: string;
  displayName: string;
  organisationName: string;
}

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  subtype: string | null;
  umbrella: string | null;
  services: Service[];
  funding: Funding | null;
  hostsClearingOffice: boolean;
  dataProtectionLaw: DataProtectionLaw | null;
  requireTotp: boolean;
  street: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  deactivatedAt: string | null;
  version: number;
  allowedActions: string[];
}

export interface OrganisationDetail extends Organisation {
  centralContacts: User[];
  /** null when the reader may not see the organisation's staff (the contacts are then withheld). */
  centralContactMissing: boolean | null;
}

export interface User {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  functionTitle: string | null;
  phone: string | null;
  roles: Role[];
  status: UserStatus;
  totpEnabled?: boolean;
  lastLoginAt?: string | null;
  version: number;
  allowedActions: string[];
}

export interface InvitationLink {
  invitationUrl: string;
  mailed: boolean;
}

export interface OfficeContact {
  id?: string;
  functionTitle: string;
  name: string | null;
  namePublic: boolean;
  phone: string | null;
  email: string | null;
  languages: string[];
}

export interface OnlineLink {
  platform: 'mbeon' | 'caritas' | 'diakonie' | 'drk' | 'awo' | 'paritaet' | 'other';
  url: string;
  label: string | null;
}

export interface Office {
  id: string;
  organisationId: string;
  name: string;
  street: string;
  postcode: string;
  city: string;
  phone: string | null;
  email: string | null;
  services: Service[];
  description: string | null;
  website: string | null;
  latitude: number | null;
  longitude: number | null;
  languages: string[];
  accessibility: string | null;
  onlineLinks: OnlineLink[];
  serviceAges: Partial<Record<Service, { minAge: number; maxAge: number | null }>>;
  catchmentPostcodes: string[];
  catchmentMunicipalities: string[];
  contacts: OfficeContact[];
  version: number;
  allowedActions: string[];
}

/** Premises of a partner (ABH, Jobcenter) where an office holds hours (R-DIR-3). */
export interface PartnerPlace {
  organisationId: string;
  name: string;
  street: string | null;
  postcode: string | null;
  city: string | null;
}

export type HoursKind = 'counselling' | 'opening';

export interface WeeklyHours {
  id?: string;
  kind: HoursKind;
  service: Service | null;
  weekday: number;
  opensAt: string;
  closesAt: string;
  validFrom: string | null;
  validTo: string | null;
  partnerOrganisationId: string | null;
  place?: PartnerPlace | null;
  room: string | null;
  byAppointment: boolean;
  note: string | null;
}

export type ExceptionKind = 'closed' | 'holiday' | 'extra';

export interface HoursException {
  id?: string;
  kind: ExceptionKind;
  startsOn: string;
  endsOn: string;
  opensAt: string | null;
  closesAt: string | null;
  partnerOrganisationId: string | null;
  place?: PartnerPlace | null;
  room: string | null;
  note: string | null;
}

export interface Schedule {
  officeId: string;
  version: number;
  hours: WeeklyHours[];
  exceptions: HoursException[];
  allowedActions: string[];
}

export interface OverviewOffice {
  id: string;
  providerId: string;
  providerName: string;
  name: string;
  street: string;
  postcode: string;
  city: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  services: Service[];
  languages: string[];
  accessibility: string | null;
  onlineLinks: OnlineLink[];
  catchmentPostcodes: string[];
  catchmentMunicipalities: string[];
  contacts: { functionTitle: string; name: string | null; phone: string | null; email: string | null }[];
  hours: WeeklyHours[];
  upcomingExceptions: HoursException[];
}

export interface Overview {
  generatedAt: string;
  hoursInYourPremises: number;
  offices: OverviewOffice[];
}

/** One date of counselling hours in a partner's premises; cancelled by a closure of the office, if set. */
export interface HostedSlot {
  officeId: string;
  officeName: string;
  providerName: string;
  kind: HoursKind | 'extra';
  service: Service | null;
  opensAt: string;
  closesAt: string;
  room: string | null;
  byAppointment: boolean;
  note: string | null;
  cancelled: { kind: 'closed' | 'holiday'; note: string | null } | null;
}

/** The counselling hours held in the own premises this week and next (R-DIR-3). */
export interface HostedHours {
  organisationId: string;
  organisationName: string;
  from: string;
  until: string;
  generatedAt: string;
  offices: {
    id: string;
    name: string;
    providerId: string;
    providerName: string;
    services: Service[];
    street: string;
    postcode: string;
    city: string;
    phone: string | null;
    email: string | null;
    hours: WeeklyHours[];
  }[];
  days: { date: string; weekday: number; slots: HostedSlot[] }[];
}

export interface FlyerFile {
  language: string;
  revision: number;
  revisions: number;
  mediaType: 'application/pdf' | 'image/png' | 'image/jpeg';
  byteSize: number;
  filename: string;
  uploadedAt: string;
  downloadUrl: string;
}

export interface Flyer {
  id: string;
  officeId: string;
  organisationId: string;
  officeName: string;
  providerName: string;
  title: string;
  version: number;
  files: FlyerFile[];
  allowedActions: string[];
}

export const offerKinds = ['course', 'measure', 'regulation'] as const;
export type OfferKind = (typeof offerKinds)[number];

export interface OfferCategory {
  id: string;
  kind: OfferKind;
  de: string;
  en: string;
}

export interface Offer {
  id: string;
  organisationId: string;
  organisationName: string;
  kind: OfferKind;
  categoryId: string;
  categoryLabel: string;
  title: string;
  summary: string | null;
  place: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  startsOn: string | null;
  endsOn: string | null;
  schedule: string | null;
  freePlaces: number | null;
  childcare: boolean | null;
  languages: string[];
  targetGroup: string | null;
  audienceOrganisationIds: string[];
  contact: string | null;
  url: string | null;
  reference: string | null;
  effectiveFrom: string | null;
  publishedAt: string;
  version: number;
  allowedActions: string[];
}

export interface Notification extends Offer {
  read: boolean;
}

export type DigestFrequency = 'none' | 'daily' | 'weekly';

export interface AuditEntry {
  id: string | number;
  occurredAt: string;
  organisationId: string | null;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  reason: string | null;
  requestId: string | null;
}

/** A page of a list endpoint. */
export interface Page<T> {
  items: T[];
  total: number;
}

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
  'dashboard' | 'organisations' | 'myOrganisation' | 'offices' | 'users' | 'audit' | 'account';

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
  centralContactMissing: boolean;
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
  totpEnabled: boolean;
  lastLoginAt: string | null;
  version: number;
  allowedActions: string[];
}

export interface InvitationLink {
  invitationUrl: string;
  mailed: boolean;
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
  version: number;
  allowedActions: string[];
}

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

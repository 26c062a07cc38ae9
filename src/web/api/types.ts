/**
 * Shapes of the API's JSON, as the browser uses them: each is inferred from the server's zod schema
 * of the route (`z.infer` for answers, `z.input` for request bodies), so the web cannot drift from
 * the API. The imports of schemas are type-only and erased from the bundle; value lists come from
 * zod-free modules of the server (`policy/roles.ts`, `modules/<m>/<m>.values.ts`).
 */
import type { z } from 'zod';
import type { pageOf } from '../../server/http/schemas.ts';
import type {
  invitationResponse,
  loginResponse,
  navigationKeys,
  recoveryCodesResponse,
  sessionResponse,
  sessionStateSchema,
  tokenSchema,
  totpSetupResponse,
} from '../../server/modules/auth/auth.schemas.ts';
import type {
  organisationDetailSchema,
  organisationSchema,
} from '../../server/modules/organisations/organisations.schemas.ts';
import type { invitationLinkResponse, userSchema } from '../../server/modules/users/users.schemas.ts';
import type { contactSchema, officeSchema } from '../../server/modules/offices/offices.schemas.ts';
import type {
  exceptionSchema,
  hostedHoursResponse,
  hoursSchema,
  overviewOfficeSchema,
  overviewResponse,
  scheduleSchema,
} from '../../server/modules/directory/directory.schemas.ts';
import type { flyerSchema } from '../../server/modules/flyers/flyers.routes.ts';
import type {
  categorySchema,
  notificationSchema,
  offerSchema,
} from '../../server/modules/offers/offers.schemas.ts';
import type { auditEntry } from '../../server/modules/audit/audit.routes.ts';

export { roles, organisationKinds } from '../../server/policy/roles.ts';
export type { Role, OrganisationKind } from '../../server/policy/roles.ts';
export {
  services,
  fundings,
  dataProtectionLaws,
  organisationSubtypes,
  germanStates,
} from '../../server/modules/organisations/organisations.values.ts';
export type {
  Service,
  Funding,
  DataProtectionLaw,
  OrganisationSubtype,
  GermanState,
} from '../../server/modules/organisations/organisations.values.ts';
export { userStatuses } from '../../server/modules/users/users.values.ts';
export type { UserStatus } from '../../server/modules/users/users.values.ts';
export { offerKinds } from '../../server/modules/offers/offers.values.ts';
export type { OfferKind, DigestFrequency } from '../../server/modules/offers/offers.values.ts';

// Sign-in and session

export type Session = z.infer<typeof sessionResponse>;
export type SessionUser = Session['user'];
export type SessionState = z.infer<typeof sessionStateSchema>;
export type Locale = SessionUser['locale'];
export type NavigationKey = (typeof navigationKeys)[number];
export type LoginResult = z.infer<typeof loginResponse>;
export type TotpSetup = z.infer<typeof totpSetupResponse>;
export type RecoveryCodes = z.infer<typeof recoveryCodesResponse>;
export type ApiToken = z.infer<typeof tokenSchema>;
export type TokenScope = ApiToken['scope'];
export type Invitation = z.infer<typeof invitationResponse>;

// Organisations and staff

export type Organisation = z.infer<typeof organisationSchema>;
export type OrganisationDetail = z.infer<typeof organisationDetailSchema>;
export type User = z.infer<typeof userSchema>;
export type InvitationLink = z.infer<typeof invitationLinkResponse>;

// Offices and the directory

export type Office = z.infer<typeof officeSchema>;
export type OfficeContact = z.infer<typeof contactSchema>;
export type OnlineLink = Office['onlineLinks'][number];
export type WeeklyHours = z.infer<typeof hoursSchema>;
export type HoursKind = WeeklyHours['kind'];
/** Premises of a partner (ABH, Jobcenter) where an office holds hours (R-DIR-3). */
export type PartnerPlace = NonNullable<WeeklyHours['place']>;
export type HoursException = z.infer<typeof exceptionSchema>;
export type ExceptionKind = HoursException['kind'];
export type Schedule = z.infer<typeof scheduleSchema>;
export type OverviewOffice = z.infer<typeof overviewOfficeSchema>;
export type Overview = z.infer<typeof overviewResponse>;
/** The counselling hours held in the own premises this week and next (R-DIR-3). */
export type HostedHours = z.infer<typeof hostedHoursResponse>;
/** One date of counselling hours in a partner's premises; cancelled by a closure of the office, if set. */
export type HostedSlot = HostedHours['days'][number]['slots'][number];
export type Flyer = z.infer<typeof flyerSchema>;
export type FlyerFile = Flyer['files'][number];

// Offers and notifications

export type OfferCategory = z.infer<typeof categorySchema>;
export type Offer = z.infer<typeof offerSchema>;
export type Notification = z.infer<typeof notificationSchema>;

// Audit

export type AuditEntry = z.infer<typeof auditEntry>;

/** A page of a list endpoint (`pageOf` on the server), with the item type the caller names. */
export type Page<T> = Omit<z.infer<ReturnType<typeof pageOf>>, 'items'> & { items: T[] };

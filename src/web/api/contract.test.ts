import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { problemSchema } from '../../server/http/schemas.ts';
import { organisationKinds as serverKinds, roles as serverRoles } from '../../server/policy/roles.ts';
import type { loginBody, navigationKeys, tokenSchema } from '../../server/modules/auth/auth.schemas.ts';
import { sessionResponse } from '../../server/modules/auth/auth.schemas.ts';
import type {
  organisationDetailSchema,
  organisationSchema,
} from '../../server/modules/organisations/organisations.schemas.ts';
import {
  dataProtectionLawSchema,
  fundingSchema,
  serviceSchema,
} from '../../server/modules/organisations/organisations.schemas.ts';
import type { userSchema } from '../../server/modules/users/users.schemas.ts';
import { userStatusSchema } from '../../server/modules/users/users.schemas.ts';
import type { officeSchema } from '../../server/modules/offices/offices.schemas.ts';
import type { hoursSchema, publicSearchResponse } from '../../server/modules/directory/directory.schemas.ts';
import type { digestSettingsSchema } from '../../server/modules/offers/offers.schemas.ts';
import { offerSchema } from '../../server/modules/offers/offers.schemas.ts';
import type { caseSchema, caseloadSchema, planBody } from '../../server/modules/cases/cases.schemas.ts';
import type { auditEntry } from '../../server/modules/audit/audit.routes.ts';
import type {
  caseExchangeSchema,
  conflictSchema,
  consentDraftBody,
  giveConsentBody,
  inboxResponse,
  partnersResponse,
  postMessageBody,
  recordLegalBasisBody,
  sendDisclosureBody,
  teamBody,
  teamSchema,
  threadSchema,
} from '../../server/modules/exchange/exchange.schemas.ts';
import {
  consentSchema,
  legalBasisSchema,
  messageSchema,
} from '../../server/modules/exchange/exchange.schemas.ts';
import type {
  CaseExchange,
  Conflict,
  Consent,
  exchangeApi,
  Inbox,
  LegalBasisRecord,
  PartnerTeam,
  Partners,
  Thread,
} from './exchange.ts';
import {
  consentDirections,
  consentForms,
  consentRepetitions,
  dataCategories,
  handoverMethods,
  legalBases,
  messageKinds,
} from './exchange.ts';
import type { authApi } from './auth.ts';
import type { CaseDetail, Caseload, PlanInput } from './cases.ts';
import type { Problem } from './client.ts';
import type { SearchResult } from '../find/api.ts';
import {
  dataProtectionLaws,
  fundings,
  offerKinds,
  organisationKinds,
  roles,
  services,
  userStatuses,
} from './types.ts';
import type {
  ApiToken,
  AuditEntry,
  DigestFrequency,
  NavigationKey,
  Offer,
  Office,
  Organisation,
  OrganisationDetail,
  Session,
  SessionUser,
  User,
  WeeklyHours,
} from './types.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The web's API modules: the client of the staff application and that of the public search page. */
const apiFiles = [
  ...readdirSync(here('.'))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => here(`./${name}`)),
  here('../find/api.ts'),
];

describe('R-SEC-4: the web’s API types are the server’s schemas', () => {
  it('types the answers with the schemas the server validates and documents them with', () => {
    expectTypeOf<Session>().toEqualTypeOf<z.infer<typeof sessionResponse>>();
    expectTypeOf<SessionUser>().toEqualTypeOf<z.infer<typeof sessionResponse>['user']>();
    expectTypeOf<NavigationKey>().toEqualTypeOf<(typeof navigationKeys)[number]>();
    expectTypeOf<ApiToken>().toEqualTypeOf<z.infer<typeof tokenSchema>>();
    expectTypeOf<Organisation>().toEqualTypeOf<z.infer<typeof organisationSchema>>();
    expectTypeOf<OrganisationDetail>().toEqualTypeOf<z.infer<typeof organisationDetailSchema>>();
    expectTypeOf<User>().toEqualTypeOf<z.infer<typeof userSchema>>();
    expectTypeOf<Office>().toEqualTypeOf<z.infer<typeof officeSchema>>();
    expectTypeOf<WeeklyHours>().toEqualTypeOf<z.infer<typeof hoursSchema>>();
    expectTypeOf<Offer>().toEqualTypeOf<z.infer<typeof offerSchema>>();
    expectTypeOf<DigestFrequency>().toEqualTypeOf<z.infer<typeof digestSettingsSchema>['digest']>();
    expectTypeOf<AuditEntry>().toEqualTypeOf<z.infer<typeof auditEntry>>();
    expectTypeOf<CaseDetail>().toEqualTypeOf<z.infer<typeof caseSchema>>();
    expectTypeOf<Caseload>().toEqualTypeOf<z.infer<typeof caseloadSchema>>();
    expectTypeOf<SearchResult>().toEqualTypeOf<z.infer<typeof publicSearchResponse>>();
    expectTypeOf<Problem['errors']>().toEqualTypeOf<z.infer<typeof problemSchema>['errors']>();
    expectTypeOf<CaseExchange>().toEqualTypeOf<z.infer<typeof caseExchangeSchema>>();
    expectTypeOf<Consent>().toEqualTypeOf<z.infer<typeof consentSchema>>();
    expectTypeOf<Thread>().toEqualTypeOf<z.infer<typeof threadSchema>>();
    expectTypeOf<Inbox>().toEqualTypeOf<z.infer<typeof inboxResponse>>();
    expectTypeOf<Partners>().toEqualTypeOf<z.infer<typeof partnersResponse>>();
    expectTypeOf<PartnerTeam>().toEqualTypeOf<z.infer<typeof teamSchema>>();
    expectTypeOf<Conflict>().toEqualTypeOf<z.infer<typeof conflictSchema>>();
    expectTypeOf<LegalBasisRecord>().toEqualTypeOf<z.infer<typeof legalBasisSchema>>();
  });

  it('types the request bodies with what the server accepts', () => {
    expectTypeOf<Parameters<typeof authApi.login>[0]>().toEqualTypeOf<z.input<typeof loginBody>>();
    expectTypeOf<PlanInput>().toEqualTypeOf<z.input<typeof planBody>>();
    expectTypeOf<Parameters<typeof exchangeApi.giveConsent>[1]>().toEqualTypeOf<
      z.input<typeof giveConsentBody>
    >();
    expectTypeOf<Parameters<typeof exchangeApi.consentForm>[1]>().toEqualTypeOf<
      z.input<typeof consentDraftBody>
    >();
    expectTypeOf<Parameters<typeof exchangeApi.sendDisclosure>[1]>().toEqualTypeOf<
      z.input<typeof sendDisclosureBody>
    >();
    expectTypeOf<Parameters<typeof exchangeApi.recordLegalBasis>[1]>().toEqualTypeOf<
      z.input<typeof recordLegalBasisBody>
    >();
    expectTypeOf<Parameters<typeof exchangeApi.postMessage>[1]>().toEqualTypeOf<
      z.input<typeof postMessageBody>
    >();
    expectTypeOf<Parameters<typeof exchangeApi.createTeam>[1]>().toEqualTypeOf<z.input<typeof teamBody>>();
  });

  it('takes the value lists from the server, in the server’s order', () => {
    expect(roles).toBe(serverRoles);
    expect(organisationKinds).toBe(serverKinds);
    expect([...services]).toEqual(serviceSchema.options);
    expect([...fundings]).toEqual(fundingSchema.options);
    expect([...dataProtectionLaws]).toEqual(dataProtectionLawSchema.options);
    expect([...userStatuses]).toEqual(userStatusSchema.options);
    expect([...offerKinds]).toEqual(offerSchema.shape.kind.options);
    expect([...dataCategories]).toEqual(consentSchema.shape.categories.element.options);
    expect([...consentDirections]).toEqual(consentSchema.shape.direction.options);
    expect([...consentRepetitions]).toEqual(consentSchema.shape.repetition.options);
    expect([...consentForms]).toEqual(consentSchema.shape.form.options);
    expect([...messageKinds]).toEqual(messageSchema.shape.kind.options);
    expect([...handoverMethods]).toEqual(messageSchema.shape.copy.unwrap().shape.handover.unwrap().options);
    expect([...legalBases]).toEqual(legalBasisSchema.shape.basis.options);
  });

  it('accepts a session the server would send', () => {
    const session: Session = {
      state: 'active',
      csrfToken: 'token',
      user: {
        id: '7f1d2c3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f',
        email: 'a.berater@example.org',
        displayName: 'Anna Berater',
        roles: ['counsellor'],
        locale: 'de',
        totpEnabled: false,
        organisation: {
          id: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
          name: 'Caritas Musterstadt',
          kind: 'welfare_provider',
          requireTotp: false,
        },
      },
      navigation: ['dashboard', 'cases', 'account'],
      partner: false,
    };
    expect(sessionResponse.parse(session)).toEqual(session);
    expect(sessionResponse.safeParse({ ...session, navigation: ['nowhere'] }).success).toBe(false);
  });

  it('holds no hand-written copies of API shapes in the web', () => {
    expect(apiFiles.length).toBeGreaterThan(5);
    for (const file of apiFiles) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/\binterface\s+\w+/);
      // An object type written out by hand is allowed only for what is not an API shape.
      const handWritten = [...source.matchAll(/export type (\w+)(?:<[^>]*>)? = \{/g)].map((m) => m[1]);
      expect(handWritten, file).toEqual(handWritten.filter((name) => webOnly.has(name ?? '')));
    }
  });
});

/** Types of the web's own: how a request is sent, not what the API sends or accepts. */
const webOnly = new Set(['RequestOptions']);

import QRCode from 'qrcode';
import type { Db, Trx } from '../../db/database.ts';
import type { Config } from '../../config.ts';
import { recordAudit, type AuditContext } from '../../audit/audit.ts';
import { AppError } from '../../http/errors.ts';
import {
  hasOperatorScope,
  isPartner,
  navigationFor,
  type Actor,
  type NavigationKey,
} from '../../policy/policy.ts';
import type { OrganisationKind, Role } from '../../policy/roles.ts';
import { exchangeNavigation } from '../exchange/exchange.policy.ts';
import { agreementNavigation } from '../agreements/agreements.policy.ts';
import { referralNavigation } from '../referrals/referrals.policy.ts';
import { statisticsNavigation } from '../statistics/statistics.policy.ts';
import { clearingNavigation } from '../clearing/clearing.policy.ts';
import * as repo from './auth.repository.ts';
import {
  dummyPasswordHash,
  hashPassword,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  openSecret,
  randomToken,
  safeEqual,
  sealSecret,
  sha256,
  totpUri,
  verifyPassword,
  verifyTotp,
} from './auth.crypto.ts';

/** After this many failed sign-ins in a row the account is locked for `lockMinutes`. */
export const maxFailedLogins = 5;
export const lockMinutes = 15;
export const minPasswordLength = 12;

export type SessionState = 'active' | 'mfa_pending' | 'enrolment_required';

/** What authentication established about a request. */
export interface Authenticated {
  actor: Actor;
  user: repo.AuthUserRow;
  session: { id: string; csrfToken: string; state: SessionState } | null;
  tokenId: string | null;
}

/** Authentication failed in a way that must be recorded even though the request fails. */
export class SessionExpired extends Error {
  constructor(
    readonly sessionId: string,
    readonly owner: repo.CredentialOwner,
  ) {
    super('session expired');
  }
}

function actorFrom(user: repo.AuthUserRow, tokenScope?: 'read' | 'write'): Actor {
  return {
    userId: user.id,
    organisationId: user.organisation_id,
    organisationKind: user.organisation_kind as OrganisationKind,
    roles: user.roles as Role[],
    ...(tokenScope ? { tokenScope } : {}),
  };
}

function userUsable(user: repo.AuthUserRow): boolean {
  return user.status === 'active' && user.organisation_deactivated_at === null;
}

/** Resolves a session cookie inside the request's transaction and opens its organisation context. */
export async function authenticateSession(
  trx: Trx,
  token: string,
  config: Config,
  now: Date,
): Promise<Authenticated | null> {
  const sessionId = sha256(token);
  const found = await repo.authenticateSessionRow(trx, sessionId);
  if (!found) return null;
  const { session, user } = found;
  const owner = { userId: user.id, organisationId: user.organisation_id };
  const idleLimit = new Date(session.last_seen_at.getTime() + config.sessionIdleMinutes * 60_000);
  if (session.expires_at <= now || idleLimit <= now || !userUsable(user))
    throw new SessionExpired(sessionId, owner);
  // Refresh the idle clock at most once a minute, so reads stay reads.
  if (now.getTime() - session.last_seen_at.getTime() > 60_000) await repo.touchSession(trx, sessionId, now);
  const actor = actorFrom(user);
  if (hasOperatorScope(actor)) await repo.enableOperatorScope(trx);
  return {
    actor,
    user,
    session: { id: sessionId, csrfToken: session.csrf_token, state: session.state as SessionState },
    tokenId: null,
  };
}

type TokenLookup = Awaited<ReturnType<typeof repo.authenticateTokenRow>>;

/** A token authenticates while it is neither revoked nor expired and its user may sign in. */
function tokenUsable(found: TokenLookup, now: Date): found is NonNullable<TokenLookup> {
  if (!found) return false;
  const { token: row, user } = found;
  if (row.revoked_at !== null || (row.expires_at !== null && row.expires_at <= now)) return false;
  return userUsable(user);
}

/** Resolves a personal API token ("Authorization: Bearer koop_…"). */
export async function authenticateToken(trx: Trx, token: string, now: Date): Promise<Authenticated | null> {
  const found = await repo.authenticateTokenRow(trx, sha256(token));
  if (!tokenUsable(found, now)) return null;
  const { token: row, user } = found;
  if (row.last_used_at === null || now.getTime() - row.last_used_at.getTime() > 300_000) {
    await repo.touchApiToken(trx, row.id, now);
  }
  // A token never carries more rights than its user; a read token carries fewer.
  return {
    actor: actorFrom(user, row.scope === 'read' ? 'read' : 'write'),
    user,
    session: null,
    tokenId: row.id,
  };
}

/**
 * The scope of a personal API token, or null when the token does not authenticate. Read before a
 * request's input is validated, so that a token is refused by what it is, whatever it sends.
 */
export async function tokenScope(db: Db, token: string, now: Date): Promise<'read' | 'write' | null> {
  const found = await db.transaction().execute((trx) => repo.authenticateTokenRow(trx, sha256(token)));
  if (!tokenUsable(found, now)) return null;
  return found.token.scope === 'read' ? 'read' : 'write';
}

/** Ends an expired session and records it; runs in its own transaction after the request failed. */
export async function expireSession(db: Db, expired: SessionExpired, requestId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const owner = await repo.findSessionOwner(trx, expired.sessionId);
    if (!owner) return;
    await repo.deleteSession(trx, expired.sessionId);
    await recordAudit(
      trx,
      { organisationId: owner.organisationId, actorUserId: owner.userId, requestId },
      { action: 'auth.session_expired', entityType: 'session' },
    );
  });
}

export interface LoginResult {
  outcome: 'ok' | 'invalid' | 'locked';
  state?: SessionState;
  sessionToken?: string;
  csrfToken?: string;
}

function initialState(user: repo.AuthUserRow): SessionState {
  if (user.totp_secret) return 'mfa_pending';
  if (user.require_totp) return 'enrolment_required';
  return 'active';
}

async function openSession(trx: Trx, user: repo.AuthUserRow, state: SessionState, config: Config, now: Date) {
  const sessionToken = randomToken();
  const csrfToken = randomToken();
  await repo.insertSession(trx, {
    id: sha256(sessionToken),
    organisationId: user.organisation_id,
    userId: user.id,
    csrfToken,
    state,
    now,
    expiresAt: new Date(now.getTime() + config.sessionAbsoluteHours * 3_600_000),
  });
  return { sessionToken, csrfToken };
}

/**
 * Checks e-mail and password. Failures are counted and audited in the same transaction and
 * returned (not thrown) so that the caller commits them before answering.
 */
export async function login(
  trx: Trx,
  input: { email: string; password: string },
  config: Config,
  requestId: string,
  now: Date,
): Promise<LoginResult> {
  const owner = await repo.findLoginOwner(trx, input.email);
  const user = owner ? await repo.findAuthUser(trx, owner.userId) : undefined;
  const audit: AuditContext = {
    organisationId: owner?.organisationId ?? null,
    actorUserId: owner?.userId ?? null,
    requestId,
  };
  if (!user || !user.password_hash) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await recordAudit(trx, audit, {
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      details: { reason: user ? 'no_password' : 'unknown_account' },
    });
    return { outcome: 'invalid' };
  }
  if (user.locked_until !== null && user.locked_until > now) {
    await recordAudit(trx, audit, { action: 'auth.login_locked', entityType: 'user', entityId: user.id });
    return { outcome: 'locked' };
  }
  const passwordOk = await verifyPassword(user.password_hash, input.password);
  if (!passwordOk || !userUsable(user)) {
    const failures = user.failed_logins + 1;
    const lockUntil = failures >= maxFailedLogins ? new Date(now.getTime() + lockMinutes * 60_000) : null;
    await repo.recordFailedLogin(trx, user.id, lockUntil);
    await recordAudit(trx, audit, {
      action: lockUntil ? 'auth.login_locked' : 'auth.login_failed',
      entityType: 'user',
      entityId: user.id,
      details: { reason: passwordOk ? 'inactive' : 'wrong_password', failures },
    });
    return { outcome: lockUntil ? 'locked' : 'invalid' };
  }
  await repo.recordSuccessfulLogin(trx, user.id, now);
  const state = initialState(user);
  const tokens = await openSession(trx, user, state, config, now);
  await recordAudit(trx, audit, {
    action: 'auth.login_succeeded',
    entityType: 'user',
    entityId: user.id,
    details: { state },
  });
  return { outcome: 'ok', state, ...tokens };
}

/** Second step of sign-in: a TOTP code or an unused recovery code. Failures count towards lockout. */
export async function completeSecondFactor(
  trx: Trx,
  auth: Authenticated,
  input: { code?: string | undefined; recoveryCode?: string | undefined },
  ctx: { config: Config; audit: AuditContext; now: Date },
): Promise<{ ok: boolean; locked?: boolean }> {
  const { user, session } = auth;
  if (!session || !user.totp_secret) return { ok: false };
  let ok = false;
  if (input.code) {
    const step = verifyTotp(openSecret(user.totp_secret, ctx.config.secret), input.code);
    ok = step !== null && (await repo.claimTotpStep(trx, user.id, step));
  } else if (input.recoveryCode) {
    ok = await repo.useRecoveryCode(trx, user.id, sha256(normaliseRecoveryCode(input.recoveryCode)), ctx.now);
  }
  if (!ok) {
    const failures = user.failed_logins + 1;
    const lockUntil = failures >= maxFailedLogins ? new Date(ctx.now.getTime() + lockMinutes * 60_000) : null;
    await repo.recordFailedLogin(trx, user.id, lockUntil);
    if (lockUntil) await repo.deleteSession(trx, session.id);
    await recordAudit(trx, ctx.audit, {
      action: lockUntil ? 'auth.login_locked' : 'auth.totp_failed',
      entityType: 'user',
      entityId: user.id,
      details: { failures },
    });
    return { ok: false, locked: lockUntil !== null };
  }
  await repo.recordSuccessfulLogin(trx, user.id, ctx.now);
  await repo.updateSessionState(trx, session.id, 'active');
  await recordAudit(trx, ctx.audit, {
    action: input.code ? 'auth.totp_succeeded' : 'auth.recovery_code_used',
    entityType: 'user',
    entityId: user.id,
  });
  return { ok: true };
}

/** What the UI needs to know about the signed-in user. */
export function presentSession(auth: Authenticated): {
  state: SessionState;
  csrfToken: string | null;
  user: {
    id: string;
    email: string;
    displayName: string;
    roles: Role[];
    locale: 'de' | 'en';
    totpEnabled: boolean;
    organisation: { id: string; name: string; kind: OrganisationKind; requireTotp: boolean };
  };
  navigation: NavigationKey[];
  /** A partner organisation's account: every page reminds of the counselling's independence (R-RED-4). */
  partner: boolean;
} {
  const { user, actor } = auth;
  return {
    state: auth.session?.state ?? 'active',
    csrfToken: auth.session?.csrfToken ?? null,
    user: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      roles: actor.roles as Role[],
      locale: user.locale === 'en' ? 'en' : 'de',
      totpEnabled: user.totp_secret !== null,
      organisation: {
        id: user.organisation_id,
        name: user.organisation_name,
        kind: actor.organisationKind,
        requireTotp: user.require_totp,
      },
    },
    navigation:
      auth.session?.state === 'active' || auth.session === null
        ? withExchange(navigationFor(actor), actor)
        : ['account'],
    partner: isPartner(actor),
  };
}

/** The exchange's, the referrals' and the statistics' own entries (their policies), before the account. */
function withExchange(nav: NavigationKey[], actor: Actor): NavigationKey[] {
  const account = nav.indexOf('account');
  return [
    ...nav.slice(0, account),
    ...referralNavigation(actor),
    ...clearingNavigation(actor),
    ...agreementNavigation(actor),
    ...exchangeNavigation(actor),
    ...statisticsNavigation(actor),
    ...nav.slice(account),
  ];
}

export async function logout(trx: Trx, auth: Authenticated, audit: AuditContext): Promise<void> {
  if (auth.session) await repo.deleteSession(trx, auth.session.id);
  await recordAudit(trx, audit, { action: 'auth.logout', entityType: 'session' });
}

export async function logoutEverywhere(trx: Trx, auth: Authenticated, audit: AuditContext): Promise<void> {
  const count = await repo.deleteSessionsOfUser(trx, auth.user.id);
  await recordAudit(trx, audit, {
    action: 'auth.logout_everywhere',
    entityType: 'session',
    details: { sessions: count },
  });
}

/** Validates a new password; returns the problem or null. */
export function passwordProblem(password: string, email: string): boolean {
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  return password.length < minPasswordLength || (local.length >= 4 && password.toLowerCase().includes(local));
}

/** The person's password, entered again before a change of how the account signs in. */
async function requirePassword(auth: Authenticated, password: string, path = 'password'): Promise<void> {
  if (!auth.user.password_hash || !(await verifyPassword(auth.user.password_hash, password))) {
    throw new AppError('validation_failed', {
      errors: [{ path, code: 'wrong_password', message: 'Das aktuelle Passwort ist falsch.' }],
    });
  }
}

export async function changePassword(
  trx: Trx,
  auth: Authenticated,
  input: { currentPassword: string; newPassword: string },
  audit: AuditContext,
): Promise<void> {
  await requirePassword(auth, input.currentPassword, 'currentPassword');
  if (passwordProblem(input.newPassword, auth.user.email)) {
    throw new AppError('password_too_weak', {
      errors: [
        {
          path: 'newPassword',
          code: 'password_too_weak',
          message: 'Mindestens 12 Zeichen, nicht die E-Mail-Adresse.',
        },
      ],
    });
  }
  await repo.setPasswordHash(trx, auth.user.id, await hashPassword(input.newPassword));
  // Other sessions end: whoever knew the old password is signed out.
  await repo.deleteSessionsOfUser(trx, auth.user.id, auth.session?.id);
  await recordAudit(trx, audit, {
    action: 'auth.password_changed',
    entityType: 'user',
    entityId: auth.user.id,
  });
}

/** Changes the signed-in person's own language or display name; returns the updated view. */
export async function updateProfile(
  trx: Trx,
  auth: Authenticated,
  input: { locale?: 'de' | 'en' | undefined; displayName?: string | undefined },
  audit: AuditContext,
): Promise<Authenticated> {
  await repo.updateProfile(trx, auth.user.id, input);
  if (input.displayName !== undefined) {
    await recordAudit(trx, audit, {
      action: 'user.updated',
      entityType: 'user',
      entityId: auth.user.id,
      details: { fields: ['displayName'] },
    });
  }
  return {
    ...auth,
    user: {
      ...auth.user,
      locale: input.locale ?? auth.user.locale,
      display_name: input.displayName ?? auth.user.display_name,
    },
  };
}

/** Starts TOTP enrolment: a new secret, kept pending until a code from it is confirmed. */
export async function setupTotp(trx: Trx, auth: Authenticated, password: string, config: Config) {
  if (auth.user.totp_secret) throw new AppError('totp_already_enabled');
  await requirePassword(auth, password);
  const secret = newTotpSecret();
  await repo.setPendingTotp(trx, auth.user.id, sealSecret(secret, config.secret));
  const otpauthUri = totpUri(secret, auth.user.email);
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri, qrSvg };
}

async function issueRecoveryCodes(trx: Trx, auth: Authenticated): Promise<string[]> {
  const codes = newRecoveryCodes();
  await repo.replaceRecoveryCodes(
    trx,
    { id: auth.user.id, organisationId: auth.user.organisation_id },
    codes.map((c) => sha256(normaliseRecoveryCode(c))),
  );
  return codes;
}

/** Confirms enrolment with a code from the pending secret; returns the recovery codes, shown once. */
export async function confirmTotp(
  trx: Trx,
  auth: Authenticated,
  code: string,
  config: Config,
  audit: AuditContext,
  now: Date,
) {
  if (auth.user.totp_secret) throw new AppError('totp_already_enabled');
  if (!auth.user.totp_pending_secret) throw new AppError('totp_not_enrolled');
  const secret = openSecret(auth.user.totp_pending_secret, config.secret);
  const step = verifyTotp(secret, code);
  if (step === null || !(await repo.claimTotpStep(trx, auth.user.id, step))) {
    throw new AppError('totp_invalid', {
      errors: [{ path: 'code', code: 'totp_invalid', message: 'Der Sicherheitscode ist ungültig.' }],
    });
  }
  await repo.enableTotp(trx, auth.user.id, auth.user.totp_pending_secret, now);
  const recoveryCodes = await issueRecoveryCodes(trx, auth);
  if (auth.session && auth.session.state !== 'active')
    await repo.updateSessionState(trx, auth.session.id, 'active');
  await recordAudit(trx, audit, { action: 'auth.totp_enabled', entityType: 'user', entityId: auth.user.id });
  return { recoveryCodes };
}

async function requireCurrentCode(
  trx: Trx,
  auth: Authenticated,
  code: string,
  config: Config,
): Promise<void> {
  if (!auth.user.totp_secret) throw new AppError('totp_not_enrolled');
  const step = verifyTotp(openSecret(auth.user.totp_secret, config.secret), code);
  if (step === null || !(await repo.claimTotpStep(trx, auth.user.id, step))) {
    throw new AppError('totp_invalid', {
      errors: [{ path: 'code', code: 'totp_invalid', message: 'Der Sicherheitscode ist ungültig.' }],
    });
  }
}

export async function disableTotp(
  trx: Trx,
  auth: Authenticated,
  input: { code: string; password: string },
  config: Config,
  audit: AuditContext,
) {
  if (auth.user.require_totp) throw new AppError('totp_required_by_organisation');
  await requirePassword(auth, input.password);
  await requireCurrentCode(trx, auth, input.code, config);
  await repo.disableTotp(trx, auth.user.id);
  await recordAudit(trx, audit, { action: 'auth.totp_disabled', entityType: 'user', entityId: auth.user.id });
}

export async function regenerateRecoveryCodes(
  trx: Trx,
  auth: Authenticated,
  input: { code: string; password: string },
  config: Config,
  audit: AuditContext,
) {
  await requirePassword(auth, input.password);
  await requireCurrentCode(trx, auth, input.code, config);
  const recoveryCodes = await issueRecoveryCodes(trx, auth);
  await recordAudit(trx, audit, {
    action: 'auth.recovery_codes_regenerated',
    entityType: 'user',
    entityId: auth.user.id,
  });
  return { recoveryCodes };
}

function presentToken(row: Awaited<ReturnType<typeof repo.listApiTokens>>[number]) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope === 'read' ? ('read' as const) : ('write' as const),
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

export async function listTokens(trx: Trx, auth: Authenticated) {
  return { items: (await repo.listApiTokens(trx, auth.user.id)).map(presentToken) };
}

/** Creates a personal API token; the plain token is returned once and stored only as a hash. */
export async function createToken(
  trx: Trx,
  auth: Authenticated,
  input: { name: string; scope: 'read' | 'write'; expiresInDays?: number | undefined },
  audit: AuditContext,
  now: Date,
) {
  const token = `koop_${randomToken()}`;
  const row = await repo.insertApiToken(trx, {
    organisationId: auth.user.organisation_id,
    userId: auth.user.id,
    name: input.name,
    tokenHash: sha256(token),
    prefix: token.slice(0, 10),
    scope: input.scope,
    expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
  });
  await recordAudit(trx, audit, {
    action: 'auth.token_created',
    entityType: 'api_token',
    entityId: row.id,
    details: { scope: input.scope },
  });
  return { token, item: presentToken(row) };
}

export async function revokeToken(
  trx: Trx,
  auth: Authenticated,
  tokenId: string,
  audit: AuditContext,
  now: Date,
) {
  if (!(await repo.revokeApiToken(trx, auth.user.id, tokenId, now))) throw new AppError('not_found');
  await recordAudit(trx, audit, { action: 'auth.token_revoked', entityType: 'api_token', entityId: tokenId });
}

/** Looks up an invitation by its token (public: the person has no account yet). */
export async function readInvitation(trx: Trx, token: string, now: Date) {
  const owner = await repo.findInvitationOwner(trx, sha256(token));
  const row = owner ? await repo.findInvitation(trx, owner.userId) : undefined;
  if (!row || row.status !== 'invited' || !row.invitation_expires_at || row.invitation_expires_at <= now) {
    throw new AppError('invitation_invalid');
  }
  return { owner: owner!, row };
}

export async function acceptInvitation(
  trx: Trx,
  input: { token: string; password: string },
  requestId: string,
  now: Date,
) {
  const { owner, row } = await readInvitation(trx, input.token, now);
  if (passwordProblem(input.password, row.email)) {
    throw new AppError('password_too_weak', {
      errors: [
        {
          path: 'password',
          code: 'password_too_weak',
          message: 'Mindestens 12 Zeichen, nicht die E-Mail-Adresse.',
        },
      ],
    });
  }
  await repo.acceptInvitation(trx, row.id, await hashPassword(input.password));
  await recordAudit(
    trx,
    { organisationId: owner.organisationId, actorUserId: owner.userId, requestId },
    { action: 'auth.invitation_accepted', entityType: 'user', entityId: row.id },
  );
}

/** Constant-time check of the CSRF header against the session's token. */
export function csrfValid(auth: Authenticated, header: string | undefined): boolean {
  return auth.session !== null && header !== undefined && safeEqual(auth.session.csrfToken, header);
}

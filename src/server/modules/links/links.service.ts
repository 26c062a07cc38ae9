import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { recordAudit, type AuditContext } from '../../audit/audit.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { withoutAuth, type AppDeps, type RequestContext } from '../../http/request-context.ts';
import { berlinToday } from '../directory/schedule.ts';
import * as exchangeRepo from '../exchange/exchange.repository.ts';
import { answerFromPartner, threadForDelivery } from '../exchange/exchange.service.ts';
import { independenceNotice, type DataCategory, type MessageKind } from '../exchange/exchange.values.ts';
import { afterWrongCode, linkRefusal, linkStatus, type LinkAction, type LinkFacts } from './links.policy.ts';
import { renderLetter } from './links.pdf.ts';
import * as repo from './links.repository.ts';
import type { AnswerInput, EmailLinkInput, LetterInput, LetterOpenInput } from './links.schemas.ts';
import {
  answerPath,
  codeAlphabet,
  codeLength,
  defaultLinkDays,
  readingMinutes,
  type LinkChannel,
  type LinkStatus,
} from './links.values.ts';

/**
 * One-time links and letter codes (R-REF-5): a thread's disclosures reach a partner that is not
 * on Koop, and its one answer comes back into the thread — and so into the case.
 *
 * The counselling side creates and revokes links through the exchange's thread access. The
 * holder of a link has no account: the secret is looked up like a session (only its hash is
 * stored), opens the recipient organisation's context for this one thread, and the link's
 * policy decides the rest. Every opening, refusal and answer is audited.
 */

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** 256 random bits, URL-safe; it travels in the link's fragment, never to a server log. */
const newToken = () => randomBytes(32).toString('base64url');

function newCode(): string {
  let code = '';
  for (let i = 0; i < codeLength; i += 1) code += codeAlphabet[randomInt(codeAlphabet.length)];
  return code;
}

/** A letter code as typed: case, spaces and dashes do not matter. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
export const formatCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;
const codeHash = (linkId: string, code: string) => sha256(`${linkId}:${normaliseCode(code)}`);

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

const addDays = (at: Date, days: number) => new Date(at.getTime() + days * 86_400_000);

function germanDate(at: Date): string {
  return new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'long' }).format(at);
}

// ---------------------------------------------------------------------------------------------
// The counselling side

const revocable: readonly LinkStatus[] = ['waiting', 'opened', 'locked'];

function presentLink(row: Awaited<ReturnType<typeof repo.linksOfThread>>[number], now: Date) {
  const status = linkStatus(
    {
      expiresAt: row.expires_at,
      openedAt: row.opened_at,
      answeredAt: row.answered_at,
      revokedAt: row.revoked_at,
      lockedUntil: row.locked_until,
    },
    now,
  );
  return {
    id: row.id,
    number: row.number,
    channel: row.channel as LinkChannel,
    email: row.email,
    status,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
    expiresAt: row.expires_at.toISOString(),
    openedAt: row.opened_at?.toISOString() ?? null,
    answeredAt: row.answered_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    actions: revocable.includes(status) ? ['link.revoke' as const] : [],
  };
}

async function linkView(ctx: RequestContext, threadId: string, id: string) {
  const rows = await repo.linksOfThread(ctx.trx, threadId);
  const row = rows.find((r) => r.id === id);
  if (!row) throw new AppError('not_found');
  return presentLink(row, ctx.now);
}

/** A thread with something of the counselling side's to deliver. */
async function deliverable(ctx: RequestContext, threadId: string) {
  const thread = await threadForDelivery(ctx, threadId);
  const messages = await exchangeRepo.messagesOf(ctx.trx, [threadId]);
  if (!messages.some((m) => m.author_organisation_id === thread.row.provider_organisation_id))
    throw new AppError('thread_has_no_disclosure');
  return thread;
}

export async function listLinks(ctx: RequestContext, threadId: string) {
  await threadForDelivery(ctx, threadId);
  const rows = await repo.linksOfThread(ctx.trx, threadId);
  await recordAudit(ctx.trx, ctx.audit, { action: 'link.listed', entityType: 'thread', entityId: threadId });
  return { items: rows.map((r) => presentLink(r, ctx.now)) };
}

export async function createEmailLink(ctx: RequestContext, threadId: string, input: EmailLinkInput) {
  const { row } = await deliverable(ctx, threadId);
  const email = input.email ?? row.team_email;
  const refuseEmail = (code: string, message: string): never => {
    throw new AppError('validation_failed', { errors: [{ path: 'email', code, message }] });
  };
  if (!email)
    refuseEmail('email_required', 'Bitte die E-Mail-Adresse der Empfängerin oder des Empfängers angeben.');
  if (!ctx.deps.mailer.configured)
    refuseEmail(
      'mail_not_configured',
      'Diese Installation versendet keine E-Mails. Bitte drucken Sie einen Brief mit Code.',
    );
  const token = newToken();
  const expiresAt = addDays(ctx.now, input.validDays ?? defaultLinkDays);
  const { id } = await repo.insertLink(ctx.trx, {
    thread_id: threadId,
    provider_organisation_id: row.provider_organisation_id,
    partner_organisation_id: row.partner_organisation_id,
    channel: 'email',
    token_hash: sha256(token),
    email,
    expires_at: expiresAt,
    created_by: ctx.actor.userId,
    created_at: ctx.now,
  });
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'link.created',
    entityType: 'link',
    entityId: id,
    details: { threadId, channel: 'email' },
  });
  // The mail names the sender and nothing of the person; the secret rides in the fragment.
  const sent = await ctx.deps.mailer.send({
    to: email!,
    language: 'de',
    subject: `Koop: Eine Nachricht von ${row.provider_name}`,
    text:
      `${row.provider_name} hat Ihnen (${row.team_name}, ${row.partner_name}) eine Nachricht gesendet.\n\n` +
      `Sie können sie einmal öffnen und einmal beantworten, ohne Zugang zu Koop:\n` +
      `${ctx.deps.config.publicUrl}${answerPath}#${token}\n\n` +
      `Der Link gilt bis ${germanDate(expiresAt)}. Bitte leiten Sie ihn nicht weiter.\n\n` +
      'Diese E-Mail enthält aus Gründen des Datenschutzes keine Angaben zur Person.',
  });
  if (!sent)
    refuseEmail('mail_failed', 'Die E-Mail konnte nicht versendet werden. Bitte später erneut versuchen.');
  return linkView(ctx, threadId, id);
}

/** A letter with a code; the code is printed once and stored only as a hash. */
export async function createLetter(ctx: RequestContext, threadId: string, input: LetterInput) {
  const { row, clientName, birthDate, sender } = await deliverable(ctx, threadId);
  if (!birthDate) throw new AppError('letter_needs_birth_date');
  const id = randomUUID();
  const code = newCode();
  const expiresAt = addDays(ctx.now, input.validDays ?? defaultLinkDays);
  const { number } = await repo.insertLink(ctx.trx, {
    id,
    thread_id: threadId,
    provider_organisation_id: row.provider_organisation_id,
    partner_organisation_id: row.partner_organisation_id,
    channel: 'letter',
    code_hash: codeHash(id, code),
    birth_year: Number(birthDate.slice(0, 4)),
    expires_at: expiresAt,
    created_by: ctx.actor.userId,
    created_at: ctx.now,
  });
  await recordAudit(ctx.trx, ctx.audit, {
    action: 'link.created',
    entityType: 'link',
    entityId: id,
    details: { threadId, channel: 'letter' },
  });
  const pdf = await renderLetter({
    sender: sender.name,
    senderAddress: sender.address,
    recipient: row.team_name,
    recipientOrganisation: row.partner_name,
    about: clientName,
    date: germanDate(ctx.now),
    validUntil: germanDate(expiresAt),
    address: `${ctx.deps.config.publicUrl}${answerPath}`,
    number: String(number),
    code: formatCode(code),
  });
  return { pdf, number };
}

export async function revokeLink(ctx: RequestContext, id: string) {
  const link = await repo.findLink(ctx.trx, id);
  if (!link) throw new AppError('not_found');
  await threadForDelivery(ctx, link.thread_id);
  await repo.revokeLink(ctx.trx, id, ctx.actor.userId, ctx.now);
  await recordAudit(ctx.trx, ctx.audit, { action: 'link.revoked', entityType: 'link', entityId: id });
  return linkView(ctx, link.thread_id, id);
}

// ---------------------------------------------------------------------------------------------
// The holder of a link

/** What a public request yields: a result, or a refusal that is answered after the commit. */
export type Holding<T> =
  { ok: T; refused?: never } | { refused: ConstructorParameters<typeof AppError>[0]; ok?: never };

interface HolderContext {
  trx: Trx;
  audit: AuditContext;
  now: Date;
  actor: { organisationId: string };
}

async function holderContext(
  trx: Trx,
  requestId: string,
  now: Date,
  by: 'token' | 'reader' | 'number',
  key: string,
) {
  const holder = await repo.resolveLinkHolder(trx, by, key);
  if (!holder) return undefined;
  const link = await repo.lockLink(trx, holder.linkId);
  if (!link) return undefined;
  const ctx: HolderContext = {
    trx,
    now,
    audit: { organisationId: holder.organisationId, actorUserId: null, requestId },
    actor: { organisationId: holder.organisationId },
  };
  const thread = await exchangeRepo.findThread(trx, link.thread_id);
  if (!thread) return undefined;
  const consent = thread.consent_id
    ? (await exchangeRepo.partnerConsents(trx, [thread.consent_id])).get(thread.consent_id)
    : undefined;
  const today = berlinToday(now);
  const facts: LinkFacts = {
    expiresAt: link.expires_at,
    openedAt: link.opened_at,
    answeredAt: link.answered_at,
    revokedAt: link.revoked_at,
    lockedUntil: link.locked_until,
    consentEnded:
      thread.consent_id !== null &&
      (!consent || consent.withdrawn_at !== null || consent.valid_until < today),
  };
  const answerable =
    consent !== undefined &&
    consent.withdrawn_at === null &&
    consent.valid_from <= today &&
    consent.valid_until >= today &&
    consent.direction !== 'to_partner';
  return {
    ctx,
    link,
    thread,
    facts,
    answerCategories: answerable ? (consent.categories as DataCategory[]) : null,
  };
}

type Held = NonNullable<Awaited<ReturnType<typeof holderContext>>>;

async function refusedBy(held: Held, action: LinkAction): Promise<Holding<never> | null> {
  const refusal = linkRefusal(held.facts, action, held.ctx.now);
  if (!refusal) return null;
  await recordAudit(held.ctx.trx, held.ctx.audit, {
    action: 'link.open_failed',
    entityType: 'link',
    entityId: held.link.id,
    details: { reason: refusal },
  });
  return { refused: refusal };
}

async function unknownLink(trx: Trx, requestId: string, by: string): Promise<Holding<never>> {
  await recordAudit(
    trx,
    { organisationId: null, actorUserId: null, requestId },
    {
      action: 'link.open_failed',
      entityType: 'link',
      details: { reason: 'unknown', by },
    },
  );
  return { refused: by === 'number' ? 'link_code_wrong' : 'link_not_found' };
}

/** What the holder reads: the counselling side's messages of the thread, and what they may answer. */
async function present(held: Held) {
  const messages = await exchangeRepo.messagesOf(held.ctx.trx, [held.thread.id]);
  const openedAt = held.link.opened_at ?? held.ctx.now;
  return {
    number: held.link.channel === 'letter' ? held.link.number : null,
    provider: held.thread.provider_name,
    partner: held.thread.partner_name,
    team: held.thread.team_name,
    subject: held.thread.subject,
    expiresAt: held.link.expires_at.toISOString(),
    readableUntil: new Date(openedAt.getTime() + readingMinutes * 60_000).toISOString(),
    independenceNotice,
    messages: messages
      .filter((m) => m.author_organisation_id === held.thread.provider_organisation_id)
      .map((m) => ({
        id: m.id,
        kind: m.kind as MessageKind,
        sentAt: m.sent_at.toISOString(),
        author: m.author_name,
        office: m.author_office,
        phone: m.author_phone,
        email: m.author_email,
        sections: m.sections as { category: DataCategory; text: string }[],
      })),
    answer: held.answerCategories ? { categories: held.answerCategories } : null,
  };
}

export type LinkReading = Awaited<ReturnType<typeof present>>;

async function firstOpening(held: Held): Promise<Holding<{ reading: LinkReading; readerKey: string }>> {
  const refused = await refusedBy(held, 'link.open');
  if (refused) return refused;
  const readerKey = newToken();
  await repo.markOpened(held.ctx.trx, held.link.id, sha256(readerKey), held.ctx.now);
  await repo.markProviderMessagesRead(
    held.ctx.trx,
    held.thread.id,
    held.thread.provider_organisation_id,
    held.ctx.now,
  );
  await recordAudit(held.ctx.trx, held.ctx.audit, {
    action: 'link.opened',
    entityType: 'link',
    entityId: held.link.id,
    details: { threadId: held.thread.id, channel: held.link.channel },
  });
  return { ok: { reading: await present(held), readerKey } };
}

export function openByToken(deps: AppDeps, requestId: string, token: string) {
  return withoutAuth(deps, async (trx, now) => {
    const held = await holderContext(trx, requestId, now, 'token', sha256(token));
    return held ? firstOpening(held) : unknownLink(trx, requestId, 'token');
  });
}

export function openLetter(deps: AppDeps, requestId: string, input: LetterOpenInput) {
  return withoutAuth(
    deps,
    async (trx, now): Promise<Holding<{ reading: LinkReading; readerKey: string }>> => {
      const held = await holderContext(trx, requestId, now, 'number', input.number);
      if (!held) return unknownLink(trx, requestId, 'number');
      // Until the code is right, a letter tells nothing about itself but that it is locked.
      if (held.link.locked_until && now < held.link.locked_until) {
        await recordAudit(trx, held.ctx.audit, {
          action: 'link.open_failed',
          entityType: 'link',
          entityId: held.link.id,
          details: { reason: 'link_locked' },
        });
        return { refused: 'link_locked' };
      }
      const right =
        held.link.code_hash !== null &&
        sameHash(held.link.code_hash, codeHash(held.link.id, input.code)) &&
        held.link.birth_year === input.birthYear;
      if (!right) {
        const next = afterWrongCode(held.link.failed_attempts, now);
        await repo.recordWrongCode(trx, held.link.id, next.failedAttempts, next.lockedUntil);
        await recordAudit(trx, held.ctx.audit, {
          action: 'link.open_failed',
          entityType: 'link',
          entityId: held.link.id,
          details: { reason: 'wrong_code', failures: next.failedAttempts },
        });
        return { refused: next.lockedUntil ? 'link_locked' : 'link_code_wrong' };
      }
      return firstOpening(held);
    },
  );
}

/** The same browser reads again within the reading window (its reader key, from a cookie). */
export function resume(deps: AppDeps, requestId: string, readerKey: string) {
  return withoutAuth(deps, async (trx, now): Promise<Holding<LinkReading>> => {
    const held = await holderContext(trx, requestId, now, 'reader', sha256(readerKey));
    if (!held) return unknownLink(trx, requestId, 'reader');
    const refused = await refusedBy(held, 'link.resume');
    return refused ?? { ok: await present(held) };
  });
}

/** The one answer, as a message of the thread in the recipient organisation's name. */
export function answer(deps: AppDeps, requestId: string, readerKey: string, input: AnswerInput) {
  return withoutAuth(deps, async (trx, now): Promise<Holding<{ answeredAt: string }>> => {
    const held = await holderContext(trx, requestId, now, 'reader', sha256(readerKey));
    if (!held) return unknownLink(trx, requestId, 'reader');
    const refused = await refusedBy(held, 'link.answer');
    if (refused) return refused;
    const message = await answerFromPartner(
      held.ctx,
      held.thread,
      { kind: 'answer', sections: input.sections },
      [],
      {
        userId: null,
        linkId: held.link.id,
        name: input.name,
        phone: input.phone ?? null,
        email: input.email ?? null,
      },
    );
    await repo.markAnswered(trx, held.link.id, now);
    await recordAudit(trx, held.ctx.audit, {
      action: 'link.answered',
      entityType: 'link',
      entityId: held.link.id,
      details: { threadId: held.thread.id, messageId: message.id },
    });
    return { ok: { answeredAt: now.toISOString() } };
  });
}

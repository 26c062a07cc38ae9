import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  conflictNoteBody,
  postMessageBody,
  raiseConflictBody,
  resolveConflictBody,
} from '../../../server/modules/exchange/exchange.schemas.ts';
import { exchangeApi } from '../../api/exchange.ts';
import type {
  AttachmentInput,
  Conflict,
  DataCategory,
  Message,
  MessageKind,
  PartnerContact,
  Posted,
  Thread,
  ThreadConsent,
} from '../../api/exchange.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { ConflictNotice, isConflict } from '../../components/ConflictNotice.tsx';
import { SelectField } from '../../components/Field.tsx';
import { Form, useFieldError } from '../../components/Form.tsx';
import { useSchemaForm } from '../../hooks/useSchemaForm.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { formatSize, readFile } from '../../lib/files.ts';
import { TextAreaField } from '../cases/TextAreaField.tsx';
import { orderedCategories } from './exchangeFormat.ts';
import { useExchangeWords } from './words.ts';

export type HeadingLevel = 2 | 3 | 4 | 5;

/** A heading of the level its place in the page needs. */
export function Heading({ level, id, children }: { level: HeadingLevel; id?: string; children: ReactNode }) {
  const Tag = `h${level}` as const;
  return <Tag id={id}>{children}</Tag>;
}

const deeper = (level: HeadingLevel): HeadingLevel => (level < 5 ? ((level + 1) as HeadingLevel) : 5);

type Scope = Pick<
  ThreadConsent,
  'purposeLabel' | 'purposeText' | 'categories' | 'direction' | 'repetition' | 'validFrom' | 'validUntil'
>;

/** What a consent allows: purpose, data in words, direction, once or repeated, validity. */
export function ConsentScopeDetails({ scope }: { scope: Scope }) {
  const { t: tx } = useTranslation('exchange');
  const w = useExchangeWords();
  return (
    <dl className="details">
      <div>
        <dt>{tx('purpose')}</dt>
        <dd>{w.purpose(scope.purposeLabel, scope.purposeText)}</dd>
      </div>
      <div>
        <dt>{tx('categoriesLabel')}</dt>
        <dd>{w.categories(scope.categories)}</dd>
      </div>
      <div>
        <dt>{tx('direction')}</dt>
        <dd>
          {w.direction(scope.direction)}, {w.repetition(scope.repetition)}
        </dd>
      </div>
      <div>
        <dt>{tx('validity')}</dt>
        <dd>{w.validity(scope.validFrom, scope.validUntil)}</dd>
      </div>
    </dl>
  );
}

/** A person's direct contacts (R-EXC-4): telephone and e-mail as links. */
export function ContactLinks({ phone, email }: { phone: string | null; email: string | null }) {
  const { t: tx } = useTranslation('exchange');
  const parts: ReactNode[] = [];
  if (phone)
    parts.push(
      <span key="phone">
        {tx('phone')} <a href={`tel:${phone.replace(/[^+\d]/g, '')}`}>{phone}</a>
      </span>,
    );
  if (email)
    parts.push(
      <span key="email">
        {tx('email')} <a href={`mailto:${email}`}>{email}</a>
      </span>,
    );
  if (parts.length === 0) return null;
  return <span className="contact-links">{parts}</span>;
}

/** Central contacts or team members with their direct contacts. */
export function ContactList({
  contacts,
  emptyText,
}: {
  contacts: readonly PartnerContact[];
  emptyText: string;
}) {
  if (contacts.length === 0) return <p className="empty">{emptyText}</p>;
  return (
    <ul className="contact-list">
      {contacts.map((c) => (
        <li key={c.id}>
          <strong>{c.name}</strong>
          {c.functionTitle && <>, {c.functionTitle}</>} <ContactLinks phone={c.phone} email={c.email} />
        </li>
      ))}
    </ul>
  );
}

/** The messages of a thread, oldest first: who wrote (with direct contacts), what kind, the texts. */
/** What a message says, section by section under its data category. */
export function MessageSections({
  sections,
}: {
  sections: readonly { category: DataCategory; text: string }[];
}) {
  const w = useExchangeWords();
  return (
    <dl className="message-sections">
      {sections.map((s) => (
        <div key={s.category}>
          <dt>{w.category(s.category)}</dt>
          <dd>{s.text}</dd>
        </div>
      ))}
    </dl>
  );
}

export function MessageList({
  thread,
  renderAfter,
}: {
  thread: Thread;
  /** What follows a message (the client's copy on the counselling side). */
  renderAfter?: (message: Message) => ReactNode;
}) {
  const { t: tx } = useTranslation('exchange');
  const w = useExchangeWords();
  if (thread.messages.length === 0) return <p className="empty">{tx('noMessages')}</p>;
  return (
    <ol className="message-list" aria-label={tx('messagesOf', { subject: thread.subject })}>
      {thread.messages.map((m) => {
        const organisation = m.fromPartner
          ? `${thread.partner.name}, ${thread.partner.teamName}`
          : thread.provider.name;
        return (
          <li key={m.id} className={m.fromPartner ? 'message message-partner' : 'message'}>
            <p className="message-head">
              <strong>{w.kind(m.kind)}</strong>
              {' · '}
              {tx('fromAt', { name: m.author.name, organisation, when: formatDateTime(m.sentAt, w.locale) })}
            </p>
            <p className="message-contact">
              {m.author.office && <span>{m.author.office}</span>}{' '}
              <ContactLinks phone={m.author.phone} email={m.author.email} />
            </p>
            <MessageSections sections={m.sections} />
            {m.attachments.length > 0 && (
              <ul className="attachment-list" aria-label={tx('attachmentsOf', { kind: w.kind(m.kind) })}>
                {m.attachments.map((a) => (
                  <li key={a.id}>
                    <a href={exchangeApi.attachmentUrl(a.id)} target="_blank" rel="noreferrer">
                      {a.filename}
                    </a>{' '}
                    ({w.category(a.category)}, {formatSize(a.size, w.locale)})
                  </li>
                ))}
              </ul>
            )}
            {renderAfter?.(m)}
          </li>
        );
      })}
    </ol>
  );
}

/** One text area per data category the consent (or legal basis) covers, and no others. */
export function SectionTexts({
  categories,
  texts,
  hint,
  onChange,
}: {
  categories: readonly string[];
  texts: Record<string, string>;
  /** Says what the fields follow, where that is not a consent. */
  hint?: string;
  onChange: (category: DataCategory, text: string) => void;
}) {
  const { t: tx } = useTranslation('exchange');
  const w = useExchangeWords();
  const error = useFieldError('sections');
  const id = useId();
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className="field choice-group" aria-describedby={described}>
      <legend>{tx('sectionsLegend')}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {hint ?? tx('sectionsHint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {orderedCategories(categories).map((c) => (
        <TextAreaField
          key={c}
          name={`texts.${c}`}
          label={w.category(c)}
          rows={4}
          maxLength={8000}
          value={texts[c] ?? ''}
          onChange={(text) => onChange(c, text)}
        />
      ))}
    </fieldset>
  );
}

/** The sections a message sends: the filled text areas, in the form's order. */
export function sectionsOf(categories: readonly string[], texts: Record<string, string>) {
  return orderedCategories(categories)
    .filter((c) => (texts[c] ?? '').trim() !== '')
    .map((c) => ({ category: c, text: texts[c] ?? '' }));
}

/** A file to send with a message, and the data category it carries. */
export interface AttachmentDraft {
  category: string;
  filename: string;
  contentType: string;
  base64: string;
  size: number;
}

/** What the API takes of the attached files. */
export function attachmentsOf(drafts: readonly AttachmentDraft[]): AttachmentInput[] {
  return drafts.map(({ category, filename, contentType, base64 }) => ({
    category: category as DataCategory,
    filename,
    contentType: contentType as AttachmentInput['contentType'],
    base64,
  }));
}

const maxAttachments = 3;

/**
 * Up to three files (PDF, PNG, JPEG) with a message, each naming one of the data categories the
 * consent covers — a file carries data too, and the server checks it against the consent.
 */
export function AttachmentsField({
  categories,
  value,
  hint,
  onChange,
}: {
  categories: readonly string[];
  value: readonly AttachmentDraft[];
  /** Says what the files follow, where that is not a consent. */
  hint?: string;
  onChange: (next: AttachmentDraft[]) => void;
}) {
  const { t: tx } = useTranslation('exchange');
  const w = useExchangeWords();
  const error = useFieldError('attachments');
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const options = orderedCategories(categories).map((c) => ({ value: c, label: w.category(c) }));
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className="field choice-group" aria-describedby={described}>
      <legend>{tx('attachments')}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {hint ?? tx('attachmentsHint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {value.length > 0 && (
        <ul className="attachment-list">
          {value.map((a, index) => (
            <li key={`${a.filename}-${index}`} className="row-actions">
              <span>
                {a.filename} ({formatSize(a.size, w.locale)})
              </span>
              <label className="visually-hidden" htmlFor={`${id}-category-${index}`}>
                {tx('attachmentCategory', { name: a.filename })}
              </label>
              <select
                id={`${id}-category-${index}`}
                value={a.category}
                onChange={(event) =>
                  onChange(value.map((x, i) => (i === index ? { ...x, category: event.target.value } : x)))
                }
              >
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              <Button
                aria-label={tx('removeAttachment', { name: a.filename })}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
              >
                {tx('remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {value.length < maxAttachments && (
        <div className="field">
          <label htmlFor={`${id}-file`}>{tx('addAttachment')}</label>
          <input
            ref={inputRef}
            id={`${id}-file`}
            type="file"
            accept="application/pdf,image/png,image/jpeg"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              void readFile(file).then((read) => {
                onChange([...value, { ...read, category: options[0]?.value ?? '' }]);
                if (inputRef.current) inputRef.current.value = '';
              });
            }}
          />
        </div>
      )}
    </fieldset>
  );
}

interface MessageValues {
  kind: string;
  texts: Record<string, string>;
  attachments: AttachmentDraft[];
}

/** An answer or notice in a thread: its kind and one text per category the consent covers. */
export function MessageForm({
  thread,
  kinds,
  onPosted,
  onCancel,
}: {
  thread: Thread;
  kinds: readonly MessageKind[];
  onPosted: (posted: Posted) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const { t: tx } = useTranslation('exchange');
  const w = useExchangeWords();
  const post = useSubmit((body: z.output<typeof postMessageBody>) =>
    exchangeApi.postMessage(thread.id, body),
  );
  const categories = thread.consent?.categories ?? [];
  const defaultValues: MessageValues = {
    kind: kinds.includes('answer') ? 'answer' : (kinds[0] ?? ''),
    texts: {},
    attachments: [],
  };
  const form = useSchemaForm({
    schema: postMessageBody,
    defaultValues,
    toBody: (values: MessageValues) => ({
      kind: values.kind as MessageKind,
      sections: sectionsOf(categories, values.texts),
      attachments: attachmentsOf(values.attachments),
    }),
    submission: post,
  });
  const submit = form.submit(async (body) => {
    const result = await post.run(body);
    if (result.ok) onPosted(result.value);
  });
  return (
    <Form
      onSubmit={submit}
      error={post.error}
      pending={post.pending}
      aria-label={tx('replyTo', { subject: thread.subject })}
    >
      <SelectField
        {...form.text('kind')}
        label={tx('kind')}
        required
        options={kinds.map((k) => ({ value: k, label: w.kind(k) }))}
      />
      <SectionTexts
        categories={categories}
        texts={form.values.texts}
        onChange={(c, text) => form.set(`texts.${c}`, text)}
      />
      <AttachmentsField
        categories={categories}
        value={form.values.attachments}
        onChange={(next) => form.set('attachments', next)}
      />
      <div className="form-actions">
        <SubmitButton>{tx('sendReply')}</SubmitButton>
        {onCancel && <Button onClick={onCancel}>{t('actions.cancel')}</Button>}
      </div>
    </Form>
  );
}

/** A form of one text (a conflict, a note, an outcome), checked with the server's schema. */
function TextForm<S extends z.ZodType, R>({
  name,
  label,
  hint,
  submitLabel,
  schema,
  toBody,
  send,
  onDone,
  onCancel,
  onReload,
}: {
  name: string;
  label: string;
  hint?: string;
  submitLabel: string;
  schema: S;
  toBody: (text: string) => z.input<S>;
  send: (body: z.output<S>) => Promise<R>;
  onDone: (result: R) => void;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const submission = useSubmit(send);
  const form = useSchemaForm({
    schema,
    defaultValues: { text: '' },
    toBody: (values: { text: string }) => toBody(values.text),
    submission,
  });
  const submit = form.submit(async (body) => {
    const result = await submission.run(body);
    if (result.ok) onDone(result.value);
  });
  return (
    <Form
      onSubmit={submit}
      error={submission.error}
      pending={submission.pending}
      markRequired={false}
      aria-label={submitLabel}
    >
      {onReload && isConflict(submission.error) && <ConflictNotice onReload={onReload} />}
      <TextAreaField
        name={name}
        label={label}
        hint={hint}
        required
        maxLength={4000}
        value={form.values.text}
        onChange={(text) => form.set('text', text)}
      />
      <div className="form-actions">
        <SubmitButton>{submitLabel}</SubmitButton>
        <Button onClick={onCancel}>{t('actions.cancel')}</Button>
      </div>
    </Form>
  );
}

/** A conflict with its notes; notes and the outcome as the conflict's allowedActions permit. */
export function ConflictCard({
  conflict,
  level,
  title,
  onChange,
  onReload,
  children,
}: {
  conflict: Conflict;
  level: HeadingLevel;
  /** The heading; without one, who raised the conflict and when is the heading. */
  title?: string;
  onChange: (conflict: Conflict) => void;
  onReload?: () => void;
  /** What the conflict is about (on the conflicts page: its thread). */
  children?: ReactNode;
}) {
  const { t: tx } = useTranslation('exchange');
  const w = useExchangeWords();
  const [open, setOpen] = useState<'note' | 'resolve' | null>(null);
  const headingId = `conflict-${conflict.id}-heading`;
  const side = (s: 'provider' | 'partner') => tx(`sides.${s}`);
  const done = (next: Conflict) => {
    setOpen(null);
    onChange(next);
  };
  const raised = tx('conflictRaised', {
    name: conflict.raisedBy.name,
    side: side(conflict.raisedBy.side),
    when: formatDateTime(conflict.createdAt, w.locale),
  });
  return (
    <article className="conflict" aria-labelledby={headingId}>
      <Heading level={level} id={headingId}>
        {title ?? raised}{' '}
        <span className={`badge badge-${conflict.status === 'open' ? 'invited' : 'active'}`}>
          {tx(`conflictStatus.${conflict.status}`)}
        </span>
      </Heading>
      {title && <p>{raised}</p>}
      {children}
      <p className="message-text">{conflict.description}</p>
      {conflict.notes.length > 0 && (
        <ol className="note-list" aria-label={tx('notesOf')}>
          {conflict.notes.map((n) => (
            <li key={`${n.at}-${n.author}`}>
              <p className="message-head">
                {tx('noteBy', { name: n.author, side: side(n.side), when: formatDateTime(n.at, w.locale) })}
              </p>
              <p className="message-text">{n.text}</p>
            </li>
          ))}
        </ol>
      )}
      {conflict.status === 'resolved' && (
        <dl className="details">
          <div>
            <dt>{tx('outcome')}</dt>
            <dd className="message-text">{conflict.outcome}</dd>
          </div>
          <div>
            <dt>{tx('resolvedAt')}</dt>
            <dd>{formatDateTime(conflict.resolvedAt, w.locale)}</dd>
          </div>
        </dl>
      )}
      {open === null &&
        (conflict.allowedActions.includes('conflict.note') ||
          conflict.allowedActions.includes('conflict.resolve')) && (
          <div className="row-actions">
            {conflict.allowedActions.includes('conflict.note') && (
              <Button onClick={() => setOpen('note')}>{tx('addNote')}</Button>
            )}
            {conflict.allowedActions.includes('conflict.resolve') && (
              <Button onClick={() => setOpen('resolve')}>{tx('resolve')}</Button>
            )}
          </div>
        )}
      {open === 'note' && (
        <TextForm
          name="text"
          label={tx('note')}
          submitLabel={tx('addNote')}
          schema={conflictNoteBody}
          toBody={(text) => ({ text })}
          send={(body) => exchangeApi.noteConflict(conflict.id, body)}
          onDone={done}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === 'resolve' && (
        <TextForm
          name="outcome"
          label={tx('outcome')}
          hint={tx('outcomeHint')}
          submitLabel={tx('resolve')}
          schema={resolveConflictBody}
          toBody={(outcome) => ({ outcome, version: conflict.version })}
          send={(body) => exchangeApi.resolveConflict(conflict.id, body)}
          onDone={done}
          onCancel={() => setOpen(null)}
          onReload={onReload}
        />
      )}
    </article>
  );
}

/** The conflicts of a thread and, where the thread allows it, "Konflikt melden" (R-EXC-3). */
export function ThreadConflicts({
  thread,
  level,
  titled = true,
  onChange,
}: {
  thread: Thread;
  level: HeadingLevel;
  /** Whether the list has a heading of its own (not when a section around it names it). */
  titled?: boolean;
  onChange: (thread: Thread) => void;
}) {
  const { t: tx } = useTranslation('exchange');
  const [raising, setRaising] = useState(false);
  const canRaise = thread.allowedActions.includes('conflict.raise');
  if (thread.conflicts.length === 0 && !canRaise) return null;
  const replace = (conflict: Conflict) =>
    onChange({
      ...thread,
      conflicts: thread.conflicts.some((c) => c.id === conflict.id)
        ? thread.conflicts.map((c) => (c.id === conflict.id ? conflict : c))
        : [...thread.conflicts, conflict],
    });
  return (
    <div className="thread-conflicts">
      {thread.conflicts.length > 0 && (
        <>
          {titled && <Heading level={level}>{tx('conflictsTitle')}</Heading>}
          {thread.conflicts.map((c) => (
            <ConflictCard key={c.id} conflict={c} level={titled ? deeper(level) : level} onChange={replace} />
          ))}
        </>
      )}
      {canRaise && !raising && (
        <div className="row-actions">
          <Button
            onClick={() => setRaising(true)}
            aria-label={tx('raiseConflictFor', { subject: thread.subject })}
          >
            {tx('raiseConflict')}
          </Button>
        </div>
      )}
      {canRaise && raising && (
        <TextForm
          name="description"
          label={tx('conflictDescription')}
          hint={tx('conflictDescriptionHint')}
          submitLabel={tx('raiseConflict')}
          schema={raiseConflictBody}
          toBody={(description) => ({ description })}
          send={(body) => exchangeApi.raiseConflict(thread.id, body)}
          onDone={(conflict) => {
            setRaising(false);
            replace(conflict);
          }}
          onCancel={() => setRaising(false)}
        />
      )}
    </div>
  );
}

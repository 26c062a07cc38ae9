import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/cases.ts';
import { exchangeApi, handoverMethods, providerMessageKinds } from '../../api/exchange.ts';
import type {
  CaseExchange,
  ClientCopy,
  Consent,
  LegalBasisRecord,
  Partner,
  Sent,
  Thread,
} from '../../api/exchange.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { SelectField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Section } from '../../components/Page.tsx';
import type { ApiResource } from '../../hooks/useApi.ts';
import { useApi } from '../../hooks/useApi.ts';
import { toApiError, useSubmit } from '../../hooks/useSubmit.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { languageName } from '../../lib/names.ts';
import { canSendFrom } from '../exchange/exchangeFormat.ts';
import {
  ConsentScopeDetails,
  ContactLinks,
  ContactList,
  MessageForm,
  MessageList,
  ThreadConflicts,
} from '../exchange/ThreadParts.tsx';
import { useExchangeWords } from '../exchange/words.ts';
import { LinkDelivery } from '../links/LinkDelivery.tsx';
import { SavedContext, SectionEditButton, SectionEditingContext } from './CaseForm.tsx';
import { ConsentWizard } from './ConsentWizard.tsx';
import { DisclosureComposer } from './DisclosureComposer.tsx';
import type { Grounds } from './DisclosureComposer.tsx';
import { LegalBasisForm } from './LegalBasisForm.tsx';

export const exchangeKey = (caseId: string) => ['case-exchange', caseId] as const;

const consentSection = 'exchange-consent';
const disclosureSection = 'exchange-disclosure';
const legalBasisSection = 'exchange-legal-basis';

/** The partner person a consent names, from the partners' teams. */
function personName(partners: readonly Partner[] | undefined, consent: Consent): string | null {
  if (!consent.recipient.userId) return null;
  for (const p of partners ?? [])
    for (const team of p.teams) {
      const member = team.members.find((m) => m.id === consent.recipient.userId);
      if (member) return member.name;
    }
  return null;
}

const stateBadge: Record<Consent['state'], string> = {
  valid: 'badge-active',
  not_yet_valid: 'badge-invited',
  expired: 'badge-deactivated',
  used: 'badge-deactivated',
  withdrawn: 'badge-cancelled',
};

/** One consent as it was given: recipient, scope, validity, state, who took it; withdraw and scan. */
function ConsentEntry({
  consent,
  partners,
  onChange,
}: {
  consent: Consent;
  partners: readonly Partner[] | undefined;
  onChange: (consent: Consent) => void;
}) {
  const { t: tx } = useTranslation('exchange');
  const w = useExchangeWords();
  const confirmSaved = useContext(SavedContext);
  const withdraw = useSubmit(() => exchangeApi.withdrawConsent(consent.id, { note: null }));
  const person = personName(partners, consent);
  const recipient = `${consent.recipient.organisationName}, ${consent.recipient.teamName}`;
  const headingId = `consent-${consent.id}-heading`;
  return (
    <article className="exchange-entry" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {recipient}{' '}
        <span className={`badge ${stateBadge[consent.state]}`}>{tx(`states.${consent.state}`)}</span>
      </h4>
      <ConsentScopeDetails scope={consent} />
      <dl className="details">
        {consent.recipient.userId && (
          <div>
            <dt>{tx('person')}</dt>
            <dd>{person ?? tx('namedPerson')}</dd>
          </div>
        )}
        <div>
          <dt>{tx('givenHow')}</dt>
          <dd>
            {tx(`forms.${consent.form}`)},{' '}
            {tx('formIn', { language: languageName(consent.formLanguage, w.locale) })}
          </dd>
        </div>
        <div>
          <dt>{tx('takenBy')}</dt>
          <dd>
            {tx('takenByAt', { name: consent.takenBy.name, when: formatDateTime(consent.givenAt, w.locale) })}
          </dd>
        </div>
        {consent.withdrawnAt && (
          <div>
            <dt>{tx('withdrawnAt')}</dt>
            <dd>
              {formatDateTime(consent.withdrawnAt, w.locale)}
              {consent.withdrawalNote ? ` – ${consent.withdrawalNote}` : ''}
            </dd>
          </div>
        )}
      </dl>
      {withdraw.error && (
        <Notice tone="error" role="alert">
          <p>{withdraw.error.message}</p>
        </Notice>
      )}
      <div className="row-actions">
        {consent.hasDocument && consent.allowedActions.includes('consent.read_document') && (
          <a href={exchangeApi.consentDocumentUrl(consent.id)} target="_blank" rel="noreferrer">
            {tx('openScan')}
          </a>
        )}
        {consent.allowedActions.includes('consent.withdraw') && (
          <ConfirmButton
            label={tx('withdraw')}
            accessibleLabel={tx('withdrawNamed', { recipient })}
            question={tx('withdrawQuestion', { recipient })}
            confirmLabel={tx('withdrawConfirm')}
            onConfirm={async () => {
              const result = await withdraw.run();
              if (!result.ok) return;
              confirmSaved();
              onChange(result.value);
            }}
          />
        )}
      </div>
    </article>
  );
}

/** R-RED-1: a legal basis other than consent a team lead recorded for one transfer. */
function LegalBasisEntry({ basis }: { basis: LegalBasisRecord }) {
  const { t: tx } = useTranslation('exchange');
  const w = useExchangeWords();
  const recipient = `${basis.recipient.organisationName}, ${basis.recipient.teamName}`;
  const headingId = `legal-basis-${basis.id}-heading`;
  return (
    <article className="exchange-entry" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {recipient}{' '}
        <span className={`badge ${basis.usedAt ? 'badge-deactivated' : 'badge-active'}`}>
          {basis.usedAt ? tx('legalBasisUsed') : tx('legalBasisOpen')}
        </span>
      </h4>
      <dl className="details">
        <div>
          <dt>{tx('legalBasis')}</dt>
          <dd>{w.legalBasis(basis.basis)}</dd>
        </div>
        <div>
          <dt>{tx('categoriesLabel')}</dt>
          <dd>{w.categories(basis.categories)}</dd>
        </div>
        <div>
          <dt>{tx('justification')}</dt>
          <dd className="message-text">{basis.justification}</dd>
        </div>
        <div>
          <dt>{tx('decidedBy')}</dt>
          <dd>
            {tx('takenByAt', { name: basis.decidedBy.name, when: formatDateTime(basis.decidedAt, w.locale) })}
          </dd>
        </div>
      </dl>
    </article>
  );
}

/** R-RED-5: the client's copy of a disclosure — print it, and record how it was handed over. */
function CopyBlock({ copy, onChange }: { copy: ClientCopy; onChange: (copy: ClientCopy) => void }) {
  const { t: tx } = useTranslation('exchange');
  const w = useExchangeWords();
  const confirmSaved = useContext(SavedContext);
  const [method, setMethod] = useState('');
  const record = useSubmit(() =>
    exchangeApi.recordHandover(copy.id, { method: method as (typeof handoverMethods)[number] }),
  );
  return (
    <div className="client-copy">
      <p>
        <strong>{tx('copyTitle')}</strong> (
        {tx('copyIn', { language: languageName(copy.language, w.locale) })}){' '}
        <a href={exchangeApi.copyPdfUrl(copy.id)} target="_blank" rel="noreferrer">
          {tx('printCopy')}
        </a>
      </p>
      {copy.handedOverAt && copy.handover ? (
        <p>
          {tx('handedOver', {
            method: w.handover(copy.handover),
            when: formatDateTime(copy.handedOverAt, w.locale),
          })}
        </p>
      ) : (
        <Form
          className="inline-form"
          markRequired={false}
          error={record.error}
          pending={record.pending}
          aria-label={tx('handoverForm')}
          onSubmit={() =>
            void (async () => {
              const result = await record.run();
              if (!result.ok) return;
              confirmSaved();
              onChange({ ...copy, handover: result.value.handover, handedOverAt: result.value.handedOverAt });
            })()
          }
        >
          <SelectField
            name="method"
            label={tx('handoverMethod')}
            value={method}
            emptyLabel={tx('notHandedOver')}
            options={handoverMethods.map((m) => ({ value: m, label: w.handover(m) }))}
            onChange={setMethod}
          />
          <SubmitButton variant="secondary">{tx('recordHandover')}</SubmitButton>
        </Form>
      )}
    </div>
  );
}

/** A thread of the case: to whom, under which consent, the messages with their copies, conflicts. */
function ThreadEntry({ thread, onChange }: { thread: Thread; onChange: (thread: Thread) => void }) {
  const { t: tx } = useTranslation('exchange');
  const w = useExchangeWords();
  const [replying, setReplying] = useState(false);
  const headingId = `thread-${thread.id}-heading`;
  const canReply = thread.allowedActions.includes('disclosure.send') && thread.consent !== null;
  const withCopy = (messageId: string, copy: ClientCopy) =>
    onChange({
      ...thread,
      messages: thread.messages.map((m) => (m.id === messageId ? { ...m, copy } : m)),
    });
  return (
    <article className="exchange-entry" aria-labelledby={headingId}>
      <h4 id={headingId} tabIndex={-1}>
        {thread.subject}
        {thread.unread > 0 && (
          <>
            {' '}
            <span className="badge badge-invited">{tx('unreadBadge', { count: thread.unread })}</span>
          </>
        )}
      </h4>
      <p>
        {tx('threadTo', { partner: thread.partner.name, team: thread.partner.teamName })}{' '}
        <ContactLinks phone={thread.partner.teamPhone} email={thread.partner.teamEmail} />
      </p>
      {thread.legalBasis && <p>{tx('underLegalBasis', { basis: w.legalBasis(thread.legalBasis.basis) })}</p>}
      {thread.consent ? (
        <details className="consent-scope">
          <summary>{tx('underThisConsent')}</summary>
          <ConsentScopeDetails scope={thread.consent} />
        </details>
      ) : null}
      <MessageList
        thread={thread}
        renderAfter={(m) => m.copy && <CopyBlock copy={m.copy} onChange={(copy) => withCopy(m.id, copy)} />}
      />
      <details className="consent-scope">
        <summary>{tx('centralContactsPartner', { partner: thread.partner.name })}</summary>
        <ContactList contacts={thread.centralContacts.partner} emptyText={tx('noCentralContacts')} />
      </details>
      {thread.allowedActions.includes('disclosure.send') && <LinkDelivery thread={thread} />}
      {canReply && !replying && (
        <div className="row-actions">
          <Button onClick={() => setReplying(true)} aria-label={tx('replyTo', { subject: thread.subject })}>
            {tx('reply')}
          </Button>
        </div>
      )}
      {canReply && replying && (
        <MessageForm
          thread={thread}
          kinds={providerMessageKinds}
          onPosted={(posted) => {
            setReplying(false);
            onChange(posted.thread);
          }}
          onCancel={() => setReplying(false)}
        />
      )}
      <ThreadConflicts thread={thread} level={5} onChange={onChange} />
    </article>
  );
}

function ExchangeContent({
  c,
  data,
  onChange,
  onReload,
}: {
  c: CaseDetail;
  data: CaseExchange;
  onChange: (change: (x: CaseExchange) => CaseExchange) => void;
  onReload: () => void;
}) {
  const { t: tx } = useTranslation('exchange');
  const editing = useContext(SectionEditingContext);
  const wizardOpen = editing.isOpen(consentSection);
  const composerOpen = editing.isOpen(disclosureSection);
  const legalBasisOpen = editing.isOpen(legalBasisSection);
  const canGive = data.allowedActions.includes('consent.give');
  const canRecord = data.allowedActions.includes('legal_basis.record');
  const canSend = canSendFrom(data);
  // Loaded with the section, so the wizard opens at once with its first field focused.
  const needPartners = canGive || canRecord || data.consents.some((x) => x.recipient.userId);
  const partners = useApi(needPartners ? ['exchange-partners'] : null, (signal) =>
    exchangeApi.partners(signal),
  );
  const [sentTo, setSentTo] = useState<string | null>(null);
  const focusThread = useRef<string | null>(null);
  useEffect(() => {
    if (!focusThread.current) return;
    const heading = document.getElementById(`thread-${focusThread.current}-heading`);
    if (!heading) return;
    focusThread.current = null;
    // After the page has put focus back on the closed form's button: the new thread is where the
    // work goes on (its copy to print and hand over).
    requestAnimationFrame(() => heading.focus());
  });
  const replaceConsent = (consent: Consent) =>
    onChange((x) => ({ ...x, consents: x.consents.map((y) => (y.id === consent.id ? consent : y)) }));
  const replaceThread = (thread: Thread) =>
    onChange((x) => ({ ...x, threads: [thread, ...x.threads.filter((y) => y.id !== thread.id)] }));
  const sent = (answer: Sent, grounds: Grounds) => {
    editing.close(disclosureSection);
    focusThread.current = answer.thread.id;
    setSentTo(answer.thread.id);
    replaceThread(answer.thread);
    if (grounds.legalBasis) {
      // A legal basis carries exactly this one disclosure: used when the message was sent.
      const usedAt = answer.thread.messages.find((m) => m.id === answer.messageId)?.sentAt;
      const id = grounds.legalBasis.id;
      if (usedAt)
        onChange((x) => ({
          ...x,
          legalBases: x.legalBases.map((b) => (b.id === id ? { ...b, usedAt } : b)),
        }));
      else onReload();
    }
    // A once-only consent is used up by this message: only the server knows its state after it.
    if (grounds.consent?.repetition === 'once') onReload();
  };
  const sentThread = data.threads.find((x) => x.id === sentTo);
  return (
    <>
      <div id={consentSection}>
        {wizardOpen && canGive && (
          <LoadState resource={partners}>
            {(list) => (
              <ConsentWizard
                c={c}
                partners={list.items}
                rules={data.consentRules}
                onGiven={(consent) => {
                  editing.close(consentSection);
                  onChange((x) => ({ ...x, consents: [consent, ...x.consents] }));
                }}
                onClose={() => editing.close(consentSection)}
              />
            )}
          </LoadState>
        )}
      </div>
      <div id={legalBasisSection}>
        {legalBasisOpen && canRecord && (
          <LoadState resource={partners}>
            {(list) => (
              <LegalBasisForm
                caseId={c.id}
                partners={list.items}
                onRecorded={(basis) => {
                  editing.close(legalBasisSection);
                  onChange((x) => ({ ...x, legalBases: [basis, ...x.legalBases] }));
                }}
                onClose={() => editing.close(legalBasisSection)}
              />
            )}
          </LoadState>
        )}
      </div>
      <div id={disclosureSection}>
        {composerOpen && canSend && (
          <DisclosureComposer
            caseId={c.id}
            consents={data.consents}
            legalBases={data.legalBases}
            onSent={sent}
            onClose={() => editing.close(disclosureSection)}
          />
        )}
      </div>
      {sentThread && (
        <Notice tone="success">
          <p>{tx('sentNotice', { partner: sentThread.partner.name, team: sentThread.partner.teamName })}</p>
        </Notice>
      )}
      <div className="subsections">
        <section aria-labelledby="exchange-consents-heading">
          <h3 id="exchange-consents-heading">{tx('consentsTitle')}</h3>
          {data.consents.length === 0 ? (
            <p className="empty">{tx('noConsents')}</p>
          ) : (
            data.consents.map((consent) => (
              <ConsentEntry
                key={consent.id}
                consent={consent}
                partners={partners.data?.items}
                onChange={replaceConsent}
              />
            ))
          )}
        </section>
        {data.legalBases.length > 0 && (
          <section aria-labelledby="exchange-legal-bases-heading">
            <h3 id="exchange-legal-bases-heading">{tx('legalBasesTitle')}</h3>
            {data.legalBases.map((basis) => (
              <LegalBasisEntry key={basis.id} basis={basis} />
            ))}
          </section>
        )}
        <section aria-labelledby="exchange-threads-heading">
          <h3 id="exchange-threads-heading">{tx('threadsTitle')}</h3>
          {data.threads.length === 0 ? (
            <p className="empty">{tx('noThreads')}</p>
          ) : (
            data.threads.map((thread) => (
              <ThreadEntry
                key={thread.id}
                thread={thread}
                onChange={(next) =>
                  onChange((x) => ({ ...x, threads: x.threads.map((y) => (y.id === next.id ? next : y)) }))
                }
              />
            ))
          )}
        </section>
      </div>
    </>
  );
}

/**
 * R-CON-1, R-CON-3, R-RED-1, R-RED-5, R-EXC-1..4 on the case page: the consents of the case, the
 * legal bases other than consent a team lead recorded (each for one transfer), the exchange with
 * partners under them and the client's copies. Read once per visit (audited),
 * like the case; each change writes its answer into the cache. Without a consent the section
 * says neutrally what exchange needs — consent is voluntary (R-CON-6).
 */
export function ExchangeSection({ c }: { c: CaseDetail }) {
  const { t: tx } = useTranslation('exchange');
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: exchangeKey(c.id),
    queryFn: ({ signal }) => exchangeApi.ofCase(c.id, signal),
    gcTime: 0,
  });
  const { refetch } = query;
  const onReload = useCallback(() => void refetch(), [refetch]);
  const onChange = useCallback(
    (change: (x: CaseExchange) => CaseExchange) =>
      queryClient.setQueryData<CaseExchange>(exchangeKey(c.id), (current) => current && change(current)),
    [queryClient, c.id],
  );
  const resource: ApiResource<CaseExchange> = {
    data: query.data,
    error: query.error ? toApiError(query.error) : null,
    loading: query.isFetching,
    reload: onReload,
    setData: (data) => queryClient.setQueryData(exchangeKey(c.id), data),
  };
  const data = query.data;
  const canGive = data?.allowedActions.includes('consent.give') ?? false;
  const canRecord = data?.allowedActions.includes('legal_basis.record') ?? false;
  const canSend = data ? canSendFrom(data) : false;
  return (
    <Section
      title={tx('sectionTitle')}
      id="exchange"
      actions={
        (canGive || canRecord || canSend) && (
          <div className="row-actions">
            {canGive && <SectionEditButton section={consentSection} title="" label={tx('newConsent')} />}
            {canRecord && (
              <SectionEditButton section={legalBasisSection} title="" label={tx('newLegalBasis')} />
            )}
            {canSend && (
              <SectionEditButton section={disclosureSection} title="" label={tx('sendDisclosure')} />
            )}
          </div>
        )
      }
    >
      <LoadState resource={resource}>
        {(data) => <ExchangeContent c={c} data={data} onChange={onChange} onReload={onReload} />}
      </LoadState>
    </Section>
  );
}

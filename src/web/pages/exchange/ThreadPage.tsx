import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { exchangeApi, partnerMessageKinds } from '../../api/exchange.ts';
import type { Thread } from '../../api/exchange.ts';
import { Button } from '../../components/Buttons.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { navigationPaths } from '../../session/navigation.ts';
import { IndependenceNotice } from './IndependenceNotice.tsx';
import { useExchangeWords } from './words.ts';
import {
  ConsentScopeDetails,
  ContactLinks,
  ContactList,
  MessageForm,
  MessageList,
  ThreadConflicts,
} from './ThreadParts.tsx';

/** The counselling case workers who wrote in the thread, with their direct contacts (R-EXC-4). */
function caseWorkers(thread: Thread) {
  const seen = new Map<string, Thread['messages'][number]['author']>();
  for (const m of thread.messages)
    if (!m.fromPartner && !seen.has(m.author.name)) seen.set(m.author.name, m.author);
  return [...seen.values()];
}

function ThreadView({ thread, onChange }: { thread: Thread; onChange: (thread: Thread) => void }) {
  const { t: tx } = useTranslation('exchange');
  const w = useExchangeWords();
  const [replying, setReplying] = useState(false);
  const [posted, setPosted] = useState(false);
  const consent = thread.consent;
  const canAnswer = thread.allowedActions.includes('message.send') && consent !== null;
  // The consent decides whether anything about the person may come back (R-EXC-2).
  const mayAnswer = consent !== null && consent.direction !== 'to_partner';
  const workers = caseWorkers(thread);
  return (
    <Page
      title={thread.subject}
      intro={
        // After a withdrawal the thread shows only that: not even whom it was about.
        <p>
          {thread.withdrawn
            ? tx('threadIntroWithdrawn', { provider: thread.provider.name, team: thread.partner.teamName })
            : tx('threadIntro', {
                about: thread.clientLabel,
                provider: thread.provider.name,
                team: thread.partner.teamName,
              })}
        </p>
      }
      actions={<Link to={navigationPaths.inbox}>{tx('backToInbox')}</Link>}
    >
      <IndependenceNotice text={thread.independenceNotice} />
      {thread.withdrawn ? (
        <Notice tone="warning" title={tx('consentWithdrawn')}>
          <p>{tx('withdrawnText')}</p>
        </Notice>
      ) : (
        <>
          {consent && (
            <Section title={tx('consentScope')} id="thread-consent">
              <ConsentScopeDetails scope={consent} />
            </Section>
          )}
          {thread.legalBasis && (
            <Section title={tx('legalBasis')} id="thread-legal-basis">
              <p>{tx('underLegalBasis', { basis: w.legalBasis(thread.legalBasis.basis) })}</p>
              <p className="field-hint">{tx('legalBasisOneWay')}</p>
            </Section>
          )}
          <Section title={tx('messagesTitle')} id="thread-messages">
            <MessageList thread={thread} />
            {posted && (
              <Notice tone="success" role="status">
                <p>{tx('replySent')}</p>
              </Notice>
            )}
            {canAnswer && !mayAnswer && <p className="field-hint">{tx('oneWayOnly')}</p>}
            {canAnswer && mayAnswer && !replying && (
              <div className="row-actions">
                <Button variant="primary" onClick={() => setReplying(true)}>
                  {tx('answerOrNotice')}
                </Button>
              </div>
            )}
            {canAnswer && mayAnswer && replying && (
              <MessageForm
                thread={thread}
                kinds={partnerMessageKinds}
                onPosted={(answer) => {
                  setReplying(false);
                  setPosted(true);
                  onChange(answer.thread);
                }}
                onCancel={() => setReplying(false)}
              />
            )}
          </Section>
          <Section title={tx('contactsTitle')} id="thread-contacts">
            <h3>{tx('caseWorkers', { provider: thread.provider.name })}</h3>
            {workers.length === 0 ? (
              <p className="empty">{tx('noCaseWorkers')}</p>
            ) : (
              <ul className="contact-list">
                {workers.map((a) => (
                  <li key={a.name}>
                    <strong>{a.name}</strong>
                    {a.office && <>, {a.office}</>} <ContactLinks phone={a.phone} email={a.email} />
                  </li>
                ))}
              </ul>
            )}
            <h3>{tx('centralContactsOf', { organisation: thread.provider.name })}</h3>
            <ContactList contacts={thread.centralContacts.provider} emptyText={tx('noCentralContacts')} />
            <h3>{tx('centralContactsOf', { organisation: thread.partner.name })}</h3>
            <ContactList contacts={thread.centralContacts.partner} emptyText={tx('noCentralContacts')} />
          </Section>
          {(thread.conflicts.length > 0 || thread.allowedActions.includes('conflict.raise')) && (
            <Section title={tx('conflictsTitle')} id="thread-conflicts">
              <ThreadConflicts thread={thread} level={3} titled={false} onChange={onChange} />
            </Section>
          )}
        </>
      )}
    </Page>
  );
}

/**
 * R-EXC-1, R-EXC-2, R-EXC-4, R-RED-4: one thread as the partner reads it — the messages, the
 * direct contacts of the counselling case worker and the central contacts of both sides, and the
 * partner's answer or notice within what the consent covers. A withdrawn consent leaves only the
 * notice that it was withdrawn.
 */
export function ThreadPage() {
  const { t: tx } = useTranslation('exchange');
  const { id = '' } = useParams();
  const thread = useApi(['thread', id], (signal) => exchangeApi.thread(id, signal));
  if (!thread.data)
    return (
      <Page title={tx('threadLoading')}>
        <LoadState resource={thread}>{() => null}</LoadState>
      </Page>
    );
  return <ThreadView thread={thread.data} onChange={thread.setData} />;
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { answerBody, letterOpenBody } from '../../../server/modules/links/links.schemas.ts';
import type { ApiError } from '../../api/client.ts';
import { codeLength, linksApi, type Reading } from '../../api/links.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { FormError, Notice } from '../../components/Notice.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useSchemaForm } from '../../hooks/useSchemaForm.ts';
import { toApiError, useSubmit } from '../../hooks/useSubmit.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { IndependenceNotice } from '../exchange/IndependenceNotice.tsx';
import { ContactLinks, MessageSections, SectionTexts, sectionsOf } from '../exchange/ThreadParts.tsx';
import { useExchangeWords } from '../exchange/words.ts';

/** The page is nobody's to index, and its address never travels on as a referrer. */
function usePrivatePage() {
  useEffect(() => {
    const meta = document.createElement('meta');
    meta.name = 'robots';
    meta.content = 'noindex, nofollow';
    const referrer = document.createElement('meta');
    referrer.name = 'referrer';
    referrer.content = 'no-referrer';
    document.head.append(meta, referrer);
    return () => {
      meta.remove();
      referrer.remove();
    };
  }, []);
}

interface LetterValues {
  number: string;
  code: string;
  birthYear: string;
}

function LetterForm({ onOpened }: { onOpened: (reading: Reading) => void }) {
  const { t: tl } = useTranslation('links');
  const open = useSubmit((body: z.output<typeof letterOpenBody>) => linksApi.openLetter(body));
  const form = useSchemaForm({
    schema: letterOpenBody,
    defaultValues: { number: '', code: '', birthYear: '' } satisfies LetterValues,
    toBody: (values: LetterValues) => ({
      number: values.number,
      code: values.code,
      birthYear: values.birthYear.trim() === '' ? Number.NaN : Number(values.birthYear),
    }),
    submission: open,
  });
  const submit = form.submit(async (body) => {
    const result = await open.run(body);
    if (result.ok) onOpened(result.value);
  });
  return (
    <Section title={tl('letterTitle')} id="letter-open">
      <p>{tl('letterIntro')}</p>
      <Form onSubmit={submit} error={open.error} pending={open.pending} aria-label={tl('letterTitle')}>
        <div className="form-grid">
          <TextField
            {...form.text('number')}
            label={tl('number')}
            required
            inputMode="numeric"
            autoComplete="off"
          />
          <TextField
            {...form.text('code')}
            label={tl('code')}
            hint={tl('codeHint', { length: codeLength })}
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
          <TextField
            {...form.text('birthYear')}
            label={tl('birthYear')}
            required
            type="number"
            inputMode="numeric"
            min={1900}
            max={2100}
          />
        </div>
        <div className="form-actions">
          <SubmitButton>{tl('open')}</SubmitButton>
        </div>
      </Form>
    </Section>
  );
}

interface AnswerValues {
  name: string;
  phone: string;
  email: string;
  texts: Record<string, string>;
}

function AnswerForm({ reading, onAnswered }: { reading: Reading; onAnswered: () => void }) {
  const { t: tl } = useTranslation('links');
  const categories = reading.answer?.categories ?? [];
  const send = useSubmit((body: z.output<typeof answerBody>) => linksApi.answer(body));
  const defaultValues: AnswerValues = { name: '', phone: '', email: '', texts: {} };
  const form = useSchemaForm({
    schema: answerBody,
    defaultValues,
    toBody: (values: AnswerValues) => ({
      name: values.name,
      phone: values.phone,
      email: values.email.trim() === '' ? null : values.email,
      sections: sectionsOf(categories, values.texts),
    }),
    submission: send,
  });
  const submit = form.submit(async (body) => {
    const result = await send.run(body);
    if (result.ok) onAnswered();
  });
  return (
    <Form onSubmit={submit} error={send.error} pending={send.pending} aria-label={tl('answerTitle')}>
      <div className="form-grid">
        <TextField {...form.text('name')} label={tl('name')} required autoComplete="name" />
        <TextField {...form.text('phone')} label={tl('phone')} type="tel" autoComplete="tel" />
        <TextField {...form.text('email')} label={tl('email')} type="email" autoComplete="email" />
      </div>
      <SectionTexts
        categories={categories}
        texts={form.values.texts}
        hint={tl('answerIntro')}
        onChange={(c, text) => form.set(`texts.${c}`, text)}
      />
      <div className="form-actions">
        <SubmitButton>{tl('sendAnswer')}</SubmitButton>
      </div>
    </Form>
  );
}

function ReadingView({ reading }: { reading: Reading }) {
  const { t: tl } = useTranslation('links');
  const w = useExchangeWords();
  const locale = currentLocale();
  const [answered, setAnswered] = useState(false);
  return (
    <>
      <p>
        {tl('readingIntro', {
          team: reading.team,
          partner: reading.partner,
          until: formatDateTime(reading.readableUntil, locale),
        })}
      </p>
      <IndependenceNotice text={reading.independenceNotice} />
      <Section title={tl('messagesTitle')} id="link-messages">
        <h3>{reading.subject}</h3>
        <ol className="message-list" aria-label={tl('messagesTitle')}>
          {reading.messages.map((m) => (
            <li key={m.id} className="message">
              <p className="message-head">
                {tl('sentBy', {
                  kind: w.kind(m.kind),
                  name: m.author,
                  when: formatDateTime(m.sentAt, locale),
                })}
              </p>
              <p className="message-contact">
                {m.office && <span>{m.office}</span>} <ContactLinks phone={m.phone} email={m.email} />
              </p>
              <MessageSections sections={m.sections} />
            </li>
          ))}
        </ol>
      </Section>
      <Section title={tl('answerTitle')} id="link-answer">
        {answered ? (
          <Notice tone="success" role="status">
            <p>{tl('answered')}</p>
          </Notice>
        ) : reading.answer ? (
          <AnswerForm reading={reading} onAnswered={() => setAnswered(true)} />
        ) : (
          <p>{tl('noAnswer')}</p>
        )}
      </Section>
    </>
  );
}

/**
 * R-REF-5: the one-time answer page for a partner without a Koop account. An e-mailed link
 * carries its secret in the fragment (never sent to a server or a referrer); the page takes it
 * out of the address at once and opens the message once. A letter is opened with its number,
 * code and the person's year of birth. The same browser may read again for a while (an
 * HttpOnly cookie), and answers once within what the consent allows.
 */
export function AnswerPage() {
  const { t: tl } = useTranslation('links');
  usePrivatePage();
  const [reading, setReading] = useState<Reading | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const token = window.location.hash.replace(/^#/, '');
    if (token) window.history.replaceState(null, '', window.location.pathname);
    const opening = token ? linksApi.open(token) : linksApi.current();
    opening
      .then(setReading)
      .catch((reason: unknown) => {
        const apiError = toApiError(reason);
        // Without a link in the address and nothing opened in this browser, the letter form is the way in.
        if (token || apiError.code !== 'link_used') setError(apiError);
      })
      .finally(() => setLoading(false));
  }, []);

  return (
    <Page
      title={
        reading ? tl('readingTitle', { provider: reading.provider, team: reading.team }) : tl('pageTitle')
      }
      intro={<p>{tl('pageIntro')}</p>}
    >
      {loading && <p role="status">{tl('opening')}</p>}
      {error && <FormError error={error} />}
      {reading ? (
        <ReadingView reading={reading} />
      ) : (
        !loading && (
          <LetterForm
            onOpened={(opened) => {
              setError(null);
              setReading(opened);
            }}
          />
        )
      )}
    </Page>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import { acceptBody, closeBody, handOnBody } from '../../../server/modules/referrals/referrals.schemas.ts';
import { directoryApi } from '../../api/directory.ts';
import { closeReasons, referralsApi } from '../../api/referrals.ts';
import type { CloseReason, Referral } from '../../api/referrals.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { RadioGroup, SelectField, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useSchemaForm } from '../../hooks/useSchemaForm.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { formatDay } from '../cases/caseFormat.ts';
import { navigationPaths } from '../../session/navigation.ts';
import { useReferralWords } from './referralWords.ts';

/**
 * One referral at the receiving office (R-REF-4): the person as the referrer recorded them, the
 * consent, the history; accept into a client and a case in one step (a known client is offered,
 * never merged silently), hand on to another office or programme with a reason, or close.
 */
export function ReferralPage() {
  const { id = '' } = useParams();
  const { t: tr } = useTranslation('referrals');
  const w = useReferralWords();
  const referral = useApi(['referral', id], (signal) => referralsApi.get(id, signal));
  const [done, setDone] = useState<{ text: string; caseId?: string } | null>(null);
  const name = (r: Referral) => [r.person.givenName, r.person.familyName].filter(Boolean).join(' ');
  return (
    <LoadState resource={referral}>
      {(r) => (
        <Page title={tr('referralTitle', { name: name(r) })}>
          {done && (
            <Notice tone="success" role="status">
              <p>
                {done.text}{' '}
                {done.caseId && <Link to={`${navigationPaths.cases}/${done.caseId}`}>{tr('openCase')}</Link>}
              </p>
            </Notice>
          )}
          <Section title={tr('personTitle')} id="referral-person">
            <dl className="details">
              <dt>{tr('familyName')}</dt>
              <dd>{name(r)}</dd>
              <dt>{tr('language')}</dt>
              <dd>{w.language(r.person.language)}</dd>
              {r.person.age !== null && (
                <>
                  <dt>{tr('age')}</dt>
                  <dd>{tr('ageYears', { age: r.person.age })}</dd>
                </>
              )}
              <dt>{tr('phone')}</dt>
              <dd>{r.person.phone ?? '–'}</dd>
              <dt>{tr('email')}</dt>
              <dd>{r.person.email ?? '–'}</dd>
              <dt>{tr('topic')}</dt>
              <dd>{w.topic(r.topic)}</dd>
              {r.note && (
                <>
                  <dt>{tr('note')}</dt>
                  <dd>{r.note}</dd>
                </>
              )}
              <dt>{tr('office')}</dt>
              <dd>
                {r.office.name} · {w.service(r.service)}
              </dd>
            </dl>
            {r.callFirst && (
              <Notice tone="info">
                <p>{tr('callFirst')}</p>
              </Notice>
            )}
          </Section>
          <Section title={tr('referrerTitle')} id="referral-referrer">
            <p>
              {r.referrer.organisationName}
              {r.referrer.name && <> · {r.referrer.name}</>}
              {r.referrer.phone && <> · {r.referrer.phone}</>}
              {r.referrer.email && <> · {r.referrer.email}</>}
            </p>
            <h3>{tr('consentTitle')}</h3>
            <p>
              {tr('consentOn', {
                day: formatDay(r.consentGivenAt.slice(0, 10), w.locale),
                language: w.language(r.consentLanguage),
              })}
            </p>
            <p>{r.feedbackAllowed ? tr('feedbackAllowed') : tr('feedbackNotAllowed')}</p>
          </Section>
          <Section title={tr('historyTitle')} id="referral-history">
            <ul className="plain-list">
              {r.events.map((e, i) => (
                <li key={i}>
                  {formatDateTime(e.at, w.locale)}: {tr(`events.${e.event}`, { office: e.toOffice ?? '' })}
                  {e.reason && (
                    <span className="cell-note">
                      {e.event === 'closed' ? closeWord(tr, e.reason) : e.reason}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </Section>
          {r.allowedActions.length === 0 ? (
            <Notice tone="info">
              <p>{tr('decided')}</p>
            </Notice>
          ) : (
            <>
              {r.allowedActions.includes('referral.accept') && (
                <AcceptForm
                  referral={r}
                  onAccepted={(caseId) => {
                    setDone({ text: tr('statuses.accepted'), caseId });
                    referral.reload();
                  }}
                />
              )}
              {r.allowedActions.includes('referral.hand_on') && (
                <HandOnForm
                  referral={r}
                  onDone={() => {
                    setDone({ text: tr('handedOn') });
                    referral.reload();
                  }}
                />
              )}
              {r.allowedActions.includes('referral.close') && (
                <CloseForm
                  referral={r}
                  onDone={() => {
                    setDone({ text: tr('closed') });
                    referral.reload();
                  }}
                />
              )}
            </>
          )}
        </Page>
      )}
    </LoadState>
  );
}

const closeWord = (tr: (key: `closeReasons.${CloseReason}`) => string, reason: string) =>
  (closeReasons as readonly string[]).includes(reason) ? tr(`closeReasons.${reason as CloseReason}`) : reason;

function AcceptForm({ referral, onAccepted }: { referral: Referral; onAccepted: (caseId: string) => void }) {
  const { t: tr } = useTranslation('referrals');
  const w = useReferralWords();
  const accept = useSubmit((body: z.output<typeof acceptBody>) => referralsApi.accept(referral.id, body));
  const form = useSchemaForm({
    schema: acceptBody,
    defaultValues: { caseType: '', clientId: '' },
    toBody: (values: { caseType: string; clientId: string }) => ({
      version: referral.version,
      caseType: values.caseType as 'short_counselling',
      clientId: values.clientId === '' ? null : values.clientId,
    }),
    submission: accept,
  });
  const { values, set } = form;
  const submit = form.submit(async (body) => {
    const result = await accept.run(body);
    if (result.ok) onAccepted(result.value.caseId);
  });
  const wayIn = tr(referral.referrer.organisationKind === 'abh' ? 'wayIns.abh' : 'wayIns.jobcenter');
  return (
    <Section title={tr('acceptTitle')} id="referral-accept">
      <p>{tr('acceptIntro', { wayIn })}</p>
      <Form onSubmit={submit} error={accept.error} pending={accept.pending} aria-label={tr('acceptTitle')}>
        <RadioGroup
          name="caseType"
          legend={tr('caseType')}
          required
          value={values.caseType}
          options={(['short_counselling', 'case_management'] as const).map((c) => ({
            value: c,
            label: tr(`caseTypes.${c}`),
          }))}
          onChange={(value) => set('caseType', value)}
        />
        {referral.possibleDuplicates.length > 0 && (
          <RadioGroup
            name="clientId"
            legend={tr('duplicatesLegend')}
            value={values.clientId}
            options={[
              { value: '', label: tr('newClient') },
              ...referral.possibleDuplicates.map((d) => ({
                value: d.clientId,
                label: tr('knownClient', {
                  name: [d.givenName, d.familyName].filter(Boolean).join(' '),
                  born: d.birthDate ? formatDay(d.birthDate, w.locale) : tr('bornUnknown'),
                }),
              })),
            ]}
            onChange={(value) => set('clientId', value)}
          />
        )}
        <div className="form-actions">
          <SubmitButton>{tr('accept')}</SubmitButton>
        </div>
      </Form>
    </Section>
  );
}

function HandOnForm({ referral, onDone }: { referral: Referral; onDone: () => void }) {
  const { t: tr } = useTranslation('referrals');
  const w = useReferralWords();
  const overview = useApi(['directory-overview'], (signal) => directoryApi.overview(signal));
  const handOn = useSubmit((body: z.output<typeof handOnBody>) => referralsApi.handOn(referral.id, body));
  const form = useSchemaForm({
    schema: handOnBody,
    defaultValues: { officeId: '', service: '', reason: '' },
    toBody: (values: { officeId: string; service: string; reason: string }) => ({
      version: referral.version,
      officeId: values.officeId,
      service: values.service as 'MBE',
      reason: values.reason,
    }),
    submission: handOn,
  });
  const { values, set, text } = form;
  const offices = overview.data?.offices ?? [];
  const office = offices.find((o) => o.id === values.officeId);
  const submit = form.submit(async (body) => {
    const result = await handOn.run(body);
    if (result.ok) onDone();
  });
  return (
    <Section title={tr('handOnTitle')} id="referral-hand-on">
      <Form onSubmit={submit} error={handOn.error} pending={handOn.pending} aria-label={tr('handOnTitle')}>
        <SelectField
          name="officeId"
          label={tr('handOnOffice')}
          required
          value={values.officeId}
          emptyLabel=""
          options={offices.map((o) => ({ value: o.id, label: `${o.name} (${o.providerName}), ${o.city}` }))}
          onChange={(value) => {
            set('officeId', value);
            const services = offices.find((o) => o.id === value)?.services ?? [];
            set('service', services.length === 1 ? (services[0] ?? '') : '');
          }}
        />
        <RadioGroup
          name="service"
          legend={tr('handOnService')}
          required
          value={values.service}
          options={(office?.services ?? []).map((s) => ({ value: s, label: w.service(s) }))}
          onChange={(value) => set('service', value)}
        />
        <TextField {...text('reason')} label={tr('handOnReason')} required maxLength={500} />
        <div className="form-actions">
          <SubmitButton>{tr('handOn')}</SubmitButton>
        </div>
      </Form>
    </Section>
  );
}

function CloseForm({ referral, onDone }: { referral: Referral; onDone: () => void }) {
  const { t: tr } = useTranslation('referrals');
  const close = useSubmit((body: z.output<typeof closeBody>) => referralsApi.close(referral.id, body));
  const form = useSchemaForm({
    schema: closeBody,
    defaultValues: { reason: '' },
    toBody: (values: { reason: string }) => ({
      version: referral.version,
      reason: values.reason as CloseReason,
    }),
    submission: close,
  });
  const { values, set } = form;
  const submit = form.submit(async (body) => {
    const result = await close.run(body);
    if (result.ok) onDone();
  });
  return (
    <Section title={tr('closeTitle')} id="referral-close">
      <p>{tr('closeIntro')}</p>
      <Form onSubmit={submit} error={close.error} pending={close.pending} aria-label={tr('closeTitle')}>
        <RadioGroup
          name="reason"
          legend={tr('closeReason')}
          required
          value={values.reason}
          options={closeReasons.map((c) => ({ value: c, label: tr(`closeReasons.${c}`) }))}
          onChange={(value) => set('reason', value)}
        />
        <div className="form-actions">
          <SubmitButton>{tr('close')}</SubmitButton>
        </div>
      </Form>
    </Section>
  );
}

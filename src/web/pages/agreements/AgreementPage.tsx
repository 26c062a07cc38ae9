import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { z } from 'zod';
import {
  actionBody,
  addClauseBody,
  addPersonBody,
  commentBody,
  planMeetingBody,
  transitionBody,
  updateAgreementBody,
  updateClauseBody,
  updateMeetingBody,
} from '../../../server/modules/agreements/agreements.schemas.ts';
import { agreementsApi, meetingKinds, meetingStatuses, partyPersonRoles } from '../../api/agreements.ts';
import type { Agreement, AgreementTransition, Compare, Meeting, MeetingKind } from '../../api/agreements.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { CheckboxField, RadioGroup, SelectField, TextField } from '../../components/Field.tsx';
import { Form, useFieldError } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { usePdfWindow } from '../../hooks/usePdfWindow.ts';
import { useSchemaForm } from '../../hooks/useSchemaForm.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatCalendarDate, formatDateTime } from '../../i18n/format.ts';
import { useActiveSession } from '../../session/SessionProvider.tsx';

type Update = (a: Agreement) => void;

/** A labelled multi-line text field whose server message stands beside it. */
function TextArea({
  name,
  label,
  value,
  onChange,
  required,
  hint,
  rows = 4,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  hint?: string;
  rows?: number;
}) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <textarea
        id={id}
        name={name}
        rows={rows}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={
          [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || undefined
        }
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/**
 * One cooperation (R-AGR-1..7, R-ORG-3): its status and next steps, the parties with signatories
 * and central contacts, the clauses to tick, edit or extend, the details of R-AGR-3, comments of
 * both sides, the PDF and the signed scan, versions side by side, and its meetings with minutes
 * and actions. What a person may do comes from the server's `allowedActions`.
 */
export function AgreementPage() {
  const { id = '' } = useParams();
  const resource = useApi(['agreement', id], (signal) => agreementsApi.get(id, signal));
  return (
    <LoadState resource={resource}>
      {(a) => <AgreementView agreement={a} onChange={resource.setData} />}
    </LoadState>
  );
}

function AgreementView({ agreement: a, onChange }: { agreement: Agreement; onChange: Update }) {
  const { t: ta } = useTranslation('agreements');
  const can = (action: Agreement['allowedActions'][number]) => a.allowedActions.includes(action);
  return (
    <Page
      title={a.title}
      intro={
        <p>
          {ta(`models.${a.model}`)}
          {a.arrangementForm && <> · {ta(`arrangementForms.${a.arrangementForm}`)}</>} ·{' '}
          {ta('currentStatus', { status: ta(`statuses.${a.status}`) })} ·{' '}
          {ta('version', { version: a.clauseVersion })}
          {a.signedVersion !== null && <> · {ta('signedVersion', { version: a.signedVersion })}</>}
        </p>
      }
    >
      <StatusSection agreement={a} onChange={onChange} />
      <PartiesSection agreement={a} onChange={onChange} />
      <ClausesSection agreement={a} onChange={onChange} />
      {can('agreement.edit') && <DetailsSection agreement={a} onChange={onChange} />}
      <CommentsSection agreement={a} onChange={onChange} />
      <DocumentSection agreement={a} onChange={onChange} />
      {a.clauseVersion > 1 && <CompareSection agreement={a} />}
      <MeetingsSection agreement={a} onChange={onChange} />
    </Page>
  );
}

// ---------------------------------------------------------------------------------------------

function StatusSection({ agreement: a, onChange }: { agreement: Agreement; onChange: Update }) {
  const { t: ta } = useTranslation('agreements');
  const locale = currentLocale();
  const step = useSubmit((body: z.output<typeof transitionBody>) => agreementsApi.transition(a.id, body));
  type V = { transition: string; reason: string; startsOn: string; endsOn: string };
  const form = useSchemaForm({
    schema: transitionBody,
    defaultValues: { transition: '', reason: '', startsOn: '', endsOn: '' },
    toBody: (v: V) => ({
      version: a.version,
      transition: v.transition as AgreementTransition,
      reason: v.reason,
      ...(v.transition === 'activate' && v.startsOn ? { startsOn: v.startsOn } : {}),
      ...(v.transition === 'activate' && v.endsOn ? { endsOn: v.endsOn } : {}),
    }),
    submission: step,
  });
  const { values, set, text } = form;
  const submit = form.submit(async (body) => {
    const result = await step.run(body);
    if (result.ok) {
      onChange(result.value);
      set('transition', '');
      set('reason', '');
    }
  });
  return (
    <Section title={ta('statusTitle')} id="agreement-status">
      {a.startsOn && (
        <p>
          {ta('term')}: {formatCalendarDate(a.startsOn, locale)} –{' '}
          {a.endsOn ? formatCalendarDate(a.endsOn, locale) : ta('termOpen')}
        </p>
      )}
      {a.possibleTransitions.length === 0 ? (
        <p>{ta('noSteps')}</p>
      ) : (
        <Form onSubmit={submit} error={step.error} pending={step.pending} aria-label={ta('statusTitle')}>
          <RadioGroup
            name="transition"
            legend={ta('step')}
            required
            value={values.transition}
            options={a.possibleTransitions.map((x) => ({ value: x, label: ta(`transitions.${x}`) }))}
            onChange={(value) => set('transition', value)}
          />
          {values.transition === 'terminate' && (
            <TextArea {...text('reason')} label={ta('reason')} hint={ta('reasonHint')} required rows={3} />
          )}
          {values.transition === 'activate' && (
            <>
              <TextField {...text('startsOn')} type="date" label={ta('startsOn')} />
              <TextField {...text('endsOn')} type="date" label={ta('endsOn')} />
            </>
          )}
          <div className="form-actions">
            <SubmitButton>{ta('doStep')}</SubmitButton>
          </div>
        </Form>
      )}
      {a.transitions.length > 0 && (
        <>
          <h3>{ta('history')}</h3>
          <ul className="plain-list">
            {a.transitions.map((x) => (
              <li key={x.id}>
                {ta('historyEntry', {
                  date: formatDateTime(x.at, locale),
                  from: ta(`statuses.${x.fromStatus}`),
                  to: ta(`statuses.${x.toStatus}`),
                })}{' '}
                · {x.actorName ?? ta('byClock')}
                {x.reason && <span className="cell-note">{x.reason}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

// ---------------------------------------------------------------------------------------------

function PartiesSection({ agreement: a, onChange }: { agreement: Agreement; onChange: Update }) {
  const { t: ta } = useTranslation('agreements');
  const add = useSubmit((body: z.output<typeof addPersonBody>) => agreementsApi.addPerson(a.id, body));
  const remove = useSubmit((personId: string) => agreementsApi.removePerson(a.id, personId));
  type V = { partyId: string; role: string; name: string; function: string; email: string; phone: string };
  const empty: V = { partyId: '', role: 'signatory', name: '', function: '', email: '', phone: '' };
  const form = useSchemaForm({
    schema: addPersonBody,
    defaultValues: empty,
    toBody: (v: V) => ({
      partyId: v.partyId,
      role: v.role as 'signatory',
      name: v.name,
      function: v.function,
      email: v.email === '' ? null : v.email,
      phone: v.phone,
    }),
    submission: add,
  });
  const { values, set, text } = form;
  const submit = form.submit(async (body) => {
    const result = await add.run(body);
    if (result.ok) {
      onChange(result.value);
      set('name', '');
      set('function', '');
      set('email', '');
      set('phone', '');
    }
  });
  const editable = a.allowedActions.includes('agreement.contacts');
  return (
    <Section title={ta('partiesTitle')} id="agreement-parties">
      <ul className="plain-list">
        {a.parties.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong> ({ta(`sides.${p.side}`)})
            {p.people.length === 0 ? (
              <span className="cell-note">{ta('noPeople')}</span>
            ) : (
              <ul>
                {p.people.map((person) => (
                  <li key={person.id}>
                    {ta(`personRoles.${person.role}`)}: {person.name}
                    {person.function && <>, {person.function}</>}
                    {person.email && <> · {person.email}</>}
                    {person.phone && <> · {person.phone}</>}
                    {editable && (
                      <>
                        {' '}
                        <Button
                          onClick={() =>
                            void (async () => {
                              const result = await remove.run(person.id);
                              if (result.ok) onChange(result.value);
                            })()
                          }
                          aria-label={`${ta('remove')}: ${person.name}`}
                        >
                          {ta('remove')}
                        </Button>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <Form onSubmit={submit} error={add.error} pending={add.pending} aria-label={ta('addPerson')}>
          <h3>{ta('addPerson')}</h3>
          <SelectField
            {...text('partyId')}
            label={ta('party')}
            required
            emptyLabel=""
            options={a.parties.map((p) => ({ value: p.id, label: p.name }))}
          />
          <RadioGroup
            name="role"
            legend={ta('role')}
            required
            inline
            value={values.role}
            options={partyPersonRoles.map((r) => ({ value: r, label: ta(`personRoles.${r}`) }))}
            onChange={(value) => set('role', value)}
          />
          <TextField {...text('name')} label={ta('name')} required maxLength={200} />
          <TextField {...text('function')} label={ta('function')} maxLength={200} />
          <TextField {...text('email')} type="email" label={ta('email')} maxLength={254} />
          <TextField {...text('phone')} type="tel" label={ta('phone')} maxLength={50} />
          <div className="form-actions">
            <SubmitButton>{ta('addPerson')}</SubmitButton>
          </div>
        </Form>
      )}
    </Section>
  );
}

// ---------------------------------------------------------------------------------------------

function ClausesSection({ agreement: a, onChange }: { agreement: Agreement; onChange: Update }) {
  const { t: ta } = useTranslation('agreements');
  const editable = a.allowedActions.includes('agreement.edit');
  const tick = useSubmit((clauseId: string, selected: boolean) =>
    agreementsApi.updateClause(a.id, clauseId, { version: a.version, selected }),
  );
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Section title={ta('clausesTitle')} id="agreement-clauses">
      {editable ? (
        <p>{ta('clausesIntro')}</p>
      ) : (
        a.signedVersion !== null && (
          <Notice tone="info">
            <p>{ta('locked')}</p>
          </Notice>
        )
      )}
      {tick.error && (
        <Notice tone="error" role="alert">
          <p>{tick.error.message}</p>
        </Notice>
      )}
      <ol className="plain-list">
        {a.clauses.map((c) => (
          <li key={c.id} className="card">
            <h3>{c.title}</h3>
            {editing === c.id ? (
              <ClauseEditor
                agreement={a}
                clause={c}
                onDone={(next) => {
                  if (next) onChange(next);
                  setEditing(null);
                }}
              />
            ) : (
              <>
                <p>{c.text}</p>
                {editable ? (
                  <>
                    <CheckboxField
                      name={`selected-${c.id}`}
                      label={`${ta('agreed')}: ${c.title}`}
                      checked={c.selected}
                      disabled={tick.pending}
                      onChange={(checked) =>
                        void (async () => {
                          const result = await tick.run(c.id, checked);
                          if (result.ok) onChange(result.value);
                        })()
                      }
                    />
                    <Button onClick={() => setEditing(c.id)} aria-label={`${ta('edit')}: ${c.title}`}>
                      {ta('edit')}
                    </Button>
                  </>
                ) : (
                  !c.selected && <p className="cell-note">{ta('notAgreed')}</p>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
      {editable && <AddClause agreement={a} onChange={onChange} />}
    </Section>
  );
}

function ClauseEditor({
  agreement: a,
  clause,
  onDone,
}: {
  agreement: Agreement;
  clause: Agreement['clauses'][number];
  onDone: (next: Agreement | null) => void;
}) {
  const { t: ta } = useTranslation('agreements');
  const save = useSubmit((body: z.output<typeof updateClauseBody>) =>
    agreementsApi.updateClause(a.id, clause.id, body),
  );
  type V = { title: string; text: string };
  const form = useSchemaForm({
    schema: updateClauseBody,
    defaultValues: { title: clause.title, text: clause.text },
    toBody: (v: V) => ({ version: a.version, title: v.title, text: v.text }),
    submission: save,
  });
  const { text } = form;
  const submit = form.submit(async (body) => {
    const result = await save.run(body);
    if (result.ok) onDone(result.value);
  });
  return (
    <Form
      onSubmit={submit}
      error={save.error}
      pending={save.pending}
      aria-label={`${ta('edit')}: ${clause.title}`}
    >
      <TextField {...text('title')} label={ta('clauseTitle')} required maxLength={200} />
      <TextArea {...text('text')} label={ta('clauseText')} required rows={8} />
      <div className="form-actions">
        <SubmitButton>{ta('save')}</SubmitButton>
        <Button onClick={() => onDone(null)}>{ta('cancel')}</Button>
      </div>
    </Form>
  );
}

function AddClause({ agreement: a, onChange }: { agreement: Agreement; onChange: Update }) {
  const { t: ta } = useTranslation('agreements');
  const add = useSubmit((body: z.output<typeof addClauseBody>) => agreementsApi.addClause(a.id, body));
  type V = { title: string; text: string };
  const form = useSchemaForm({
    schema: addClauseBody,
    defaultValues: { title: '', text: '' },
    toBody: (v: V) => ({ version: a.version, title: v.title, text: v.text }),
    submission: add,
  });
  const { text, set } = form;
  const submit = form.submit(async (body) => {
    const result = await add.run(body);
    if (result.ok) {
      onChange(result.value);
      set('title', '');
      set('text', '');
    }
  });
  return (
    <Form onSubmit={submit} error={add.error} pending={add.pending} aria-label={ta('addClause')}>
      <h3>{ta('ownClause')}</h3>
      <TextField {...text('title')} label={ta('clauseTitle')} required maxLength={200} />
      <TextArea {...text('text')} label={ta('clauseText')} required />
      <div className="form-actions">
        <SubmitButton>{ta('addClause')}</SubmitButton>
      </div>
    </Form>
  );
}

// ---------------------------------------------------------------------------------------------

function DetailsSection({ agreement: a, onChange }: { agreement: Agreement; onChange: Update }) {
  const { t: ta } = useTranslation('agreements');
  const save = useSubmit((body: z.output<typeof updateAgreementBody>) => agreementsApi.update(a.id, body));
  const [saved, setSaved] = useState(false);
  type V = {
    responsibilitiesProvider: string;
    responsibilitiesPartner: string;
    clearingDaysPerWeek: string;
    clearingHoursPerWeek: string;
    premises: string;
    renewal: string;
  };
  const number = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));
  const form = useSchemaForm({
    schema: updateAgreementBody,
    defaultValues: {
      responsibilitiesProvider: a.responsibilitiesProvider ?? '',
      responsibilitiesPartner: a.responsibilitiesPartner ?? '',
      clearingDaysPerWeek: a.clearingDaysPerWeek?.toString() ?? '',
      clearingHoursPerWeek: a.clearingHoursPerWeek?.toString() ?? '',
      premises: a.premises ?? '',
      renewal: a.renewal ?? '',
    },
    toBody: (v: V) => ({
      version: a.version,
      responsibilitiesProvider: v.responsibilitiesProvider,
      responsibilitiesPartner: v.responsibilitiesPartner,
      clearingDaysPerWeek: number(v.clearingDaysPerWeek),
      clearingHoursPerWeek: number(v.clearingHoursPerWeek),
      premises: v.premises,
      renewal: v.renewal,
    }),
    submission: save,
  });
  const { text } = form;
  const submit = form.submit(async (body) => {
    const result = await save.run(body);
    if (result.ok) {
      onChange(result.value);
      setSaved(true);
    }
  });
  return (
    <Section title={ta('detailsTitle')} id="agreement-details">
      <Form onSubmit={submit} error={save.error} pending={save.pending} aria-label={ta('detailsTitle')}>
        <TextArea {...text('responsibilitiesProvider')} label={ta('responsibilitiesProvider')} rows={3} />
        <TextArea {...text('responsibilitiesPartner')} label={ta('responsibilitiesPartner')} rows={3} />
        {a.model === 'abh_clearing' && (
          <>
            <TextField {...text('clearingDaysPerWeek')} inputMode="numeric" label={ta('clearingDays')} />
            <TextField {...text('clearingHoursPerWeek')} inputMode="decimal" label={ta('clearingHours')} />
          </>
        )}
        <TextArea {...text('premises')} label={ta('premises')} rows={3} />
        <TextArea {...text('renewal')} label={ta('renewal')} rows={2} />
        <p>
          {ta('communication')}:{' '}
          {a.communication
            .map((c) => `${ta(`meetingKinds.${c.kind}`)} (${ta('perYear', { count: c.perYear })})`)
            .join('; ') || '–'}
        </p>
        {saved && (
          <p role="status" className="cell-note">
            {ta('saved')}
          </p>
        )}
        <div className="form-actions">
          <SubmitButton>{ta('saveDetails')}</SubmitButton>
        </div>
      </Form>
    </Section>
  );
}

// ---------------------------------------------------------------------------------------------

function CommentsSection({ agreement: a, onChange }: { agreement: Agreement; onChange: Update }) {
  const { t: ta } = useTranslation('agreements');
  const locale = currentLocale();
  const send = useSubmit((body: z.output<typeof commentBody>) => agreementsApi.comment(a.id, body));
  type V = { body: string; clauseId: string };
  const form = useSchemaForm({
    schema: commentBody,
    defaultValues: { body: '', clauseId: '' },
    toBody: (v: V) => ({ body: v.body, ...(v.clauseId ? { clauseId: v.clauseId } : {}) }),
    submission: send,
  });
  const { text, set } = form;
  const submit = form.submit(async (body) => {
    const result = await send.run(body);
    if (result.ok) {
      onChange(result.value);
      set('body', '');
    }
  });
  const clauseTitle = (id: string | null) => a.clauses.find((c) => c.id === id)?.title;
  return (
    <Section title={ta('commentsTitle')} id="agreement-comments">
      {a.comments.length === 0 ? (
        <p>{ta('commentsEmpty')}</p>
      ) : (
        <ul className="plain-list">
          {a.comments.map((c) => (
            <li key={c.id}>
              <strong>
                {c.authorName} ({c.organisationName})
              </strong>
              , {formatDateTime(c.createdAt, locale)}
              {c.clauseId && <> · {clauseTitle(c.clauseId)}</>}
              <p>{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      {a.allowedActions.includes('agreement.comment') && (
        <Form onSubmit={submit} error={send.error} pending={send.pending} aria-label={ta('comment')}>
          <SelectField
            {...text('clauseId')}
            label={ta('commentOn')}
            emptyLabel={ta('commentGeneral')}
            options={a.clauses.map((c) => ({ value: c.id, label: c.title }))}
          />
          <TextArea {...text('body')} label={ta('comment')} required rows={3} />
          <div className="form-actions">
            <SubmitButton>{ta('send')}</SubmitButton>
          </div>
        </Form>
      )}
    </Section>
  );
}

// ---------------------------------------------------------------------------------------------

function DocumentSection({ agreement: a, onChange }: { agreement: Agreement; onChange: Update }) {
  const { t: ta } = useTranslation('agreements');
  const locale = currentLocale();
  const openPdf = usePdfWindow();
  const print = useSubmit(() => agreementsApi.pdf(a.id));
  const upload = useSubmit((file: File) => agreementsApi.uploadScan(a.id, file));
  const [file, setFile] = useState<File | null>(null);
  const fileId = useId();
  return (
    <Section title={ta('documentTitle')} id="agreement-document">
      {print.error && (
        <Notice tone="error" role="alert">
          <p>{print.error.message}</p>
        </Notice>
      )}
      <p>
        <Button
          variant="primary"
          disabled={print.pending}
          onClick={() =>
            void (async () => {
              const result = await print.run();
              if (result.ok) openPdf(result.value);
            })()
          }
        >
          {ta('printPdf')}
        </Button>
      </p>
      {a.scan ? (
        <p>
          {ta('scanStored', { name: a.scan.fileName, date: formatDateTime(a.scan.uploadedAt, locale) })}{' '}
          <a href={agreementsApi.scanPath(a.id)} target="_blank" rel="noopener noreferrer">
            {ta('openScan')}
          </a>
        </p>
      ) : (
        <p>{a.allowedActions.includes('agreement.upload_scan') ? ta('noScan') : ta('scanAfterSigning')}</p>
      )}
      {a.allowedActions.includes('agreement.upload_scan') && (
        <Form
          onSubmit={() =>
            void (async () => {
              if (!file) return;
              const result = await upload.run(file);
              if (result.ok) onChange(result.value);
            })()
          }
          error={upload.error}
          pending={upload.pending}
          aria-label={ta('scanFile')}
        >
          <div className="field">
            <label htmlFor={fileId}>{ta('scanFile')}</label>
            <input
              id={fileId}
              type="file"
              name="file"
              accept="application/pdf,image/png,image/jpeg"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </div>
          <div className="form-actions">
            <SubmitButton disabled={!file}>{ta('upload')}</SubmitButton>
          </div>
        </Form>
      )}
    </Section>
  );
}

// ---------------------------------------------------------------------------------------------

function CompareSection({ agreement: a }: { agreement: Agreement }) {
  const { t: ta } = useTranslation('agreements');
  const [range, setRange] = useState({
    from: String(Math.max(1, a.clauseVersion - 1)),
    to: String(a.clauseVersion),
  });
  const [shown, setShown] = useState<Compare | null>(null);
  const compare = useSubmit(() => agreementsApi.compare(a.id, Number(range.from), Number(range.to)));
  const versions = Array.from({ length: a.clauseVersion }, (_, i) => String(i + 1)).map((v) => ({
    value: v,
    label: ta('version', { version: v }),
  }));
  const cell = (c: Compare['rows'][number]['from']) =>
    c ? (
      <>
        <strong>{c.title}</strong>
        {!c.selected && <span className="cell-note">{ta('notAgreed')}</span>}
        <p>{c.text}</p>
      </>
    ) : (
      ta('absent')
    );
  return (
    <Section title={ta('compareTitle')} id="agreement-compare">
      <Form
        onSubmit={() =>
          void (async () => {
            const result = await compare.run();
            if (result.ok) setShown(result.value);
          })()
        }
        error={compare.error}
        pending={compare.pending}
        aria-label={ta('compareTitle')}
      >
        <SelectField
          name="from"
          label={ta('from')}
          value={range.from}
          options={versions}
          onChange={(v) => setRange({ ...range, from: v })}
        />
        <SelectField
          name="to"
          label={ta('to')}
          value={range.to}
          options={versions}
          onChange={(v) => setRange({ ...range, to: v })}
        />
        <div className="form-actions">
          <SubmitButton>{ta('compare')}</SubmitButton>
        </div>
      </Form>
      {shown && (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{ta('compareTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{ta('version', { version: shown.from })}</th>
                <th scope="col">{ta('version', { version: shown.to })}</th>
                <th scope="col">{ta('status')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.rows.map((r) => (
                <tr key={r.clauseId} className={r.changed ? 'row-changed' : undefined}>
                  <td>{cell(r.from)}</td>
                  <td>{cell(r.to)}</td>
                  <td>{r.changed ? ta('changed') : ta('unchanged')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

// ---------------------------------------------------------------------------------------------

function MeetingsSection({ agreement: a, onChange }: { agreement: Agreement; onChange: Update }) {
  const { t: ta } = useTranslation('agreements');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const schedule = useSubmit(() => agreementsApi.schedule(a.id, Number(year)));
  const canPlan = a.allowedActions.includes('meeting.plan');
  return (
    <Section title={ta('meetingsTitle')} id="agreement-meetings">
      {a.meetings.length === 0 && <p>{ta('meetingsEmpty')}</p>}
      {a.meetings.map((m) => (
        <MeetingCard key={m.id} agreement={a} meeting={m} onChange={onChange} />
      ))}
      {canPlan && a.communication.length > 0 && (
        <Form
          onSubmit={() =>
            void (async () => {
              const result = await schedule.run();
              if (result.ok) onChange(result.value);
            })()
          }
          error={schedule.error}
          pending={schedule.pending}
          aria-label={ta('schedule')}
        >
          <TextField
            name="year"
            label={ta('scheduleYear')}
            inputMode="numeric"
            value={year}
            onChange={setYear}
          />
          <div className="form-actions">
            <SubmitButton>{ta('schedule')}</SubmitButton>
          </div>
        </Form>
      )}
      {canPlan && <PlanMeeting agreement={a} onChange={onChange} />}
    </Section>
  );
}

function PlanMeeting({ agreement: a, onChange }: { agreement: Agreement; onChange: Update }) {
  const { t: ta } = useTranslation('agreements');
  const plan = useSubmit((body: z.output<typeof planMeetingBody>) => agreementsApi.planMeeting(a.id, body));
  type V = {
    kind: string;
    title: string;
    startsAt: string;
    durationMinutes: string;
    location: string;
    audience: string;
  };
  const form = useSchemaForm({
    schema: planMeetingBody,
    defaultValues: {
      kind: '',
      title: '',
      startsAt: '',
      durationMinutes: '90',
      location: '',
      audience: '',
    },
    toBody: (v: V) => ({
      kind: v.kind as MeetingKind,
      title: v.title,
      // a local date and time in the browser, sent with its offset
      startsAt: v.startsAt ? withOffset(v.startsAt) : '',
      durationMinutes: Number(v.durationMinutes),
      location: v.location,
      audience: v.audience,
    }),
    submission: plan,
  });
  const { values, set, text } = form;
  const submit = form.submit(async (body) => {
    const result = await plan.run(body);
    if (result.ok) {
      onChange(result.value);
      set('title', '');
      set('startsAt', '');
    }
  });
  return (
    <Form onSubmit={submit} error={plan.error} pending={plan.pending} aria-label={ta('planTitle')}>
      <h3>{ta('planTitle')}</h3>
      <SelectField
        {...text('kind')}
        label={ta('kind')}
        required
        emptyLabel=""
        options={meetingKinds.map((k) => ({ value: k, label: ta(`meetingKinds.${k}`) }))}
        onChange={(value) => {
          set('kind', value);
          if (!values.title && value) set('title', ta(`meetingKinds.${value as MeetingKind}`));
        }}
      />
      <TextField {...text('title')} label={ta('title')} required maxLength={200} />
      <TextField {...text('startsAt')} type="datetime-local" label={ta('startsAt')} required />
      <TextField {...text('durationMinutes')} inputMode="numeric" label={ta('duration')} />
      <TextField {...text('location')} label={ta('location')} maxLength={200} />
      {(values.kind === 'staff_presentation' || values.kind === 'course_presentation') && (
        <TextField {...text('audience')} label={ta('audience')} maxLength={200} />
      )}
      <div className="form-actions">
        <SubmitButton>{ta('plan')}</SubmitButton>
      </div>
    </Form>
  );
}

/** '2027-03-30T10:00' in the browser's zone as an ISO instant with offset. */
function withOffset(local: string): string {
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) return local;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${local.length === 16 ? `${local}:00` : local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

function MeetingCard({
  agreement: a,
  meeting: m,
  onChange,
}: {
  agreement: Agreement;
  meeting: Meeting;
  onChange: Update;
}) {
  const { t: ta } = useTranslation('agreements');
  const locale = currentLocale();
  const { user } = useActiveSession();
  const canRecord = a.allowedActions.includes('meeting.record');
  const canPlan = a.allowedActions.includes('meeting.plan');
  const invite = useSubmit(() => agreementsApi.invite(m.id));
  const done = useSubmit((actionId: string) => agreementsApi.completeAction(actionId));
  const [invited, setInvited] = useState<number | null>(null);
  const headingId = useId();
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {m.title} – {formatDateTime(m.startsAt, locale)}
      </h3>
      <p>
        {ta(`meetingKinds.${m.kind}`)} · {ta(`meetingStatuses.${m.status}`)}
        {m.location && <> · {m.location}</>}
        {m.audience && <> · {m.audience}</>}
      </p>
      {m.attendees.length > 0 && (
        <p>
          {ta('attendees')}: {m.attendees.map((x) => x.name).join(', ')}
        </p>
      )}
      {m.minutes && (
        <>
          <h4>{ta('minutes')}</h4>
          <p>{m.minutes}</p>
        </>
      )}
      <h4>{ta('actions')}</h4>
      {m.actions.length === 0 ? (
        <p>{ta('noActions')}</p>
      ) : (
        <ul className="plain-list">
          {m.actions.map((x) => (
            <li key={x.id}>
              {x.title} · {x.ownerName} · {ta('dueOn')} {formatCalendarDate(x.dueOn, locale)}
              {x.doneAt ? (
                <span className="badge"> {ta('done')}</span>
              ) : (
                <>
                  {x.overdue && <span className="badge badge-invited"> {ta('overdue')}</span>}
                  {(canRecord || x.ownerUserId === user.id) && (
                    <>
                      {' '}
                      <Button
                        onClick={() =>
                          void (async () => {
                            const result = await done.run(x.id);
                            if (result.ok) onChange(result.value);
                          })()
                        }
                        aria-label={`${ta('markDone')}: ${x.title}`}
                      >
                        {ta('markDone')}
                      </Button>
                    </>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={agreementsApi.icsPath(m.id)} download="einladung.ics">
          {ta('ics')}
        </a>
        {canPlan && m.attendees.some((x) => x.email) && (
          <>
            {' '}
            <Button
              onClick={() =>
                void (async () => {
                  const result = await invite.run();
                  if (result.ok) setInvited(result.value.sent);
                })()
              }
            >
              {ta('invite')}
            </Button>
          </>
        )}
      </p>
      {invited !== null && (
        <p role="status" className="cell-note">
          {ta('invited', { count: invited })}
        </p>
      )}
      {canRecord && <MinutesForm agreement={a} meeting={m} onChange={onChange} />}
      {canRecord && <ActionForm meeting={m} onChange={onChange} />}
    </article>
  );
}

function MinutesForm({ meeting: m, onChange }: { agreement: Agreement; meeting: Meeting; onChange: Update }) {
  const { t: ta } = useTranslation('agreements');
  const save = useSubmit((body: z.output<typeof updateMeetingBody>) =>
    agreementsApi.updateMeeting(m.id, body),
  );
  type V = { status: string; minutes: string; attendees: string };
  const parseAttendees = (s: string) =>
    s
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [name = '', email = ''] = line.split(',').map((x) => x.trim());
        return { name, email: email === '' ? null : email };
      });
  const form = useSchemaForm({
    schema: updateMeetingBody,
    defaultValues: {
      status: String(m.status),
      minutes: m.minutes ?? '',
      attendees: m.attendees.map((x) => [x.name, x.email].filter(Boolean).join(', ')).join('\n'),
    },
    toBody: (v: V) => ({
      version: m.version,
      status: v.status as 'held',
      minutes: v.minutes,
      attendees: parseAttendees(v.attendees),
    }),
    submission: save,
  });
  const { values, set, text } = form;
  const submit = form.submit(async (body) => {
    const result = await save.run(body);
    if (result.ok) onChange(result.value);
  });
  return (
    <Form
      onSubmit={submit}
      error={save.error}
      pending={save.pending}
      aria-label={`${ta('minutes')}: ${m.title}`}
    >
      <RadioGroup
        name="status"
        legend={ta('meetingStatus')}
        inline
        value={values.status}
        options={meetingStatuses.map((s) => ({ value: s, label: ta(`meetingStatuses.${s}`) }))}
        onChange={(value) => set('status', value)}
      />
      <TextArea {...text('attendees')} label={ta('attendees')} hint={ta('attendeesHint')} rows={3} />
      <TextArea {...text('minutes')} label={ta('minutes')} rows={5} />
      <div className="form-actions">
        <SubmitButton>{ta('saveMinutes')}</SubmitButton>
      </div>
    </Form>
  );
}

function ActionForm({ meeting: m, onChange }: { meeting: Meeting; onChange: Update }) {
  const { t: ta } = useTranslation('agreements');
  const { user } = useActiveSession();
  const add = useSubmit((body: z.output<typeof actionBody>) => agreementsApi.addAction(m.id, body));
  type V = { title: string; ownerName: string; mine: boolean; dueOn: string };
  const form = useSchemaForm({
    schema: actionBody,
    defaultValues: { title: '', ownerName: '', mine: false, dueOn: '' },
    toBody: (v: V) => ({
      title: v.title,
      ownerName: v.mine ? user.displayName : v.ownerName,
      ...(v.mine ? { ownerUserId: user.id } : {}),
      dueOn: v.dueOn,
    }),
    submission: add,
  });
  const { values, set, text } = form;
  const submit = form.submit(async (body) => {
    const result = await add.run(body);
    if (result.ok) {
      onChange(result.value);
      set('title', '');
      set('dueOn', '');
    }
  });
  return (
    <Form
      onSubmit={submit}
      error={add.error}
      pending={add.pending}
      aria-label={`${ta('addAction')}: ${m.title}`}
    >
      <TextField {...text('title')} label={ta('actionTitle')} required maxLength={500} />
      <CheckboxField
        name="mine"
        label={ta('ownerMe')}
        checked={values.mine}
        onChange={(v) => set('mine', v)}
      />
      {!values.mine && <TextField {...text('ownerName')} label={ta('owner')} required maxLength={200} />}
      <TextField {...text('dueOn')} type="date" label={ta('dueOn')} required />
      <div className="form-actions">
        <SubmitButton>{ta('addAction')}</SubmitButton>
      </div>
    </Form>
  );
}

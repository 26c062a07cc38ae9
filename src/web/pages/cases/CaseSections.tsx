import { useContext, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases.ts';
import type { Activity, CaseDetail, Contact, Party, Qualification, Situation } from '../../api/cases.ts';
import {
  analysisBody,
  closeCaseBody,
  intakeBody,
  updateCaseBody,
} from '../../../server/modules/cases/cases.schemas.ts';
import { Button } from '../../components/Buttons.tsx';
import { ConflictNotice, isConflict } from '../../components/ConflictNotice.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { Column } from '../../components/DataTable.tsx';
import { CountryField, LanguagesField } from '../../components/CodePickers.tsx';
import { CheckboxGroup, SelectField, TextField } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Section } from '../../components/Page.tsx';
import { useFormValues } from '../../hooks/useFormValues.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatDateTime } from '../../i18n/format.ts';
import type { SectionProps } from './CasePage.tsx';
import {
  CaseForm,
  Details,
  editButtonId,
  SavedContext,
  SectionEditButton,
  useSectionForm,
} from './CaseForm.tsx';
import { categoryLabel, categoryOptions, formatDay, intOrNull, localDateTime, orNull } from './caseFormat.ts';
import { RecordListSection, type RecordKind } from './RecordListSection.tsx';
import { RowList } from './RowList.tsx';
import { TextAreaField } from './TextAreaField.tsx';
import { caseDateCheck } from './dateChecks.ts';
import { countryName, languageList } from '../../lib/names.ts';
import { todayIso } from '../../lib/validate.ts';

const cefr = ['none', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
const works = [
  'employed',
  'self_employed',
  'minor_employment',
  'training',
  'job_seeking',
  'not_seeking',
  'unknown',
] as const;
const phases = ['intake', 'analysis', 'plan', 'implementation'] as const;
const schoolings = ['none', 'primary', 'secondary', 'upper_secondary', 'university'] as const;
const housings = ['own_flat', 'with_family', 'shared_accommodation', 'homeless', 'other'] as const;
const recognitions = [
  'not_needed',
  'not_started',
  'in_progress',
  'recognised',
  'partially_recognised',
  'not_recognised',
] as const;
const forms = ['in_person', 'phone', 'video', 'message', 'home_visit'] as const;
const contactStatuses = ['held', 'planned', 'missed', 'cancelled'] as const;
const activityKinds = ['course_support', 'childcare'] as const;
const activityStatuses = ['planned', 'active', 'done', 'cancelled'] as const;
const parties = [
  'counselling',
  'jobcenter',
  'course_provider_or_clearing',
  'abh',
  'jobcenter_or_abh',
] as const;

function useLevelOptions() {
  const { t: tc } = useTranslation('cases');
  return cefr.map((v) => ({ value: v, label: tc(`cefr.${v}`) }));
}

interface SituationValues {
  livelihood: string;
  languageLevel: string;
  work: string;
}

const situationValues = (s?: Situation): SituationValues => ({
  livelihood: s?.livelihood ?? '',
  languageLevel: s?.languageLevel ?? '',
  work: s?.work ?? '',
});

const situationInput = (v: SituationValues) => ({
  livelihood: orNull(v.livelihood),
  languageLevel: orNull(v.languageLevel),
  work: orNull(v.work),
});

/** The situation at the start or at the end of a case (for impact statistics). */
function SituationFieldset({
  name,
  legend,
  values,
  onChange,
  settings,
  stored,
}: {
  name: 'situationStart' | 'situationEnd';
  legend: string;
  values: SituationValues;
  onChange: (values: SituationValues) => void;
  settings: SectionProps['settings'];
  /** The stored livelihood, selectable even when the list has retired it. */
  stored?: string | null;
}) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const levels = useLevelOptions();
  const field = (key: keyof SituationValues) => ({
    name: `${name}.${key}`,
    value: values[key],
    onChange: (value: string) => onChange({ ...values, [key]: value }),
    emptyLabel: t('common.notSpecified'),
  });
  return (
    <fieldset className="field-group">
      <legend>{legend}</legend>
      <div className="form-grid">
        <SelectField
          {...field('livelihood')}
          label={tc('livelihood')}
          options={categoryOptions(settings, 'livelihood', locale, [stored])}
        />
        <SelectField {...field('languageLevel')} label={tc('germanLevel')} options={levels} />
        <SelectField
          {...field('work')}
          label={tc('work')}
          options={works.map((w) => ({ value: w, label: tc(`works.${w}`) }))}
        />
      </div>
    </fieldset>
  );
}

/** Phase, review date and the situation at the start (for impact statistics). */
export function CaseCoreSection({ c, settings, canEdit, onChange, onReload }: SectionProps) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const form = useSectionForm('core', canEdit);
  const { values, set, text } = useFormValues({
    phase: c.phase ?? '',
    nextReviewOn: c.nextReviewOn ?? '',
    situation: situationValues(c.situationStart),
  });
  const body = () => ({
    version: c.version,
    ...(c.caseType === 'case_management' && values.phase ? { phase: values.phase } : {}),
    nextReviewOn: orNull(values.nextReviewOn),
    situationStart: situationInput(values.situation),
  });
  const save = useSubmit(() => casesApi.update(c.id, body()));
  const title = tc('coreTitle');
  const levels = useLevelOptions();
  const start = c.situationStart;
  return (
    <Section title={title} id="core" actions={canEdit && <SectionEditButton section="core" title={title} />}>
      {form.open ? (
        <CaseForm
          submission={save}
          schema={updateCaseBody}
          body={body}
          checks={() => [caseDateCheck(tc, locale, 'nextReviewOn', values.nextReviewOn || null, 'planned')]}
          onSaved={(next) => {
            form.close();
            onChange(() => next);
          }}
          onReload={onReload}
          onCancel={form.close}
          submitLabel={t('actions.save')}
          markRequired={false}
          aria-labelledby="core-heading"
        >
          <div className="form-grid">
            {c.caseType === 'case_management' && (
              <SelectField
                {...text('phase')}
                label={tc('phaseLabel')}
                options={phases.map((p) => ({ value: p, label: tc(`phases.${p}`) }))}
              />
            )}
            <TextField {...text('nextReviewOn')} type="date" label={tc('nextReview')} />
          </div>
          <SituationFieldset
            name="situationStart"
            legend={tc('situationStart')}
            values={values.situation}
            onChange={(v) => set('situation', v)}
            settings={settings}
            stored={c.situationStart.livelihood}
          />
        </CaseForm>
      ) : (
        <Details
          rows={[
            [tc('openedOn'), formatDay(c.openedOn, locale)],
            [tc('wayIn'), categoryLabel(settings, 'wayIn', c.wayIn, locale)],
            ...(c.serviceOverrideReason ? [[tc('overrideReason'), c.serviceOverrideReason] as const] : []),
            ...(c.caseType === 'case_management'
              ? [[tc('phaseLabel'), c.phase ? tc(`phases.${c.phase}`) : ''] as const]
              : []),
            [tc('nextReview'), formatDay(c.nextReviewOn, locale)],
            [
              tc('situationStart'),
              [
                categoryLabel(settings, 'livelihood', start.livelihood, locale),
                levels.find((l) => l.value === start.languageLevel)?.label,
                start.work ? tc(`works.${start.work as (typeof works)[number]}`) : '',
              ]
                .filter(Boolean)
                .join(' · '),
            ],
          ]}
        />
      )}
    </Section>
  );
}

/** R-CASE-3 Sondierungsgespräch. */
export function IntakeSection({ c, settings, canEdit, onChange, onReload }: SectionProps) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const intake = c.intake;
  const form = useSectionForm('intake', canEdit);
  const { values, set, text } = useFormValues({
    heldOn: intake?.heldOn ?? todayIso(),
    reason: intake?.reason ?? '',
    concerns: intake?.concerns ?? '',
    agreedNextSteps: intake?.agreedNextSteps ?? '',
    topics: intake?.topics ?? [],
  });
  const body = () => ({
    ...(intake ? { version: intake.version } : {}),
    heldOn: values.heldOn,
    reason: values.reason,
    concerns: orNull(values.concerns),
    agreedNextSteps: orNull(values.agreedNextSteps),
    topics: values.topics,
  });
  const save = useSubmit(() => casesApi.saveIntake(c.id, body()));
  const title = tc('intakeTitle');
  return (
    <Section
      title={title}
      id="intake"
      actions={canEdit && <SectionEditButton section="intake" title={title} />}
    >
      {form.open ? (
        <CaseForm
          submission={save}
          schema={intakeBody}
          body={body}
          checks={() => [caseDateCheck(tc, locale, 'heldOn', values.heldOn, 'past')]}
          onSaved={({ casePhase, ...saved }) => {
            form.close();
            // The answer carries the case's phase after the save, so the case is not read again.
            onChange((current) => ({ ...current, intake: saved, phase: casePhase }));
          }}
          onReload={onReload}
          onCancel={form.close}
          submitLabel={t('actions.save')}
          aria-labelledby="intake-heading"
        >
          <TextField {...text('heldOn')} type="date" label={tc('heldOn')} required />
          <TextAreaField
            name="reason"
            label={tc('intakeReason')}
            value={values.reason}
            onChange={(v) => set('reason', v)}
            required
          />
          <TextAreaField
            name="concerns"
            label={tc('concerns')}
            value={values.concerns}
            onChange={(v) => set('concerns', v)}
          />
          <TextAreaField
            name="agreedNextSteps"
            label={tc('agreedNextSteps')}
            value={values.agreedNextSteps}
            onChange={(v) => set('agreedNextSteps', v)}
          />
          <CheckboxGroup
            name="topics"
            legend={tc('topics')}
            inline
            values={values.topics}
            options={categoryOptions(settings, 'topics', locale, intake?.topics ?? [])}
            onChange={(v) => set('topics', v)}
          />
        </CaseForm>
      ) : intake ? (
        <Details
          rows={[
            [tc('heldOn'), formatDay(intake.heldOn, locale)],
            [tc('intakeReason'), intake.reason],
            [tc('concerns'), intake.concerns ?? ''],
            [tc('agreedNextSteps'), intake.agreedNextSteps ?? ''],
            [tc('topics'), intake.topics.map((x) => categoryLabel(settings, 'topics', x, locale)).join(', ')],
          ]}
        />
      ) : (
        <p className="empty">{tc('notRecorded')}</p>
      )}
    </Section>
  );
}

interface QualificationRow extends Omit<Qualification, 'country'> {
  key: number;
  country: string;
}

/** R-CASE-3 Sozial- und Kompetenzanalyse; health is GDPR Art. 9 and marked as such. */
export function AnalysisSection({ c, settings, canEdit, onChange, onReload }: SectionProps) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const levels = useLevelOptions();
  const a = c.analysis;
  const form = useSectionForm('analysis', canEdit);
  const nextKey = useRef(1);
  const { values, set, text } = useFormValues({
    germanLevel: a?.germanLevel ?? '',
    otherLanguages: (a?.otherLanguages ?? []).join(', '),
    schooling: a?.schooling ?? '',
    schoolingYears: a?.schoolingYears ? String(a.schoolingYears) : '',
    workExperience: a?.workExperience ?? '',
    familySituation: a?.familySituation ?? '',
    housing: a?.housing ?? '',
    housingNote: a?.housingNote ?? '',
    residenceStatusGroup: a?.residenceStatusGroup ?? '',
    livelihood: a?.livelihood ?? [],
    healthNote: a?.health?.note ?? '',
    qualifications: (a?.qualifications ?? []).map((q): QualificationRow => ({
      ...q,
      country: q.country ?? '',
      key: nextKey.current++,
    })),
  });
  const healthVisible = !a?.healthWithheld;
  const body = () => ({
    ...(a ? { version: a.version } : {}),
    germanLevel: orNull(values.germanLevel),
    otherLanguages: values.otherLanguages.split(/[\s,;]+/).filter(Boolean),
    schooling: orNull(values.schooling),
    schoolingYears: intOrNull(values.schoolingYears),
    qualifications: values.qualifications.map(({ key: _key, ...q }) => ({
      ...q,
      country: q.country || null,
    })),
    workExperience: orNull(values.workExperience),
    familySituation: orNull(values.familySituation),
    housing: orNull(values.housing),
    housingNote: orNull(values.housingNote),
    residenceStatusGroup: orNull(values.residenceStatusGroup),
    livelihood: values.livelihood,
    ...(healthVisible ? { healthNote: orNull(values.healthNote) } : {}),
  });
  const save = useSubmit(() => casesApi.saveAnalysis(c.id, body()));
  const title = tc('analysisTitle');
  const none = t('common.notSpecified');
  if (!form.open) {
    return (
      <Section
        title={title}
        id="analysis"
        actions={canEdit && <SectionEditButton section="analysis" title={title} />}
      >
        {a ? (
          <Details
            rows={[
              [tc('germanLevel'), levels.find((l) => l.value === a.germanLevel)?.label ?? ''],
              [tc('otherLanguages'), languageList(a.otherLanguages, locale)],
              [
                tc('schooling'),
                [
                  a.schooling ? tc(`schoolings.${a.schooling as (typeof schoolings)[number]}`) : '',
                  a.schoolingYears ? tc('schoolingYearsShort', { count: a.schoolingYears }) : '',
                ]
                  .filter(Boolean)
                  .join(', '),
              ],
              [
                tc('qualifications'),
                a.qualifications.length > 0 && (
                  <ul className="plain-list">
                    {a.qualifications.map((q, i) => (
                      <li key={i}>
                        {[
                          categoryLabel(settings, 'qualificationTypes', q.type, locale),
                          q.title,
                          q.country ? countryName(q.country, locale) : '',
                          tc(`recognitions.${q.recognition as (typeof recognitions)[number]}`),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </li>
                    ))}
                  </ul>
                ),
              ],
              [tc('workExperience'), a.workExperience ?? ''],
              [tc('familySituation'), a.familySituation ?? ''],
              [
                tc('housing'),
                [
                  a.housing ? tc(`housings.${a.housing as (typeof housings)[number]}`) : '',
                  a.housingNote ?? '',
                ]
                  .filter(Boolean)
                  .join(' – '),
              ],
              [
                tc('residenceStatus'),
                categoryLabel(settings, 'residenceStatusGroups', a.residenceStatusGroup, locale),
              ],
              [
                tc('livelihood'),
                a.livelihood.map((x) => categoryLabel(settings, 'livelihood', x, locale)).join(', '),
              ],
              [tc('health'), a.healthWithheld ? tc('healthWithheld') : (a.health?.note ?? none)],
            ]}
          />
        ) : (
          <p className="empty">{tc('notRecorded')}</p>
        )}
      </Section>
    );
  }
  return (
    <Section title={title} id="analysis">
      <CaseForm
        submission={save}
        schema={analysisBody}
        body={body}
        onSaved={({ casePhase, ...saved }) => {
          form.close();
          // Recording the analysis may move the case to its next phase; the answer says which.
          onChange((current) => ({ ...current, analysis: saved, phase: casePhase }));
        }}
        onReload={onReload}
        onCancel={form.close}
        submitLabel={t('actions.save')}
        markRequired={false}
        aria-labelledby="analysis-heading"
      >
        <div className="form-grid">
          <SelectField
            {...text('germanLevel')}
            label={tc('germanLevel')}
            emptyLabel={t('common.notSpecified')}
            options={levels}
          />
          <LanguagesField {...text('otherLanguages')} label={tc('otherLanguages')} />
          <SelectField
            {...text('schooling')}
            label={tc('schooling')}
            emptyLabel={t('common.notSpecified')}
            options={schoolings.map((s) => ({ value: s, label: tc(`schoolings.${s}`) }))}
          />
          <TextField {...text('schoolingYears')} inputMode="numeric" label={tc('schoolingYears')} />
        </div>
        <fieldset className="field-group">
          <legend>{tc('qualifications')}</legend>
          <RowList
            name="qualifications"
            rows={values.qualifications}
            onChange={(rows) => set('qualifications', rows)}
            newRow={(): QualificationRow => ({
              key: nextKey.current++,
              type: settings?.categories.qualificationTypes[0]?.code ?? 'other',
              title: '',
              country: '',
              recognition: 'not_started',
            })}
            firstField="type"
            removeLabel={(i) => tc('removeQualification', { n: i + 1 })}
            addLabel={tc('addQualification')}
          >
            {(q, { field, index }) => (
              <div className="form-grid">
                <SelectField
                  {...field('type')}
                  label={tc('qualificationType', { n: index + 1 })}
                  options={categoryOptions(settings, 'qualificationTypes', locale, [q.type])}
                />
                <TextField {...field('title')} label={tc('qualificationTitle')} />
                <CountryField {...field('country')} label={tc('country')} />
                <SelectField
                  {...field('recognition')}
                  label={tc('recognition')}
                  options={recognitions.map((r) => ({ value: r, label: tc(`recognitions.${r}`) }))}
                />
              </div>
            )}
          </RowList>
        </fieldset>
        <TextAreaField
          name="workExperience"
          label={tc('workExperience')}
          value={values.workExperience}
          onChange={(v) => set('workExperience', v)}
        />
        <TextAreaField
          name="familySituation"
          label={tc('familySituation')}
          value={values.familySituation}
          onChange={(v) => set('familySituation', v)}
        />
        <div className="form-grid">
          <SelectField
            {...text('housing')}
            label={tc('housing')}
            emptyLabel={t('common.notSpecified')}
            options={housings.map((h) => ({ value: h, label: tc(`housings.${h}`) }))}
          />
          <TextField {...text('housingNote')} label={tc('housingNote')} />
          <SelectField
            {...text('residenceStatusGroup')}
            label={tc('residenceStatus')}
            emptyLabel={t('common.notSpecified')}
            options={categoryOptions(settings, 'residenceStatusGroups', locale, [a?.residenceStatusGroup])}
          />
        </div>
        <CheckboxGroup
          name="livelihood"
          legend={tc('livelihood')}
          inline
          values={values.livelihood}
          options={categoryOptions(settings, 'livelihood', locale, a?.livelihood ?? [])}
          onChange={(v) => set('livelihood', v)}
        />
        {healthVisible ? (
          <TextAreaField
            name="healthNote"
            label={tc('health')}
            hint={tc('healthHint')}
            value={values.healthNote}
            onChange={(v) => set('healthNote', v)}
          />
        ) : (
          <Notice tone="info">
            <p>{tc('healthWithheld')}</p>
          </Notice>
        )}
      </CaseForm>
    </Section>
  );
}

/** The list with a changed entry replaced in place, or a new one first (newest first, as the server lists). */
function withRecord<T extends { id: string }>(list: readonly T[], record: T): T[] {
  return list.some((x) => x.id === record.id)
    ? list.map((x) => (x.id === record.id ? record : x))
    : [record, ...list];
}

function contactValues(c: CaseDetail, contact?: Contact) {
  return {
    startsAt: contact ? localDateTime(contact.startsAt) : '',
    form: contact?.form ?? 'in_person',
    status: contact?.status ?? 'held',
    durationMinutes: contact?.durationMinutes ? String(contact.durationMinutes) : '',
    topics: contact?.topics ?? [],
    // Only family members still on record can be marked present.
    present: (contact?.familyMemberIds ?? []).filter((f) => c.client.familyMembers.some((m) => m.id === f)),
    note: contact?.note ?? '',
  };
}

function contactInput(values: ReturnType<typeof contactValues>) {
  return {
    startsAt: values.startsAt ? new Date(values.startsAt).toISOString() : '',
    form: values.form,
    status: values.status,
    durationMinutes: intOrNull(values.durationMinutes),
    topics: values.topics,
    familyMemberIds: values.present,
    note: orNull(values.note),
  };
}

/** R-CASE-5: contacts and appointments, recorded and changed with one form. */
export function ContactsSection({ c, settings, canEdit, onChange, onReload }: SectionProps) {
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const when = (x: Contact) => formatDateTime(x.startsAt, locale);
  const columns: Column<Contact>[] = [
    { key: 'when', header: tc('when'), cell: when, rowHeader: true },
    { key: 'form', header: tc('contactForm'), cell: (x) => tc(`forms.${x.form}`) },
    { key: 'status', header: tc('contactStatus'), cell: (x) => tc(`contactStatuses.${x.status}`) },
    {
      key: 'minutes',
      header: tc('duration'),
      cell: (x) => (x.durationMinutes ? tc('minutes', { n: x.durationMinutes }) : ''),
    },
    {
      key: 'topics',
      header: tc('topics'),
      cell: (x) => x.topics.map((tp) => categoryLabel(settings, 'topics', tp, locale)).join(', '),
    },
    { key: 'note', header: tc('note'), cell: (x) => x.note ?? '' },
  ];
  const kind: RecordKind<Contact, ReturnType<typeof contactValues>, ReturnType<typeof contactInput>> = {
    toValues: (contact) => contactValues(c, contact),
    toInput: contactInput,
    add: (body) => casesApi.addContact(c.id, body),
    update: (contact, body) => casesApi.updateContact(c.id, contact.id, body),
    addSubmit: tc('addContactSubmit'),
    fields: ({ values, set, text }, contact) => (
      <>
        <div className="form-grid">
          <TextField {...text('startsAt')} type="datetime-local" label={tc('when')} required />
          <SelectField
            {...text('form')}
            label={tc('contactForm')}
            options={forms.map((f) => ({ value: f, label: tc(`forms.${f}`) }))}
          />
          <SelectField
            {...text('status')}
            label={tc('contactStatus')}
            options={contactStatuses.map((s) => ({ value: s, label: tc(`contactStatuses.${s}`) }))}
          />
          <TextField {...text('durationMinutes')} inputMode="numeric" label={tc('durationMinutes')} />
        </div>
        <CheckboxGroup
          name="topics"
          legend={tc('topics')}
          inline
          values={values.topics}
          options={categoryOptions(settings, 'topics', locale, contact?.topics ?? [])}
          onChange={(v) => set('topics', v)}
        />
        {c.client.familyMembers.length > 0 && (
          <CheckboxGroup
            name="familyMemberIds"
            legend={tc('present')}
            inline
            values={values.present}
            options={c.client.familyMembers.map((f) => ({
              value: f.id,
              label: `${tc(`relations.${f.relation}`)}${f.givenName ? ` ${f.givenName}` : ''}`,
            }))}
            onChange={(v) => set('present', v)}
          />
        )}
        <TextAreaField name="note" label={tc('note')} value={values.note} onChange={(v) => set('note', v)} />
      </>
    ),
  };
  return (
    <RecordListSection
      id="contacts"
      title={tc('contactsTitle')}
      columns={columns}
      rows={c.contacts}
      emptyText={tc('noContacts')}
      canEdit={canEdit}
      rowName={(x) => tc('contactNamed', { when: when(x) })}
      addTitle={tc('addContact')}
      editTitle={(x) => tc('editContactTitle', { when: when(x) })}
      onSaved={(saved) =>
        // Newest first, as the server lists them.
        onChange((current) => ({
          ...current,
          contacts: withRecord(current.contacts, saved).sort((x, y) => y.startsAt.localeCompare(x.startsAt)),
        }))
      }
      onReload={onReload}
      kind={kind}
    />
  );
}

function activityValues(activity?: Activity) {
  return {
    kind: activity?.kind ?? 'course_support',
    status: activity?.status ?? 'planned',
    courseProviderName: activity?.courseProviderName ?? '',
    courseName: activity?.courseName ?? '',
    startsOn: activity?.startsOn ?? '',
    endsOn: activity?.endsOn ?? '',
    childrenCount: activity?.childrenCount ? String(activity.childrenCount) : '',
    childcarePlace: activity?.childcarePlace ?? '',
    note: activity?.note ?? '',
  };
}

function activityInput(values: ReturnType<typeof activityValues>) {
  const childcare = values.kind === 'childcare';
  return {
    kind: values.kind,
    status: values.status,
    courseProviderName: orNull(values.courseProviderName),
    courseName: orNull(values.courseName),
    startsOn: orNull(values.startsOn),
    endsOn: orNull(values.endsOn),
    childrenCount: childcare ? intOrNull(values.childrenCount) : null,
    childcarePlace: childcare ? orNull(values.childcarePlace) : null,
    note: orNull(values.note),
  };
}

/** R-CASE-6: support during the integration course, arranging childcare; recorded and changed with one form. */
export function ActivitiesSection({ c, canEdit, onChange, onReload }: SectionProps) {
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const kindName = (x: Activity) => tc(`activityKinds.${x.kind}`);
  const position = (x: Activity) => c.activities.indexOf(x) + 1;
  const columns: Column<Activity>[] = [
    { key: 'kind', header: tc('activityKind'), cell: kindName, rowHeader: true },
    {
      key: 'status',
      header: tc('activityStatus'),
      cell: (x) => tc(`activityStatuses.${x.status}`),
    },
    {
      key: 'where',
      header: tc('courseOrPlace'),
      cell: (x) => [x.courseProviderName, x.courseName, x.childcarePlace].filter(Boolean).join(', '),
    },
    {
      key: 'period',
      header: tc('period'),
      cell: (x) => [formatDay(x.startsOn, locale), formatDay(x.endsOn, locale)].filter(Boolean).join(' – '),
    },
  ];
  const kind: RecordKind<Activity, ReturnType<typeof activityValues>, ReturnType<typeof activityInput>> = {
    toValues: activityValues,
    toInput: activityInput,
    add: (body) => casesApi.addActivity(c.id, body),
    update: (activity, body) => casesApi.updateActivity(c.id, activity.id, body),
    addSubmit: tc('addActivitySubmit'),
    markRequired: false,
    fields: ({ values, set, text }) => (
      <>
        <div className="form-grid">
          <SelectField
            {...text('kind')}
            label={tc('activityKind')}
            options={activityKinds.map((k) => ({ value: k, label: tc(`activityKinds.${k}`) }))}
          />
          <SelectField
            {...text('status')}
            label={tc('activityStatus')}
            options={activityStatuses.map((s) => ({ value: s, label: tc(`activityStatuses.${s}`) }))}
          />
          <TextField {...text('courseProviderName')} label={tc('courseProvider')} />
          <TextField {...text('courseName')} label={tc('courseName')} />
          <TextField {...text('startsOn')} type="date" label={tc('startsOn')} />
          <TextField {...text('endsOn')} type="date" label={tc('endsOn')} />
          {values.kind === 'childcare' && (
            <>
              <TextField {...text('childrenCount')} inputMode="numeric" label={tc('childrenCount')} />
              <TextField {...text('childcarePlace')} label={tc('childcarePlace')} />
            </>
          )}
        </div>
        <TextAreaField name="note" label={tc('note')} value={values.note} onChange={(v) => set('note', v)} />
      </>
    ),
  };
  return (
    <RecordListSection
      id="activities"
      title={tc('activitiesTitle')}
      columns={columns}
      rows={c.activities}
      emptyText={tc('noActivities')}
      canEdit={canEdit}
      rowName={(x) => tc('activityNamed', { n: position(x), kind: kindName(x) })}
      addTitle={tc('addActivity')}
      editTitle={(x) => tc('editActivityTitle', { n: position(x), kind: kindName(x) })}
      onSaved={(saved) =>
        onChange((current) => ({ ...current, activities: withRecord(current.activities, saved) }))
      }
      onReload={onReload}
      kind={kind}
    />
  );
}

/** R-CASE-7: who is responsible for what in this case, as the source text divides it. */
export function ResponsibilitiesSection({ c, canEdit, onChange, onReload }: SectionProps) {
  const confirmSaved = useContext(SavedContext);
  const { t } = useTranslation();
  const { t: tc } = useTranslation('cases');
  const form = useSectionForm('responsibilities', canEdit);
  const title = tc('responsibilitiesTitle');
  const [choices, setChoices] = useState<Record<string, Party>>(
    Object.fromEntries(c.responsibilities.map((r) => [r.area, r.responsible])),
  );
  const save = useSubmit((area: string, version: number) =>
    casesApi.updateResponsibility(c.id, area, { version, responsible: choices[area]!, note: null }),
  );
  const columns: Column<(typeof c.responsibilities)[number]>[] = [
    {
      key: 'task',
      header: tc('task'),
      rowHeader: true,
      cell: (r) => (
        <>
          {r.label}
          <span className="cell-note">„{r.source}“</span>
        </>
      ),
    },
    {
      key: 'who',
      header: tc('responsibleParty'),
      cell: (r) =>
        form.open ? (
          <div className="row-actions">
            <label className="visually-hidden" htmlFor={`resp-${r.area}`}>
              {tc('responsibleFor', { task: r.label })}
            </label>
            <select
              id={`resp-${r.area}`}
              value={choices[r.area]}
              onChange={(e) => setChoices({ ...choices, [r.area]: e.target.value as Party })}
            >
              {parties.map((p) => (
                <option key={p} value={p}>
                  {tc(`parties.${p}`)}
                </option>
              ))}
            </select>
            {choices[r.area] !== r.responsible && (
              <Button
                aria-label={tc('saveResponsibility', { task: r.label })}
                onClick={() =>
                  void (async () => {
                    const result = await save.run(r.area, r.version);
                    if (!result.ok) return;
                    confirmSaved();
                    onChange((current) => ({ ...current, responsibilities: result.value }));
                  })()
                }
              >
                {t('actions.save')}
              </Button>
            )}
          </div>
        ) : (
          tc(`parties.${r.responsible}`)
        ),
    },
    {
      key: 'default',
      header: tc('fromSource'),
      cell: (r) => (r.isDefault ? t('common.yes') : t('common.no')),
    },
  ];
  return (
    <Section
      title={title}
      id="responsibilities"
      actions={
        canEdit &&
        (form.open ? (
          <Button id={editButtonId('responsibilities')} onClick={form.close}>
            {t('actions.close')}
          </Button>
        ) : (
          <SectionEditButton section="responsibilities" title={title} />
        ))
      }
    >
      {save.error &&
        (isConflict(save.error) ? (
          <ConflictNotice onReload={onReload} />
        ) : (
          <Notice tone="error" role="alert">
            <p>{save.error.message}</p>
          </Notice>
        ))}
      <DataTable
        caption={tc('tableOf', { title })}
        captionHidden
        columns={columns}
        rows={c.responsibilities}
        rowKey={(r) => r.area}
        emptyText=""
      />
    </Section>
  );
}

/** R-CASE-3 Abschluss: reason and the situation at the end, beside the start. */
export function ClosureSection({ c, settings, onChange, onReload }: SectionProps) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const canClose = c.allowedActions.includes('case.close');
  const form = useSectionForm('closure', canClose);
  const title = tc('closureTitle');
  const replaced = (next: CaseDetail) => {
    form.close();
    onChange(() => next);
  };
  const { values, set, text } = useFormValues({
    closedOn: todayIso(),
    closureReason: '',
    closureNote: '',
    situation: situationValues(),
  });
  const closeBody = () => ({
    version: c.version,
    closedOn: values.closedOn,
    closureReason: values.closureReason,
    closureNote: orNull(values.closureNote),
    situationEnd: situationInput(values.situation),
  });
  const close = useSubmit(() => casesApi.close(c.id, closeBody()));
  const reopen = useSubmit(() => casesApi.reopen(c.id, c.version));
  if (c.status === 'closed') {
    return (
      <Section title={tc('closureTitle')} id="closure">
        <dl className="details">
          <div>
            <dt>{tc('closedOn')}</dt>
            <dd>{formatDay(c.closedOn, locale)}</dd>
          </div>
          <div>
            <dt>{tc('closureReason')}</dt>
            <dd>{categoryLabel(settings, 'closureReasons', c.closureReason, locale)}</dd>
          </div>
          {c.retentionEndsOn && (
            <div>
              <dt>{tc('retentionEndsOn')}</dt>
              <dd>{formatDay(c.retentionEndsOn, locale)}</dd>
            </div>
          )}
        </dl>
        {c.allowedActions.includes('case.reopen') && (
          <CaseForm
            submission={reopen}
            onSaved={replaced}
            onReload={onReload}
            submitLabel={tc('reopen')}
            submitVariant="secondary"
            markRequired={false}
            aria-label={tc('reopen')}
          />
        )}
      </Section>
    );
  }
  if (!canClose) return null;
  if (!form.open)
    return (
      <Section
        title={title}
        id="closure"
        actions={<SectionEditButton section="closure" title={title} label={tc('closeOpen')} />}
      >
        <p>{tc('closureOpenCase')}</p>
      </Section>
    );
  return (
    <Section title={title} id="closure">
      <CaseForm
        submission={close}
        schema={closeCaseBody}
        body={closeBody}
        checks={() => [caseDateCheck(tc, locale, 'closedOn', values.closedOn, 'past')]}
        onSaved={replaced}
        onReload={onReload}
        onCancel={form.close}
        submitLabel={tc('closeSubmit')}
        aria-labelledby="closure-heading"
      >
        <div className="form-grid">
          <TextField {...text('closedOn')} type="date" label={tc('closedOn')} required />
          <SelectField
            {...text('closureReason')}
            label={tc('closureReason')}
            required
            emptyLabel={t('common.pleaseChoose')}
            options={categoryOptions(settings, 'closureReasons', locale)}
          />
        </div>
        <SituationFieldset
          name="situationEnd"
          legend={tc('situationEnd')}
          values={values.situation}
          onChange={(v) => set('situation', v)}
          settings={settings}
        />
        <TextField {...text('closureNote')} label={tc('closureNote')} />
      </CaseForm>
    </Section>
  );
}

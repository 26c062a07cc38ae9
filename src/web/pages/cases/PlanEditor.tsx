import { useContext, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases.ts';
import type { Agreement, PlanGoal, PlanStep, StepResponsible } from '../../api/cases.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { ConflictNotice, isConflict } from '../../components/ConflictNotice.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Section } from '../../components/Page.tsx';
import { checkBody } from '../../hooks/useSchemaForm.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { planBody } from '../../../server/modules/cases/cases.schemas.ts';
import { currentLocale } from '../../i18n/index.ts';
import { earliestCaseDate, latestPlannedDate, todayIso } from '../../lib/validate.ts';
import type { SectionProps } from './CasePage.tsx';
import { Details, SavedContext, SectionEditButton, useSectionForm } from './CaseForm.tsx';
import { formatDay, orNull } from './caseFormat.ts';
import { caseDateCheck } from './dateChecks.ts';
import { TextAreaField } from './TextAreaField.tsx';

const goalStatuses = ['open', 'in_progress', 'reached', 'dropped'] as const;
const stepStatuses = ['open', 'in_progress', 'done', 'dropped'] as const;
const responsibles = ['client', 'counsellor', 'partner'] as const;
const methods = ['spoken', 'signed_paper', 'signed_on_screen', 'in_writing'] as const;

type StepRow = PlanStep & { key: number };
type GoalRow = Omit<PlanGoal, 'steps'> & { key: number; steps: StepRow[] };

function move<T>(list: T[], index: number, by: number): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return list;
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** Moves focus to a field by name once React has drawn it (after adding a row). */
function focusField(name: string) {
  setTimeout(() => document.querySelector<HTMLElement>(`[name="${name}"]`)?.focus(), 0);
}

/**
 * R-CASE-4: the support plan — goals, steps, who does each and by when — with the client's
 * agreement. Native fields and buttons only, so it works with the keyboard alone; adding a row
 * moves focus into it. The whole plan is saved against its version: if someone else saved in
 * between, the conflict is shown and the entries stay in the form until "reload".
 */
export function PlanEditor({ c, canEdit, onChange, onReload }: SectionProps) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const confirmSaved = useContext(SavedContext);
  const today = todayIso();
  const plan = c.plan;
  const form = useSectionForm('plan', canEdit);
  const title = tc('planTitle');
  const key = useRef(1);
  const next = () => key.current++;
  const [reason, setReason] = useState(plan?.reason ?? '');
  const [goal, setGoal] = useState(plan?.goal ?? '');
  const [course, setCourse] = useState(plan?.course ?? '');
  const [agreement, setAgreement] = useState<Agreement>(
    plan?.agreement ?? { agreed: false, agreedOn: null, method: null, note: null },
  );
  const [goals, setGoals] = useState<GoalRow[]>(
    (plan?.goals ?? []).map((g) => ({
      ...g,
      key: next(),
      steps: g.steps.map((s) => ({ ...s, key: next() })),
    })),
  );
  const body = () => ({
    ...(plan ? { version: plan.version } : {}),
    reason: orNull(reason),
    goal: orNull(goal),
    course: orNull(course),
    agreement: {
      agreed: agreement.agreed,
      agreedOn: agreement.agreedOn || null,
      method: agreement.method || null,
      note: orNull(agreement.note ?? ''),
    },
    goals: goals.map(({ key: _g, steps, ...g }) => ({
      ...g,
      steps: steps.map(({ key: _s, ...s }) => ({
        ...s,
        partnerName: s.responsible === 'partner' ? orNull(s.partnerName ?? '') : null,
        dueOn: s.dueOn || null,
        doneOn: s.doneOn || null,
      })),
    })),
  });
  const save = useSubmit(() => casesApi.savePlan(c.id, body()));

  const setGoalAt = (gi: number, change: Partial<GoalRow>) =>
    setGoals(goals.map((g, i) => (i === gi ? { ...g, ...change } : g)));
  const setStepAt = (gi: number, si: number, change: Partial<StepRow>) =>
    setGoalAt(gi, { steps: goals[gi]!.steps.map((s, i) => (i === si ? { ...s, ...change } : s)) });

  if (!form.open) {
    return (
      <Section
        title={title}
        id="plan"
        actions={canEdit && <SectionEditButton section="plan" title={title} />}
      >
        {plan ? (
          <>
            <Details
              rows={[
                [tc('planReason'), plan.reason ?? ''],
                [tc('planGoal'), plan.goal ?? ''],
                [tc('planCourse'), plan.course ?? ''],
                [
                  tc('agreementTitle'),
                  plan.agreement.agreed
                    ? [
                        tc('agreed'),
                        formatDay(plan.agreement.agreedOn, locale),
                        plan.agreement.method ? tc(`methods.${plan.agreement.method}`) : '',
                        plan.agreement.note ?? '',
                      ]
                        .filter(Boolean)
                        .join(' · ')
                    : tc('notAgreed'),
                ],
              ]}
            />
            <h3>{tc('goals')}</h3>
            {plan.goals.length === 0 ? (
              <p className="empty">{tc('noGoals')}</p>
            ) : (
              <ol className="plan-goals">
                {plan.goals.map((g) => (
                  <li key={g.id}>
                    {g.title} ({tc(`goalStatuses.${g.status}`)})
                    {g.steps.length > 0 && (
                      <ul>
                        {g.steps.map((s) => (
                          <li key={s.id}>
                            {[
                              s.title,
                              s.responsible === 'partner'
                                ? s.partnerName
                                : tc(`responsible.${s.responsible}`),
                              s.dueOn ? tc('dueBy', { date: formatDay(s.dueOn, locale) }) : '',
                              tc(`stepStatuses.${s.status}`),
                            ]
                              .filter(Boolean)
                              .join(' – ')}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </>
        ) : (
          <p className="empty">{tc('notRecorded')}</p>
        )}
      </Section>
    );
  }

  return (
    <Section title={title} id="plan">
      <Form
        error={save.error}
        pending={save.pending}
        aria-labelledby="plan-heading"
        onSubmit={() =>
          void (async () => {
            // R-SEC-4: the server's plan schema, and what it cannot know — due dates at most five
            // years ahead, the agreement not in the future — shown at their fields before sending.
            const checked = checkBody(planBody, body(), t('errors.validation_failed'), [
              ...goals.flatMap((g, gi) =>
                g.steps.map((s, si) =>
                  caseDateCheck(tc, locale, `goals.${gi}.steps.${si}.dueOn`, s.dueOn, 'planned', today),
                ),
              ),
              ...(agreement.agreed
                ? [caseDateCheck(tc, locale, 'agreement.agreedOn', agreement.agreedOn, 'past', today)]
                : []),
            ]);
            if (!checked.ok) {
              save.setError(checked.error);
              return;
            }
            const result = await save.run();
            if (!result.ok) return;
            confirmSaved();
            form.close();
            // Saving the plan may move the case to its next phase; the answer says which.
            const { casePhase, ...plan } = result.value;
            onChange((current) => ({ ...current, plan, phase: casePhase }));
          })()
        }
      >
        {isConflict(save.error) && <ConflictNotice onReload={onReload} />}
        <TextAreaField name="reason" label={tc('planReason')} value={reason} onChange={setReason} />
        <TextAreaField name="goal" label={tc('planGoal')} value={goal} onChange={setGoal} />
        <TextAreaField name="course" label={tc('planCourse')} value={course} onChange={setCourse} />
        <h3>{tc('goals')}</h3>
        {goals.length === 0 && <p className="empty">{tc('noGoals')}</p>}
        <ol className="plain-list">
          {goals.map((g, gi) => (
            <li key={g.key}>
              <fieldset className="field-group">
                <legend>{tc('goalN', { n: gi + 1 })}</legend>
                <div className="form-grid">
                  <TextField
                    name={`goals.${gi}.title`}
                    label={tc('goalTitle')}
                    value={g.title}
                    required
                    onChange={(v) => setGoalAt(gi, { title: v })}
                  />
                  <SelectField
                    name={`goals.${gi}.status`}
                    label={tc('goalStatus')}
                    value={g.status}
                    options={goalStatuses.map((s) => ({ value: s, label: tc(`goalStatuses.${s}`) }))}
                    onChange={(v) => setGoalAt(gi, { status: v as GoalRow['status'] })}
                  />
                </div>
                <div className="row-actions">
                  <Button
                    aria-label={tc('goalUp', { n: gi + 1 })}
                    disabled={gi === 0}
                    onClick={() => setGoals(move(goals, gi, -1))}
                  >
                    {tc('up')}
                  </Button>
                  <Button
                    aria-label={tc('goalDown', { n: gi + 1 })}
                    disabled={gi === goals.length - 1}
                    onClick={() => setGoals(move(goals, gi, 1))}
                  >
                    {tc('down')}
                  </Button>
                  <Button
                    aria-label={tc('goalRemove', { n: gi + 1 })}
                    onClick={() => setGoals(goals.filter((_, i) => i !== gi))}
                  >
                    {t('actions.delete')}
                  </Button>
                </div>
                <ol className="plain-list">
                  {g.steps.map((s, si) => (
                    <li key={s.key} className="schedule-row">
                      <p className="schedule-row-title">{tc('stepN', { goal: gi + 1, n: si + 1 })}</p>
                      <div className="form-grid">
                        <TextField
                          name={`goals.${gi}.steps.${si}.title`}
                          label={tc('stepTitle')}
                          value={s.title}
                          required
                          onChange={(v) => setStepAt(gi, si, { title: v })}
                        />
                        <SelectField
                          name={`goals.${gi}.steps.${si}.responsible`}
                          label={tc('who')}
                          value={s.responsible}
                          options={responsibles.map((r) => ({
                            value: r,
                            label: tc(`responsible.${r}`),
                          }))}
                          onChange={(v) => setStepAt(gi, si, { responsible: v as StepResponsible })}
                        />
                        {s.responsible === 'partner' && (
                          <TextField
                            name={`goals.${gi}.steps.${si}.partnerName`}
                            label={tc('partnerName')}
                            value={s.partnerName ?? ''}
                            required
                            onChange={(v) => setStepAt(gi, si, { partnerName: v })}
                          />
                        )}
                        <TextField
                          name={`goals.${gi}.steps.${si}.dueOn`}
                          type="date"
                          min={earliestCaseDate}
                          max={latestPlannedDate(today)}
                          label={tc('dueOn')}
                          value={s.dueOn ?? ''}
                          onChange={(v) => setStepAt(gi, si, { dueOn: v })}
                        />
                        <SelectField
                          name={`goals.${gi}.steps.${si}.status`}
                          label={tc('stepStatus')}
                          value={s.status}
                          options={stepStatuses.map((x) => ({
                            value: x,
                            label: tc(`stepStatuses.${x}`),
                          }))}
                          onChange={(v) => setStepAt(gi, si, { status: v as StepRow['status'] })}
                        />
                      </div>
                      <div className="row-actions">
                        <Button
                          aria-label={tc('stepUp', { goal: gi + 1, n: si + 1 })}
                          disabled={si === 0}
                          onClick={() => setGoalAt(gi, { steps: move(g.steps, si, -1) })}
                        >
                          {tc('up')}
                        </Button>
                        <Button
                          aria-label={tc('stepDown', { goal: gi + 1, n: si + 1 })}
                          disabled={si === g.steps.length - 1}
                          onClick={() => setGoalAt(gi, { steps: move(g.steps, si, 1) })}
                        >
                          {tc('down')}
                        </Button>
                        <Button
                          aria-label={tc('stepRemove', { goal: gi + 1, n: si + 1 })}
                          onClick={() => setGoalAt(gi, { steps: g.steps.filter((_, i) => i !== si) })}
                        >
                          {t('actions.delete')}
                        </Button>
                      </div>
                    </li>
                  ))}
                </ol>
                <Button
                  aria-label={tc('addStepTo', { n: gi + 1 })}
                  onClick={() => {
                    setGoalAt(gi, {
                      steps: [
                        ...g.steps,
                        {
                          key: next(),
                          title: '',
                          responsible: 'client',
                          partnerName: null,
                          dueOn: null,
                          status: 'open',
                          doneOn: null,
                        },
                      ],
                    });
                    focusField(`goals.${gi}.steps.${g.steps.length}.title`);
                  }}
                >
                  {tc('addStep')}
                </Button>
              </fieldset>
            </li>
          ))}
        </ol>
        <Button
          onClick={() => {
            setGoals([...goals, { key: next(), title: '', status: 'open', steps: [] }]);
            focusField(`goals.${goals.length}.title`);
          }}
        >
          {tc('addGoal')}
        </Button>
        <fieldset className="field-group">
          <legend>{tc('agreementTitle')}</legend>
          <Notice tone="info">
            <p>{tc('agreementIntro')}</p>
          </Notice>
          <CheckboxField
            name="agreement.agreed"
            label={tc('agreed')}
            checked={agreement.agreed}
            onChange={(v) => setAgreement({ ...agreement, agreed: v })}
          />
          {agreement.agreed && (
            <div className="form-grid">
              <TextField
                name="agreement.agreedOn"
                type="date"
                min={earliestCaseDate}
                max={today}
                label={tc('agreedOn')}
                required
                value={agreement.agreedOn ?? ''}
                onChange={(v) => setAgreement({ ...agreement, agreedOn: v })}
              />
              <SelectField
                name="agreement.method"
                label={tc('agreementMethod')}
                required
                emptyLabel={t('common.pleaseChoose')}
                value={agreement.method ?? ''}
                options={methods.map((m) => ({ value: m, label: tc(`methods.${m}`) }))}
                onChange={(v) => setAgreement({ ...agreement, method: (v || null) as Agreement['method'] })}
              />
              <TextField
                name="agreement.note"
                label={tc('agreementNote')}
                value={agreement.note ?? ''}
                onChange={(v) => setAgreement({ ...agreement, note: v })}
              />
            </div>
          )}
        </fieldset>
        <div className="form-actions">
          <SubmitButton>{tc('savePlan')}</SubmitButton>
          <Button onClick={form.close}>{t('actions.cancel')}</Button>
        </div>
      </Form>
    </Section>
  );
}

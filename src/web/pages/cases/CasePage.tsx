import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { casesApi } from '../../api/cases.ts';
import type { CaseDetail, CaseSettings } from '../../api/cases.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { Form } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { SavedContext, useEditPanel } from './CaseForm.tsx';
import {
  ActivitiesSection,
  AnalysisSection,
  CaseCoreSection,
  ClosureSection,
  ContactsSection,
  IntakeSection,
  ResponsibilitiesSection,
} from './CaseSections.tsx';
import { canHold, LegalHoldButton, LegalHoldPanel } from './LegalHold.tsx';
import { PersonSection } from './PersonSection.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import { ReasonField } from './TextAreaField.tsx';

export interface SectionProps {
  c: CaseDetail;
  settings: CaseSettings | undefined;
  canEdit: boolean;
  onSaved: () => void;
}

/** R-CON-8: someone else's case opens only with a stated reason, which the owner will see. */
function BreakGlass({ id, onOpened }: { id: string; onOpened: () => void }) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('cases');
  const [reason, setReason] = useState('');
  const open = useSubmit((text: string) => casesApi.breakGlass(id, text));
  return (
    <Page title={tc('breakGlassTitle')} intro={<p>{tc('breakGlassIntro')}</p>}>
      <Section title={tc('breakGlassReasonTitle')} id="break-glass">
        <Form
          error={open.error}
          pending={open.pending}
          aria-labelledby="break-glass-heading"
          onSubmit={() =>
            void (async () => {
              if ((await open.run(reason)).ok) onOpened();
            })()
          }
        >
          <ReasonField
            label={tc('breakGlassReason')}
            hint={tc('breakGlassHint')}
            value={reason}
            onChange={setReason}
          />
          <div className="form-actions">
            <SubmitButton>{tc('breakGlassSubmit')}</SubmitButton>
            <Link to="/faelle">{t('actions.cancel')}</Link>
          </div>
        </Form>
      </Section>
    </Page>
  );
}

function CaseView({
  c,
  settings,
  reload,
}: {
  c: CaseDetail;
  settings: CaseSettings | undefined;
  reload: () => void;
}) {
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const name = [c.client.givenName, c.client.familyName].filter(Boolean).join(' ');
  const canEdit = c.allowedActions.includes('case.update');
  // Every save is confirmed where a screen reader hears it: "Gespeichert um 10:42:07 Uhr."
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const confirmSaved = useCallback(() => setSavedAt(new Date()), []);
  const props: SectionProps = { c, settings, canEdit, onSaved: reload };
  const hold = useEditPanel<true>();
  return (
    <SavedContext.Provider value={confirmSaved}>
      <Page
        title={tc('caseTitle', { name, number: c.caseNumber })}
        intro={
          <p>
            {[
              tc(`services.${c.service}`),
              tc(`caseTypes.${c.caseType}`),
              c.phase ? tc(`phases.${c.phase}`) : null,
              tc(`status.${c.status}`),
              tc('ownerIs', { name: c.owner.name }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        }
        actions={
          <div className="row-actions">
            <a
              className="button button-secondary"
              href={casesApi.summaryUrl(c.id)}
              target="_blank"
              rel="noreferrer"
            >
              {tc('summaryPdf')}
            </a>
            <a className="button button-secondary" href={casesApi.exportPdfUrl(c.client.id)}>
              {tc('exportPdf')}
            </a>
            <a className="button button-secondary" href={casesApi.exportJsonUrl(c.client.id)}>
              {tc('exportJson')}
            </a>
            {canHold(c) && <LegalHoldButton c={c} onOpen={(id) => hold.show(true, id)} />}
          </div>
        }
      >
        <div className="save-status" role="status" aria-live="polite">
          {savedAt && (
            <Notice tone="success">
              <p>
                {tc('savedAt', {
                  time: savedAt.toLocaleTimeString(locale === 'en' ? 'en-GB' : 'de-DE', {
                    hour: '2-digit',
                    minute: '2-digit',
                    second: '2-digit',
                  }),
                })}
              </p>
            </Notice>
          )}
        </div>
        {c.viaGrant && (
          <Notice tone="warning" title={tc('viaGrantTitle')}>
            <p>
              {tc('viaGrant', {
                reason: c.viaGrant.reason,
                until: formatDateTime(c.viaGrant.expiresAt, locale),
              })}
            </p>
          </Notice>
        )}
        {c.legalHold.active && (
          <Notice tone="info" title={tc('legalHoldTitle')}>
            <p>{c.legalHold.reason}</p>
          </Notice>
        )}
        {hold.open && canHold(c) && (
          <LegalHoldPanel
            key={`hold-${c.version}`}
            c={c}
            settings={settings}
            onSaved={reload}
            onClose={hold.close}
          />
        )}
        {c.accessGrants.length > 0 && (
          <Notice tone="info" title={tc('accessGrantsTitle')}>
            <ul>
              {c.accessGrants.map((g) => (
                <li key={g.id}>
                  {tc('accessGrant', {
                    name: g.userName,
                    when: formatDateTime(g.grantedAt, locale),
                    reason: g.reason,
                  })}
                </li>
              ))}
            </ul>
          </Notice>
        )}
        <CaseCoreSection key={`core-${c.version}`} {...props} />
        <PersonSection c={c} settings={settings} onSaved={reload} />
        {c.caseType === 'case_management' && (
          <>
            <IntakeSection key={`intake-${c.intake?.version ?? 0}`} {...props} />
            <AnalysisSection key={`analysis-${c.analysis?.version ?? 0}`} {...props} />
            <PlanEditor key={`plan-${c.plan?.version ?? 0}`} {...props} />
          </>
        )}
        <ContactsSection {...props} />
        <ActivitiesSection {...props} />
        <ResponsibilitiesSection
          key={`resp-${c.responsibilities.map((r) => r.version).join('')}`}
          {...props}
        />
        <ClosureSection key={`close-${c.version}`} {...props} />
      </Page>
    </SavedContext.Provider>
  );
}

/** R-CASE-3: one case with all its parts; every load is audited on the server. */
export function CasePage() {
  const { t: tc } = useTranslation('cases');
  const { id = '' } = useParams();
  const resource = useApi((signal) => casesApi.get(id, signal), [id]);
  const settings = useApi((signal) => casesApi.settings(signal), []);
  if (resource.error?.code === 'break_glass_required')
    return <BreakGlass id={id} onOpened={resource.reload} />;
  if (!resource.data)
    return (
      <Page title={tc('caseLoading')}>
        <LoadState resource={resource}>{() => null}</LoadState>
      </Page>
    );
  return <CaseView c={resource.data} settings={settings.data} reload={resource.reload} />;
}

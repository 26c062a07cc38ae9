import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { casesApi } from '../../api/cases.ts';
import type { CaseDetail, CaseSettings } from '../../api/cases.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { Form } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import type { ApiResource } from '../../hooks/useApi.ts';
import { toApiError, useSubmit } from '../../hooks/useSubmit.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { SavedContext, SectionEditingContext, useEditPanel, useSectionEditing } from './CaseForm.tsx';
import {
  ActivitiesSection,
  AnalysisSection,
  CaseCoreSection,
  ClosureSection,
  ContactsSection,
  IntakeSection,
  ResponsibilitiesSection,
} from './CaseSections.tsx';
import { DocumentDownloads } from './DocumentDownloads.tsx';
import { ExchangeSection } from './ExchangeSection.tsx';
import { canHold, LegalHoldButton, LegalHoldPanel } from './LegalHold.tsx';
import { PersonSection } from './PersonSection.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import { ReasonField } from './TextAreaField.tsx';

export interface SectionProps {
  c: CaseDetail;
  settings: CaseSettings | undefined;
  canEdit: boolean;
  /** Writes what a change answered into the case on screen — no second request. */
  onChange: (change: (c: CaseDetail) => CaseDetail) => void;
  /** Loads the case again (after a version conflict). */
  onReload: () => void;
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

type SectionTitleKey =
  | 'coreTitle'
  | 'personTitle'
  | 'intakeTitle'
  | 'analysisTitle'
  | 'planTitle'
  | 'contactsTitle'
  | 'activitiesTitle'
  | 'exchangeTitle'
  | 'responsibilitiesTitle'
  | 'closureTitle';

/** The sections of the case page in their order, for the jump links. */
function sectionsOf(c: CaseDetail): { id: string; key: SectionTitleKey }[] {
  const managed = c.caseType === 'case_management';
  const closure = c.status === 'closed' || c.allowedActions.includes('case.close');
  const all: { id: string; key: SectionTitleKey; shown: boolean }[] = [
    { id: 'core', key: 'coreTitle', shown: true },
    { id: 'person', key: 'personTitle', shown: true },
    { id: 'intake', key: 'intakeTitle', shown: managed },
    { id: 'analysis', key: 'analysisTitle', shown: managed },
    { id: 'plan', key: 'planTitle', shown: managed },
    { id: 'contacts', key: 'contactsTitle', shown: true },
    { id: 'activities', key: 'activitiesTitle', shown: true },
    { id: 'exchange', key: 'exchangeTitle', shown: true },
    { id: 'responsibilities', key: 'responsibilitiesTitle', shown: true },
    { id: 'closure', key: 'closureTitle', shown: closure },
  ];
  return all.filter((s) => s.shown);
}

/**
 * R-UX-2: keys that reach the daily steps in one press. Alt+Shift with a letter: screen readers
 * use Insert or Caps Lock, browsers leave these letters free.
 */
const shortcuts = [
  { code: 'KeyK', keys: 'Alt+Shift+K', label: 'shortcutContact' },
  { code: 'KeyP', keys: 'Alt+Shift+P', label: 'shortcutPhase' },
  { code: 'KeyE', keys: 'Alt+Shift+E', label: 'shortcutExchange' },
  { code: 'KeyN', keys: 'Alt+Shift+N', label: 'shortcutSections' },
] as const;

/** Shortcuts that only move focus, for readers who cannot change the case too. */
const readOnlyShortcuts: ReadonlySet<string> = new Set(['KeyN', 'KeyE']);

function CaseView({
  c,
  settings,
  onChange,
  onReload,
}: {
  c: CaseDetail;
  settings: CaseSettings | undefined;
  onChange: SectionProps['onChange'];
  onReload: () => void;
}) {
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const name = [c.client.givenName, c.client.familyName].filter(Boolean).join(' ');
  const canEdit = c.allowedActions.includes('case.update');
  // Every save is confirmed where a screen reader hears it: "Gespeichert um 10:42:07 Uhr."
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const confirmSaved = useCallback(() => setSavedAt(new Date()), []);
  const editing = useSectionEditing();
  const props: SectionProps = { c, settings, canEdit, onChange, onReload };
  const hold = useEditPanel<true>();
  const sections = sectionsOf(c);
  const recordContact = useCallback(() => {
    document.getElementById('contacts')?.scrollIntoView({ block: 'start' });
    editing.open('contacts', 'startsAt');
  }, [editing]);
  const changePhase = useCallback(() => {
    document.getElementById('core')?.scrollIntoView({ block: 'start' });
    editing.open('core', c.caseType === 'case_management' ? 'phase' : undefined);
  }, [editing, c.caseType]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      const shortcut = shortcuts.find((s) => s.code === event.code);
      if (!shortcut) return;
      if (!readOnlyShortcuts.has(shortcut.code) && !canEdit) return;
      event.preventDefault();
      if (shortcut.code === 'KeyK') recordContact();
      else if (shortcut.code === 'KeyP') changePhase();
      else if (shortcut.code === 'KeyE') focusHeading('exchange');
      else document.querySelector<HTMLElement>('#case-sections a')?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canEdit, recordContact, changePhase]);
  return (
    <SavedContext.Provider value={confirmSaved}>
      <SectionEditingContext.Provider value={editing}>
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
              {canEdit && (
                <Button variant="primary" aria-keyshortcuts="Alt+Shift+K" onClick={recordContact}>
                  {tc('recordContact')}
                </Button>
              )}
              <DocumentDownloads caseId={c.id} clientId={c.client.id} clientLanguages={c.client.languages} />
              {canHold(c) && <LegalHoldButton c={c} onOpen={(id) => hold.show(true, id)} />}
            </div>
          }
        >
          <nav id="case-sections" className="case-sections" aria-label={tc('sectionsNav')}>
            <ul>
              {sections.map((s) => (
                <li key={s.id}>
                  <a href={`#${s.id}`} onClick={(event) => jumpTo(event, s.id)}>
                    {tc(s.key)}
                  </a>
                </li>
              ))}
            </ul>
            <details className="case-shortcuts">
              <summary>{tc('shortcutsTitle')}</summary>
              <dl>
                {shortcuts
                  .filter((s) => canEdit || readOnlyShortcuts.has(s.code))
                  .map((s) => (
                    <div key={s.code}>
                      <dt>
                        <kbd>{s.keys}</kbd>
                      </dt>
                      <dd>{tc(s.label)}</dd>
                    </div>
                  ))}
              </dl>
            </details>
          </nav>
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
              onChange={onChange}
              onReload={onReload}
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
          <PersonSection c={c} settings={settings} onChange={onChange} onReload={onReload} />
          {c.caseType === 'case_management' && (
            <>
              <IntakeSection key={`intake-${c.intake?.version ?? 0}`} {...props} />
              <AnalysisSection key={`analysis-${c.analysis?.version ?? 0}`} {...props} />
              <PlanEditor key={`plan-${c.plan?.version ?? 0}`} {...props} />
            </>
          )}
          <ContactsSection {...props} />
          <ActivitiesSection {...props} />
          <ExchangeSection c={c} />
          <ResponsibilitiesSection
            key={`resp-${c.responsibilities.map((r) => r.version).join('')}`}
            {...props}
          />
          <ClosureSection key={`close-${c.version}`} {...props} />
        </Page>
      </SectionEditingContext.Provider>
    </SavedContext.Provider>
  );
}

/** Moves focus to a section's heading, so the next Tab continues inside it; false when it is not there. */
function focusHeading(id: string): boolean {
  const heading = document.getElementById(`${id}-heading`);
  if (!heading) return false;
  heading.tabIndex = -1;
  heading.focus();
  heading.scrollIntoView({ block: 'start' });
  return true;
}

/** A jump link that moves focus to its section's heading. */
function jumpTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
  if (focusHeading(id)) event.preventDefault();
}

const caseKey = (id: string) => ['case', id] as const;

/**
 * R-CASE-3: one case with all its parts; every load is audited on the server. The case is read
 * once per visit; each change writes the view its answer carries into the query cache.
 */
export function CasePage() {
  const { t: tc } = useTranslation('cases');
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  // Case data does not outlive the page in the cache (gcTime 0): it is personal data.
  const query = useQuery({
    queryKey: caseKey(id),
    queryFn: ({ signal }) => casesApi.get(id, signal),
    gcTime: 0,
  });
  const settings = useApi(['case-settings'], (signal) => casesApi.settings(signal));
  const onChange = useCallback(
    (change: (c: CaseDetail) => CaseDetail) =>
      queryClient.setQueryData<CaseDetail>(caseKey(id), (current) => current && change(current)),
    [queryClient, id],
  );
  const { refetch } = query;
  const onReload = useCallback(() => void refetch(), [refetch]);
  const error = query.error ? toApiError(query.error) : null;
  if (error?.code === 'break_glass_required') return <BreakGlass id={id} onOpened={onReload} />;
  if (!query.data) {
    const resource: ApiResource<CaseDetail> = {
      data: undefined,
      error,
      loading: query.isFetching,
      reload: onReload,
      setData: (data) => queryClient.setQueryData(caseKey(id), data),
    };
    return (
      <Page title={tc('caseLoading')}>
        <LoadState resource={resource}>{() => null}</LoadState>
      </Page>
    );
  }
  return <CaseView c={query.data} settings={settings.data} onChange={onChange} onReload={onReload} />;
}

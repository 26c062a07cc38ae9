import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases.ts';
import type { CaseDetail, CaseSettings } from '../../api/cases.ts';
import { Button } from '../../components/Buttons.tsx';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { currentLocale } from '../../i18n/index.ts';
import type { SectionProps } from './CasePage.tsx';
import { CaseEditPanel } from './CaseForm.tsx';
import { formatDay, orNull } from './caseFormat.ts';
import { ReasonField } from './TextAreaField.tsx';

const buttonId = 'legal-hold-button';

/** Whether the case's allowedActions let the reader set or release a legal hold. */
export const canHold = (c: CaseDetail): boolean => c.allowedActions.includes('case.legal_hold');

/** The button beside the case title that opens the legal-hold panel; its text says which way. */
export function LegalHoldButton({ c, onOpen }: { c: CaseDetail; onOpen: (id: string) => void }) {
  const { t: tc } = useTranslation('cases');
  return (
    <Button id={buttonId} onClick={() => onOpen(buttonId)}>
      {c.legalHold.active ? tc('legalHoldRelease') : tc('legalHoldSet')}
    </Button>
  );
}

/**
 * R-CON-5: sets a legal hold with its reason, or releases it. A held case is not erased when its
 * retention ends; setting and releasing are audited (setting with the reason). The change is sent
 * against the case's version, so a conflict shows "reload".
 */
export function LegalHoldPanel({
  c,
  settings,
  onChange,
  onReload,
  onClose,
}: {
  c: CaseDetail;
  settings: CaseSettings | undefined;
  onChange: SectionProps['onChange'];
  onReload: () => void;
  onClose: () => void;
}) {
  const { t: tc } = useTranslation('cases');
  const locale = currentLocale();
  const release = c.legalHold.active;
  const [reason, setReason] = useState('');
  const save = useSubmit(() =>
    casesApi.setLegalHold(c.id, {
      version: c.version,
      hold: !release,
      reason: release ? null : orNull(reason),
    }),
  );
  return (
    <CaseEditPanel
      title={release ? tc('legalHoldRelease') : tc('legalHoldSet')}
      intro={
        <>
          <p>{release ? tc('legalHoldReleaseIntro') : tc('legalHoldSetIntro')}</p>
          {release && c.closedOn && settings && (
            <p>
              {tc('legalHoldRetention', {
                closedOn: formatDay(c.closedOn, locale),
                count: settings.retentionYears,
              })}
            </p>
          )}
        </>
      }
      submission={save}
      onSaved={(held) =>
        onChange((current) => ({ ...current, legalHold: held.legalHold, version: held.version }))
      }
      onReload={onReload}
      onClose={onClose}
      submitLabel={release ? tc('legalHoldReleaseSubmit') : tc('legalHoldSetSubmit')}
      markRequired={false}
    >
      {!release && (
        <ReasonField
          label={tc('legalHoldReason')}
          hint={tc('legalHoldReasonHint')}
          value={reason}
          onChange={setReason}
        />
      )}
    </CaseEditPanel>
  );
}

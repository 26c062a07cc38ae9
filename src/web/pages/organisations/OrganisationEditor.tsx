import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationsApi } from '../../api/organisations.ts';
import type { OrganisationInput } from '../../api/organisations.ts';
import type { Organisation, OrganisationDetail } from '../../api/types.ts';
import { ConflictNotice, isConflict } from '../../components/ConflictNotice.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { FormError, Notice } from '../../components/Notice.tsx';
import { Section } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { toApiError, useSubmit } from '../../hooks/useSubmit.ts';
import type { ApiError } from '../../api/client.ts';
import { CentralContactsSection } from './CentralContactsSection.tsx';
import { OrganisationDetails } from './OrganisationDetails.tsx';
import { OrganisationForm } from './OrganisationForm.tsx';
import { toValues } from './organisationFields.ts';
import { SecuritySection } from './SecuritySection.tsx';

export interface OrganisationEditorProps {
  id: string;
  /** System administration edits the kind; an organisation's own administration does not. */
  kindEditable: boolean;
}

/**
 * Everything editable about one organisation: master data, the second-factor rule and the
 * central contacts. Both forms send the version they were loaded with; on a conflict the
 * current record can be loaded, which resets the forms to it.
 */
export function OrganisationEditor({ id, kindEditable }: OrganisationEditorProps) {
  const resource = useApi(['organisation', id], (signal) => organisationsApi.get(id, signal));
  return (
    <LoadState resource={resource}>
      {(organisation) => (
        <LoadedEditor
          organisation={organisation}
          kindEditable={kindEditable}
          onChange={(updated) => resource.setData({ ...organisation, ...updated })}
          onReplace={resource.setData}
        />
      )}
    </LoadState>
  );
}

interface LoadedEditorProps {
  organisation: OrganisationDetail;
  kindEditable: boolean;
  onChange: (updated: Organisation) => void;
  onReplace: (fresh: OrganisationDetail) => void;
}

function LoadedEditor({ organisation, kindEditable, onChange, onReplace }: LoadedEditorProps) {
  const { t } = useTranslation();
  const [generation, setGeneration] = useState(0);
  const [saved, setSaved] = useState(false);
  const [reloadError, setReloadError] = useState<ApiError | null>(null);
  const canUpdate = organisation.allowedActions.includes('organisation.update');
  const canSecure = organisation.allowedActions.includes('organisation.security');

  const details = useSubmit((input: OrganisationInput) => {
    const { kind, ...rest } = input;
    const body = kindEditable ? { ...rest, kind } : rest;
    return organisationsApi.update(organisation.id, { ...body, version: organisation.version });
  });

  const reload = async () => {
    try {
      onReplace(await organisationsApi.get(organisation.id));
      setReloadError(null);
      details.reset();
      setSaved(false);
      setGeneration((value) => value + 1);
    } catch (error) {
      setReloadError(toApiError(error));
    }
  };

  return (
    <>
      {reloadError && <FormError error={reloadError} />}
      {organisation.deactivatedAt && (
        <Notice tone="warning">
          <p>{t('organisations.deactivatedNote')}</p>
        </Notice>
      )}
      <Section title={t('organisations.detailsHeading')} id="organisation-details">
        {saved && (
          <Notice tone="success" role="status">
            <p>{t('common.saved')}</p>
          </Notice>
        )}
        {isConflict(details.error) && <ConflictNotice onReload={() => void reload()} />}
        {canUpdate ? (
          <OrganisationForm
            key={generation}
            initial={toValues(organisation)}
            kindEditable={kindEditable}
            submitLabel={t('actions.save')}
            submission={details}
            hideError={isConflict(details.error)}
            onSaved={(updated) => {
              onChange(updated);
              setSaved(true);
            }}
          />
        ) : (
          <OrganisationDetails organisation={organisation} />
        )}
      </Section>
      {canSecure && (
        <SecuritySection
          key={`security-${generation}`}
          organisation={organisation}
          onSaved={onChange}
          onReload={reload}
        />
      )}
      {organisation.centralContactMissing !== null && <CentralContactsSection organisation={organisation} />}
    </>
  );
}

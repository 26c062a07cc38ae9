import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases.ts';
import type { CaseSettings, CategoryKey } from '../../api/cases.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { CategoryListSection } from './CategoryListSection.tsx';
import { NumberSettingSection } from './NumberSettingSection.tsx';

/** What the settings forms share: the current record, saving and reloading after a conflict. */
export interface SettingsFormProps {
  settings: CaseSettings;
  canEdit: boolean;
  onSaved: (settings: CaseSettings) => void;
  onReload: () => void;
  /** Counts reloads after a conflict; an open form starts over from the current record. */
  generation: number;
}

/**
 * R-CASE-5, R-CON-5, R-CON-1: the provider's category lists of the case files (the purposes of a
 * consent among them), its retention period and the longest validity of a consent.
 * Each part is saved on its own against the current version; the others keep their drafts.
 */
export function CaseSettingsPage() {
  const { t: tc } = useTranslation('cases');
  const settings = useApi(['case-settings'], (signal) => casesApi.settings(signal));
  // Forms start over from the current record after "reload" (a conflict), not after a save,
  // so a draft in one list survives saving another.
  const [generation, setGeneration] = useState(0);

  const reloadCurrent = () => {
    void casesApi.settings().then(
      (fresh) => {
        settings.setData(fresh);
        setGeneration((value) => value + 1);
      },
      () => settings.reload(),
    );
  };

  return (
    <Page title={tc('settingsPage.title')} intro={<p>{tc('settingsPage.intro')}</p>}>
      <LoadState resource={settings}>
        {(data) => {
          const shared: SettingsFormProps = {
            settings: data,
            canEdit: data.allowedActions.includes('case_settings.update'),
            onSaved: settings.setData,
            onReload: reloadCurrent,
            generation,
          };
          return (
            <>
              <NumberSettingSection key={`retention-${generation}`} setting="retentionYears" {...shared} />
              <NumberSettingSection
                key={`consent-months-${generation}`}
                setting="consentMaxMonths"
                {...shared}
              />
              {/* The lists in the server's order, the order a case file asks for them. */}
              {(Object.keys(data.categories) as CategoryKey[]).map((listKey) => (
                <CategoryListSection key={listKey} listKey={listKey} {...shared} />
              ))}
            </>
          );
        }}
      </LoadState>
    </Page>
  );
}

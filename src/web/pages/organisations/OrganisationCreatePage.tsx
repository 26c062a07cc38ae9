import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { organisationsApi } from '../../api/organisations.ts';
import { Page } from '../../components/Page.tsx';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { navigationPaths } from '../../session/navigation.ts';
import { OrganisationForm } from './OrganisationForm.tsx';
import { toValues } from './organisationFields.ts';

/** A new organisation (system administration). Afterwards its page opens. */
export function OrganisationCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const submission = useSubmit(organisationsApi.create);

  return (
    <Page
      title={t('organisations.createTitle')}
      actions={<Link to={navigationPaths.organisations}>{t('organisations.backToList')}</Link>}
    >
      <section className="card" aria-label={t('organisations.createTitle')}>
        <OrganisationForm
          initial={toValues()}
          kindEditable
          submitLabel={t('organisations.create')}
          submission={submission}
          onSaved={(organisation) =>
            void navigate(`${navigationPaths.organisations}/${encodeURIComponent(organisation.id)}`, {
              state: { created: true },
            })
          }
        />
      </section>
    </Page>
  );
}

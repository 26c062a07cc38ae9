import { useTranslation } from 'react-i18next';

interface Reachable {
  street: string;
  postcode: string;
  city: string;
  phone: string | null;
  email: string | null;
}

/** An office's address and how to reach it, as entries of a `details` list. */
export function OfficeReach({ office }: { office: Reachable }) {
  const { t } = useTranslation();
  return (
    <>
      <div>
        <dt>{t('fields.address')}</dt>
        <dd>
          {office.street}, {office.postcode} {office.city}
        </dd>
      </div>
      {(office.phone || office.email) && (
        <div>
          <dt>{t('directory.reach')}</dt>
          <dd>{[office.phone, office.email].filter(Boolean).join(' · ')}</dd>
        </div>
      )}
    </>
  );
}

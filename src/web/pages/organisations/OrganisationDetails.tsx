import { useTranslation } from 'react-i18next';
import { organisationSubtypes } from '../../api/types.ts';
import type { Organisation } from '../../api/types.ts';
import { oneOf } from '../../lib/validate.ts';

/** Read-only master data, for people who may see but not change them. */
export function OrganisationDetails({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const welfare = organisation.kind === 'welfare_provider';
  const subtype = oneOf(organisationSubtypes, organisation.subtype ?? '');
  const state = organisation.state;
  const address = [organisation.street, [organisation.postcode, organisation.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const rows: [string, string][] = [
    [t('fields.organisationName'), organisation.name],
    [t('fields.kind'), t(`kinds.${organisation.kind}`)],
    [t('fields.subtype'), subtype ? t(`subtypes.${subtype}`) : ''],
    ...(welfare
      ? ([
          [t('fields.umbrella'), organisation.umbrella ?? ''],
          [t('fields.services'), organisation.services.map((service) => t(`services.${service}`)).join(', ')],
          [t('fields.funding'), organisation.funding ? t(`funding.${organisation.funding}`) : ''],
          [
            t('fields.dataProtectionLaw'),
            organisation.dataProtectionLaw ? t(`dataProtectionLaw.${organisation.dataProtectionLaw}`) : '',
          ],
        ] satisfies [string, string][])
      : []),
    // The clearing office sits inside the foreigners' authority (staffed by counselling services).
    ...(organisation.kind === 'abh'
      ? ([
          [
            t('fields.hostsClearingOffice'),
            organisation.hostsClearingOffice ? t('common.yes') : t('common.no'),
          ],
        ] satisfies [string, string][])
      : []),
    [t('fields.address'), address],
    [t('fields.state'), state ? t(`states.${state}`) : ''],
    [t('fields.phone'), organisation.phone ?? ''],
    [t('fields.email'), organisation.email ?? ''],
    [t('fields.website'), organisation.website ?? ''],
  ];
  return (
    <dl className="details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value || t('common.notSpecified')}</dd>
        </div>
      ))}
    </dl>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearingApi, type Gaps } from '../../api/clearing.ts';
import { SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { currentLocale } from '../../i18n/index.ts';
import { CountFigure } from './CountFigure.tsx';

/**
 * Gaps in the offer (R-STAT-4): demand by language, service and postcode area that no office
 * covers — public directory searches without a result and the clearing office's contacts in
 * languages no office offers — as charts with tables, small counts hidden (R-STAT-5).
 */
export function GapsPage() {
  const { t } = useTranslation('clearing');
  const [months, setMonths] = useState(12);
  const gaps = useApi(['clearing-gaps', months], (signal) => clearingApi.gaps(months, signal));
  return (
    <Page title={t('gaps.title')} intro={<p>{t('gaps.intro')}</p>}>
      <div className="filter-bar">
        <SelectField
          name="months"
          label={t('gaps.period')}
          value={String(months)}
          options={[6, 12, 24].map((m) => ({ value: String(m), label: t('gaps.months', { count: m }) }))}
          onChange={(v) => setMonths(Number(v))}
        />
      </div>
      <LoadState resource={gaps}>{(data) => <GapsView gaps={data} />}</LoadState>
    </Page>
  );
}

function GapsView({ gaps }: { gaps: Gaps }) {
  const { t } = useTranslation('clearing');
  const locale = currentLocale();
  const language = (code: string) =>
    code === '' ? t('gaps.none') : (gaps.languageNames[code]?.[locale] ?? code);
  const service = (code: string) =>
    code === 'any' ? t('gaps.anyService') : code === 'both' ? t('gaps.bothServices') : code;
  const area = (code: string) => (/^\d{3}$/.test(code) ? t('gaps.area', { area: code }) : code);
  const headings = {
    language: t('gaps.byLanguage'),
    service: t('gaps.byTopic'),
    area: t('gaps.byArea'),
  } as const;
  const labels = { language, service, area } as const;
  return (
    <>
      <p>{t('report.hiddenNote', { k: gaps.threshold })}</p>
      <h2>{t('gaps.search')}</h2>
      {gaps.searches.dimensions.map((d) => (
        <CountFigure
          key={d.key}
          heading={`${t('gaps.search')}: ${headings[d.key]}`}
          items={d.items}
          label={labels[d.key]}
        />
      ))}
      <h2>{t('gaps.clearing')}</h2>
      <CountFigure
        heading={`${t('gaps.clearing')}: ${t('gaps.byLanguage')}`}
        items={gaps.clearing.items}
        label={language}
      />
    </>
  );
}

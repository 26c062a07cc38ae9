import { useTranslation } from 'react-i18next';
import type { Flyer } from '../../api/types.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';

/** The current file of a flyer in each language, as download links. */
export function FlyerFiles({ flyer }: { flyer: Flyer }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  if (flyer.files.length === 0) return <p>{t('flyers.noFiles')}</p>;
  return (
    <ul className="plain-list">
      {flyer.files.map((file) => (
        <li key={file.language}>
          <a href={file.downloadUrl} download={file.filename}>
            {t('flyers.download', {
              language: names.of(file.language) ?? file.language,
              title: flyer.title,
            })}
          </a>{' '}
          <span className="muted">
            {t('flyers.fileFacts', {
              revision: file.revision,
              size: formatNumber(Math.max(1, Math.round(file.byteSize / 1024)), locale),
              date: formatDateTime(file.uploadedAt, locale),
            })}
          </span>
        </li>
      ))}
    </ul>
  );
}

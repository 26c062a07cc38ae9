import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/Notice.tsx';
import { currentLocale } from '../../i18n/index.ts';

/**
 * R-RED-4: the counselling service's independence, as the server words it, above everything a
 * partner reads of the exchange; in English the web's translation of the same words.
 */
export function IndependenceNotice({ text }: { text: string }) {
  const { t: tx } = useTranslation('exchange');
  return (
    <Notice tone="info" title={tx('independenceTitle')}>
      <p>{currentLocale() === 'en' ? tx('independenceNotice') : text}</p>
    </Notice>
  );
}

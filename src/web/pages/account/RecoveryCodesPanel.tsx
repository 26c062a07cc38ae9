import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Buttons.tsx';
import { Notice } from '../../components/Notice.tsx';

/** Newly issued recovery codes: shown once, with copy and print, until the person confirms. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied('done');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <div className="recovery-codes print-area" aria-labelledby="recovery-codes-heading" role="region">
      <h3 id="recovery-codes-heading">{t('recoveryCodes.heading')}</h3>
      <Notice tone="warning">
        <p>{t('recoveryCodes.hint')}</p>
      </Notice>
      <ul className="code-list">
        {codes.map((code) => (
          <li key={code} className="mono">
            {code}
          </li>
        ))}
      </ul>
      <div className="form-actions no-print">
        <Button onClick={() => void copy()}>{t('recoveryCodes.copy')}</Button>
        <Button onClick={() => window.print()}>{t('recoveryCodes.print')}</Button>
        <Button variant="primary" onClick={onDone}>
          {t('recoveryCodes.done')}
        </Button>
      </div>
      <p role="status" className="field-hint no-print">
        {copied === 'done' ? t('copy.done') : copied === 'failed' ? t('recoveryCodes.copyFailed') : ''}
      </p>
    </div>
  );
}

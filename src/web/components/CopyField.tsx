import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Buttons.tsx';

export interface CopyFieldProps {
  label: string;
  value: string;
  hint?: string;
}

/** A read-only value (a link, a token) with a button that copies it. */
export function CopyField({ label, value, hint }: CopyFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'manual'>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      // The clipboard API needs a secure context; selecting the text lets the person copy it.
      inputRef.current?.select();
      setStatus('manual');
    }
  };

  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <div className="copy-row">
        <input
          ref={inputRef}
          id={id}
          type="text"
          readOnly
          value={value}
          className="mono"
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(event) => event.target.select()}
        />
        <Button onClick={() => void copy()}>{t('actions.copy')}</Button>
      </div>
      <p role="status" className="field-hint">
        {status === 'copied' ? t('copy.done') : status === 'manual' ? t('copy.manual') : ''}
      </p>
    </div>
  );
}

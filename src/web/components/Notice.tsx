import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import { currentLocale } from '../i18n/index.ts';
import { problemMessage } from '../i18n/problem.ts';

type Tone = 'info' | 'success' | 'warning' | 'error';

export interface NoticeProps {
  tone?: Tone;
  /** `alert` for errors that appear after an action, `status` for confirmations. */
  role?: 'alert' | 'status';
  title?: string;
  children: ReactNode;
}

/** A boxed message; static notes get no live role so screen readers do not announce them twice. */
export function Notice({ tone = 'info', role, title, children }: NoticeProps) {
  return (
    <div className={`notice notice-${tone}`} role={role}>
      {title && <p className="notice-title">{title}</p>}
      {children}
    </div>
  );
}

export interface FormErrorProps {
  error: ApiError;
  /** Field messages that have no field on screen. */
  details?: string[];
  focusRef?: Ref<HTMLDivElement>;
}

/** The form-level error alert: the problem's detail (translated by code in English). */
export function FormError({ error, details = [], focusRef }: FormErrorProps) {
  const { t } = useTranslation();
  return (
    <div ref={focusRef} tabIndex={-1} role="alert" className="notice notice-error">
      <p>{problemMessage(error.problem, t, currentLocale())}</p>
      {details.length > 0 && (
        <ul>
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

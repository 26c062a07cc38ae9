import { useId } from 'react';
import type { ReactNode } from 'react';
import { useFieldError, useMarkRequired } from '../../components/Form.tsx';

export interface TextAreaFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  required?: boolean;
  rows?: number;
  maxLength?: number;
}

/** A labelled multi-line text field whose hint and server error are linked like TextField's. */
export function TextAreaField({
  name,
  label,
  value,
  onChange,
  hint,
  required,
  rows = 3,
  maxLength,
}: TextAreaFieldProps) {
  const error = useFieldError(name);
  const mark = useMarkRequired();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {required && mark && (
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        )}
      </div>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <textarea
        id={id}
        name={name}
        rows={rows}
        value={value}
        required={required}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/**
 * The stated reason of an audited action (breaking the glass, a legal hold): required, at most
 * 500 characters, named `reason` as in the API.
 */
export function ReasonField(props: Pick<TextAreaFieldProps, 'label' | 'hint' | 'value' | 'onChange'>) {
  return <TextAreaField {...props} name="reason" required maxLength={500} />;
}

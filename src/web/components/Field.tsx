import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import { useFieldError, useMarkRequired } from './Form.tsx';

interface Described {
  hintId: string | undefined;
  errorId: string | undefined;
  describedBy: string | undefined;
}

function useDescription(hint: ReactNode | undefined, error: string | undefined): Described & { id: string } {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function Hint({ id, children }: { id: string | undefined; children: ReactNode }) {
  return id ? (
    <p id={id} className="field-hint">
      {children}
    </p>
  ) : null;
}

function ErrorText({ id, message }: { id: string | undefined; message: string | undefined }) {
  return id && message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

function RequiredMark({ required }: { required: boolean | undefined }) {
  const mark = useMarkRequired();
  return required && mark ? (
    <span className="required-mark" aria-hidden="true">
      *
    </span>
  ) : null;
}

/**
 * The label with the required marker beside it, not inside it: the accessible name and the
 * label text stay exactly the visible words ("E-Mail-Adresse").
 */
function FieldLabel({
  htmlFor,
  label,
  required,
}: {
  htmlFor: string;
  label: string;
  required: boolean | undefined;
}) {
  return (
    <div className="field-label">
      <label htmlFor={htmlFor}>{label}</label>
      <RequiredMark required={required} />
    </div>
  );
}

type NativeInput = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'name' | 'id'>;

export interface TextFieldProps extends NativeInput {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
}

/** A labelled text input whose hint and error are linked with aria-describedby. */
export function TextField({
  name,
  label,
  value,
  onChange,
  hint,
  required,
  className,
  ...rest
}: TextFieldProps) {
  const error = useFieldError(name);
  const { id, hintId, errorId, describedBy } = useDescription(hint, error);
  return (
    <div className={`field ${className ?? ''}`.trim()}>
      <FieldLabel htmlFor={id} label={label} required={required} />
      <Hint id={hintId}>{hint}</Hint>
      <ErrorText id={errorId} message={error} />
      <input
        {...rest}
        id={id}
        name={name}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

type NativeSelect = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value' | 'name' | 'id'>;

export interface SelectFieldProps extends NativeSelect {
  name: string;
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  /** Label of an empty first option ("all", "not specified"); omitted when absent. */
  emptyLabel?: string;
  hint?: ReactNode;
}

/** A labelled select. */
export function SelectField({
  name,
  label,
  value,
  options,
  onChange,
  emptyLabel,
  hint,
  required,
  className,
  ...rest
}: SelectFieldProps) {
  const error = useFieldError(name);
  const { id, hintId, errorId, describedBy } = useDescription(hint, error);
  return (
    <div className={`field ${className ?? ''}`.trim()}>
      <FieldLabel htmlFor={id} label={label} required={required} />
      <Hint id={hintId}>{hint}</Hint>
      <ErrorText id={errorId} message={error} />
      <select
        {...rest}
        id={id}
        name={name}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface CheckboxFieldProps {
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  disabled?: boolean;
}

/** A single labelled checkbox (a yes/no setting). */
export function CheckboxField({ name, label, checked, onChange, hint, disabled }: CheckboxFieldProps) {
  const error = useFieldError(name);
  const { id, hintId, errorId, describedBy } = useDescription(hint, error);
  return (
    <div className="field field-check">
      <input
        type="checkbox"
        id={id}
        name={name}
        checked={checked}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        <Hint id={hintId}>{hint}</Hint>
        <ErrorText id={errorId} message={error} />
      </div>
    </div>
  );
}

interface ChoiceGroupProps {
  name: string;
  legend: string;
  options: readonly Option[];
  hint?: ReactNode;
  required?: boolean;
  /** Shows the options side by side on wide screens. */
  inline?: boolean;
}

export interface CheckboxGroupProps extends ChoiceGroupProps {
  values: readonly string[];
  onChange: (values: string[]) => void;
}

export interface RadioGroupProps extends ChoiceGroupProps {
  value: string;
  onChange: (value: string) => void;
}

function ChoiceFieldset({
  name,
  legend,
  options,
  hint,
  required,
  inline,
  type,
  isChecked,
  onToggle,
}: ChoiceGroupProps & {
  type: 'checkbox' | 'radio';
  isChecked: (value: string) => boolean;
  onToggle: (value: string, checked: boolean) => void;
}) {
  const error = useFieldError(name);
  const { id, hintId, errorId, describedBy } = useDescription(hint, error);
  return (
    <fieldset className="field choice-group" aria-describedby={describedBy}>
      <legend>
        {legend}
        <RequiredMark required={required} />
      </legend>
      <Hint id={hintId}>{hint}</Hint>
      <ErrorText id={errorId} message={error} />
      <div className={inline ? 'choices choices-inline' : 'choices'}>
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div className="choice" key={option.value}>
              <input
                type={type}
                id={optionId}
                name={name}
                value={option.value}
                checked={isChecked(option.value)}
                aria-invalid={error ? true : undefined}
                onChange={(event) => onToggle(option.value, event.target.checked)}
              />
              <label htmlFor={optionId}>{option.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Several checkboxes in a fieldset with a legend (roles, services). */
export function CheckboxGroup({ values, onChange, ...group }: CheckboxGroupProps) {
  return (
    <ChoiceFieldset
      {...group}
      type="checkbox"
      isChecked={(value) => values.includes(value)}
      onToggle={(value, checked) => {
        const next = new Set(values);
        if (checked) next.add(value);
        else next.delete(value);
        onChange(group.options.map((option) => option.value).filter((option) => next.has(option)));
      }}
    />
  );
}

/** Radio buttons in a fieldset with a legend. */
export function RadioGroup({ value, onChange, ...group }: RadioGroupProps) {
  return (
    <ChoiceFieldset
      {...group}
      type="radio"
      isChecked={(option) => option === value}
      onToggle={(option, checked) => {
        if (checked) onChange(option);
      }}
    />
  );
}

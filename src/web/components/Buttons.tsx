import type { ComponentProps } from 'react';
import { useFormPending } from './Form.tsx';

type Variant = 'primary' | 'secondary' | 'danger' | 'link';

export interface ButtonProps extends ComponentProps<'button'> {
  variant?: Variant;
}

/** A button in one of the house styles; plain `type="button"` unless told otherwise. */
export function Button({ variant = 'secondary', className, type = 'button', ...rest }: ButtonProps) {
  return <button {...rest} type={type} className={`button button-${variant} ${className ?? ''}`.trim()} />;
}

/** The submit button of a Form; disabled while the form is being sent. */
export function SubmitButton({ variant = 'primary', disabled, ...rest }: ButtonProps) {
  const pending = useFormPending();
  return (
    <Button
      {...rest}
      type="submit"
      variant={variant}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
    />
  );
}

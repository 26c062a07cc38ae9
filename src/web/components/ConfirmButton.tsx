import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Buttons.tsx';

export interface ConfirmButtonProps {
  /** Visible text of the first button. */
  label: string;
  /** Accessible name when several rows carry the same label ("Deaktivieren: Anna Muster"). */
  accessibleLabel?: string;
  /** The question shown before the action runs. */
  question: string;
  /** Text of the button that carries out the action. */
  confirmLabel: string;
  onConfirm: () => Promise<unknown> | void;
  variant?: 'secondary' | 'danger';
  disabled?: boolean;
}

/**
 * A two-step button for actions that are hard to undo: the first press asks, the second acts.
 * Focus moves to the confirming button and back when cancelled.
 */
export function ConfirmButton({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  onConfirm,
  variant = 'danger',
  disabled,
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      triggerRef.current?.focus();
    }
  }, [asking]);

  const confirm = async () => {
    setPending(true);
    try {
      await onConfirm();
    } finally {
      setPending(false);
      returnFocus.current = true;
      setAsking(false);
    }
  };

  if (!asking) {
    return (
      <Button
        ref={triggerRef}
        variant={variant === 'danger' ? 'secondary' : variant}
        aria-label={accessibleLabel}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </Button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={accessibleLabel ?? label}>
      <span className="confirm-question">{question}</span>
      <Button ref={confirmRef} variant={variant} disabled={pending} onClick={() => void confirm()}>
        {confirmLabel}
      </Button>
      <Button
        disabled={pending}
        onClick={() => {
          returnFocus.current = true;
          setAsking(false);
        }}
      >
        {t('actions.cancel')}
      </Button>
    </span>
  );
}

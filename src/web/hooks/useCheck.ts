import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import { checkInput } from '../lib/validate.ts';
import type { Check } from '../lib/validate.ts';

/** checkInput with the translated summary line. */
export function useCheck(): (checks: readonly Check[]) => ApiError | null {
  const { t } = useTranslation();
  return useCallback((checks) => checkInput(t('errors.validation_failed'), checks), [t]);
}

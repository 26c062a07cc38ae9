import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResource } from '../hooks/useApi.ts';
import { Button } from './Buttons.tsx';
import { FormError } from './Notice.tsx';

/** "Loading …" as a polite status message. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
}

export interface LoadStateProps<T> {
  resource: ApiResource<T>;
  children: (data: T) => ReactNode;
}

/** Shows loading, a load error with "try again", or the loaded data. */
export function LoadState<T>({ resource, children }: LoadStateProps<T>) {
  const { t } = useTranslation();
  if (resource.data !== undefined) {
    return (
      <>
        {resource.error && <FormError error={resource.error} />}
        {children(resource.data)}
      </>
    );
  }
  if (resource.error) {
    return (
      <div className="stack">
        <FormError error={resource.error} />
        <div>
          <Button onClick={resource.reload}>{t('actions.retry')}</Button>
        </div>
      </div>
    );
  }
  return <Loading />;
}

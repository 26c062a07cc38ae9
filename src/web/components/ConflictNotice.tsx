import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import { Button } from './Buttons.tsx';

/** True when a save failed because someone else changed the record first. */
export const isConflict = (error: ApiError | null): boolean => error?.code === 'version_conflict';

/** Explains an edit conflict and offers to load the current version. */
export function ConflictNotice({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-warning" role="alert">
      <p>{t('conflict.message')}</p>
      <p>
        <Button onClick={onReload}>{t('conflict.reload')}</Button>
      </p>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { InvitationLink } from '../../api/types.ts';
import { CopyField } from '../../components/CopyField.tsx';
import { Notice } from '../../components/Notice.tsx';

/** The invitation link for the administration to pass on, and whether it was also e-mailed. */
export function InvitationResult({ name, link }: { name: string; link: InvitationLink }) {
  const { t } = useTranslation();
  return (
    <Notice tone="success" role="status" title={t('users.invitedTitle', { name })}>
      <p>{link.mailed ? t('users.invitationMailed') : t('users.invitationNotMailed')}</p>
      <CopyField label={t('users.invitationLink')} value={link.invitationUrl} />
    </Notice>
  );
}

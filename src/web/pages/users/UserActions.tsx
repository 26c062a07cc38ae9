import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { usersApi } from '../../api/users.ts';
import type { InvitationLink, User } from '../../api/types.ts';
import { Button } from '../../components/Buttons.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { toApiError } from '../../hooks/useSubmit.ts';

export interface UserActionsProps {
  user: User;
  onEdit: () => void;
  onChanged: (user: User) => void;
  onReinvited: (link: InvitationLink) => void;
  onError: (error: ApiError) => void;
}

/** The buttons in a user's row; only those the server allows for this person appear. */
export function UserActions({ user, onEdit, onChanged, onReinvited, onError }: UserActionsProps) {
  const { t } = useTranslation();
  const allowed = (action: string) => user.allowedActions.includes(action);
  const name = user.displayName;

  const attempt = async <R,>(action: () => Promise<R>, done: (result: R) => void) => {
    try {
      done(await action());
    } catch (error) {
      onError(toApiError(error));
    }
  };

  return (
    <div className="row-actions">
      {allowed('user.update') && (
        <Button aria-label={t('actions.editNamed', { name })} onClick={onEdit}>
          {t('actions.edit')}
        </Button>
      )}
      {allowed('user.reinvite') && (
        <Button
          aria-label={t('users.reinviteNamed', { name })}
          onClick={() => void attempt(() => usersApi.reinvite(user.id), onReinvited)}
        >
          {t('users.reinvite')}
        </Button>
      )}
      {allowed('user.deactivate') && (
        <ConfirmButton
          label={t('users.deactivate')}
          accessibleLabel={t('users.deactivateNamed', { name })}
          question={t('users.deactivateQuestion')}
          confirmLabel={t('users.deactivateConfirm')}
          onConfirm={() => attempt(() => usersApi.deactivate(user.id, user.version), onChanged)}
        />
      )}
      {allowed('user.reactivate') && (
        <ConfirmButton
          variant="secondary"
          label={t('users.reactivate')}
          accessibleLabel={t('users.reactivateNamed', { name })}
          question={t('users.reactivateQuestion')}
          confirmLabel={t('users.reactivateConfirm')}
          onConfirm={() => attempt(() => usersApi.reactivate(user.id, user.version), onChanged)}
        />
      )}
    </div>
  );
}

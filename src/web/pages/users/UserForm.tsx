import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { inviteUserBody, updateUserBody } from '../../../server/modules/users/users.schemas.ts';
import { roles as allRoles } from '../../api/types.ts';
import type { Role, User } from '../../api/types.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { CheckboxGroup, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { useSchemaForm } from '../../hooks/useSchemaForm.ts';
import type { Submission } from '../../hooks/useSubmit.ts';
import { subset } from '../../lib/validate.ts';

interface UserValues {
  email: string;
  displayName: string;
  functionTitle: string;
  phone: string;
  roles: Role[];
}

/** What the form sends: an invitation, or the changes to a person's account. */
export type UserBody =
  { invite: z.output<typeof inviteUserBody> } | { update: z.output<typeof updateUserBody> };

export interface UserFormProps<R> {
  /** The person being edited; without one the form invites a new person. */
  user?: User;
  /** Roles that may be given in this organisation. */
  assignableRoles: readonly Role[];
  submitLabel: string;
  submission: Submission<[UserBody], R>;
  hideError?: boolean;
  onSaved: (result: R) => void;
  onCancel: () => void;
}

/** Invite a person (with e-mail address) or edit name, function, phone and roles. */
export function UserForm<R>({
  user,
  assignableRoles,
  submitLabel,
  submission,
  hideError,
  onSaved,
  onCancel,
}: UserFormProps<R>) {
  const { t } = useTranslation();
  const form = useSchemaForm({
    // The server's own rules: an invitation needs an e-mail address, an edit the record's version.
    schema: user ? updateUserBody : inviteUserBody,
    defaultValues: {
      email: user?.email ?? '',
      displayName: user?.displayName ?? '',
      functionTitle: user?.functionTitle ?? '',
      phone: user?.phone ?? '',
      roles: user?.roles ?? [],
    } satisfies UserValues,
    toBody: ({ email, ...details }: UserValues) =>
      user ? { version: user.version, ...details } : { email, ...details },
    submission,
  });
  const { values, set, text } = form;
  // Roles the person already holds stay visible even if they can no longer be assigned here.
  const roleOptions = allRoles.filter(
    (role) => assignableRoles.includes(role) || values.roles.includes(role),
  );

  const submit = form.submit(async (body) => {
    const result = await submission.run(
      user
        ? { update: body as z.output<typeof updateUserBody> }
        : { invite: body as z.output<typeof inviteUserBody> },
    );
    if (result.ok) onSaved(result.value);
  });

  return (
    <Form onSubmit={submit} error={hideError ? null : submission.error} pending={submission.pending}>
      <div className="form-grid">
        {!user && (
          <TextField
            {...text('email')}
            label={t('fields.email')}
            type="email"
            autoComplete="off"
            spellCheck={false}
            required
          />
        )}
        <TextField {...text('displayName')} label={t('fields.displayName')} autoComplete="off" required />
        <TextField
          {...text('functionTitle')}
          label={t('fields.functionTitle')}
          hint={t('users.functionHint')}
        />
        <TextField {...text('phone')} label={t('fields.phone')} type="tel" autoComplete="off" />
      </div>
      <CheckboxGroup
        name="roles"
        legend={t('fields.roles')}
        required
        options={roleOptions.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        values={values.roles}
        onChange={(selected) => set('roles', subset(allRoles, selected))}
      />
      <div className="form-actions">
        <SubmitButton>{submitLabel}</SubmitButton>
        <Button onClick={onCancel}>{t('actions.cancel')}</Button>
      </div>
    </Form>
  );
}

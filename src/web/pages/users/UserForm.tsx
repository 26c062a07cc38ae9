import { useTranslation } from 'react-i18next';
import { roles as allRoles } from '../../api/types.ts';
import type { Role, User } from '../../api/types.ts';
import { Button, SubmitButton } from '../../components/Buttons.tsx';
import { CheckboxGroup, TextField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { useCheck } from '../../hooks/useCheck.ts';
import { useFormValues } from '../../hooks/useFormValues.ts';
import type { Submission } from '../../hooks/useSubmit.ts';
import { blank, subset } from '../../lib/validate.ts';

export interface UserValues {
  email: string;
  displayName: string;
  functionTitle: string;
  phone: string;
  roles: Role[];
}

export interface UserFormProps<R> {
  /** The person being edited; without one the form invites a new person. */
  user?: User;
  /** Roles that may be given in this organisation. */
  assignableRoles: readonly Role[];
  submitLabel: string;
  submission: Submission<[UserValues], R>;
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
  const check = useCheck();
  const { values, set, text } = useFormValues<UserValues>({
    email: user?.email ?? '',
    displayName: user?.displayName ?? '',
    functionTitle: user?.functionTitle ?? '',
    phone: user?.phone ?? '',
    roles: user?.roles ?? [],
  });
  // Roles the person already holds stay visible even if they can no longer be assigned here.
  const roleOptions = allRoles.filter(
    (role) => assignableRoles.includes(role) || values.roles.includes(role),
  );

  const submit = async () => {
    const invalid = check([
      {
        path: 'email',
        failed: !user && !/^\S+@\S+\.\S+$/.test(values.email.trim()),
        message: t('validation.email'),
      },
      {
        path: 'displayName',
        failed: blank(values.displayName),
        message: t('validation.required', { field: t('fields.displayName') }),
      },
      { path: 'roles', failed: values.roles.length === 0, message: t('validation.roles') },
    ]);
    if (invalid) {
      submission.setError(invalid);
      return;
    }
    const result = await submission.run(values);
    if (result.ok) onSaved(result.value);
  };

  return (
    <Form
      onSubmit={() => void submit()}
      error={hideError ? null : submission.error}
      pending={submission.pending}
    >
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

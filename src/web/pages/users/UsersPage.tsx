import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { organisationsApi } from '../../api/organisations.ts';
import { usersApi } from '../../api/users.ts';
import { userStatuses } from '../../api/types.ts';
import type { InvitationLink, User } from '../../api/types.ts';
import { Button } from '../../components/Buttons.tsx';
import { ConflictNotice, isConflict } from '../../components/ConflictNotice.tsx';
import type { Column } from '../../components/DataTable.tsx';
import { EditPanel } from '../../components/EditPanel.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { FormError } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useListParams } from '../../hooks/useListParams.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { useTargetOrganisationId } from '../../hooks/useTargetOrganisation.ts';
import { currentLocale } from '../../i18n/index.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { oneOf } from '../../lib/validate.ts';
import { useActiveSession } from '../../session/SessionProvider.tsx';
import { InvitationResult } from './InvitationResult.tsx';
import { UserActions } from './UserActions.tsx';
import { UserForm } from './UserForm.tsx';
import type { UserBody } from './UserForm.tsx';

const pageSize = 25;
const filterKeys = ['q', 'status'] as const;

/** The list's query: the status from the address only when it is one the API knows. */
const listQuery = (filters: { q: string; status: string }, offset: number) => ({
  q: filters.q,
  status: oneOf(userStatuses, filters.status) ?? undefined,
  offset,
  limit: pageSize,
});

type Editing = { mode: 'invite' } | { mode: 'edit'; user: User } | null;

/** Staff of an organisation: list, invite, edit roles, deactivate and reactivate, invite again. */
export function UsersPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user: self } = useActiveSession();
  const organisationId = useTargetOrganisationId();
  const ownOrganisation = organisationId === self.organisation.id;
  const { filters, offset, setFilters, setOffset } = useListParams(filterKeys);
  // R-SEC-1: one visit lists the staff once. The organisation's detail carries its central
  // contacts, and reading them is audited as another `user.listed`; so the page takes the
  // organisation's name from the session or from the assignable roles, never from the detail.
  const assignable = useApi(['assignable-roles', organisationId], (signal) =>
    organisationsApi.assignableRoles(organisationId, signal),
  );
  const organisationName = ownOrganisation ? self.organisation.name : assignable.data?.organisation.name;
  const users = useApi(['users', organisationId, filters, offset], (signal) =>
    usersApi.list(organisationId, listQuery(filters, offset), signal),
  );
  const [editing, setEditing] = useState<Editing>(null);
  const [formKey, setFormKey] = useState(0);
  const [invitation, setInvitation] = useState<{ name: string; link: InvitationLink } | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);

  /** A changed account replaces its row; the answer is the view, nothing is read again. */
  const showChanged = (changed: User) => {
    if (users.data) {
      users.setData({
        ...users.data,
        items: users.data.items.map((item) => (item.id === changed.id ? changed : item)),
      });
    }
  };

  const save = useSubmit(async (body: UserBody) => {
    if ('update' in body) {
      if (editing?.mode === 'edit') showChanged(await usersApi.update(editing.user.id, body.update));
      return null;
    }
    const { user, invitationUrl, mailed } = await usersApi.invite(organisationId, body.invite);
    return { name: user.displayName, link: { invitationUrl, mailed } };
  });

  const open = (next: Editing) => {
    save.reset();
    setInvitation(null);
    setActionError(null);
    setEditing(next);
  };

  const reloadAfterConflict = async () => {
    const fresh = await usersApi.list(organisationId, listQuery(filters, offset));
    users.setData(fresh);
    save.reset();
    setActionError(null);
    if (editing?.mode === 'edit') {
      const current = fresh.items.find((user) => user.id === editing.user.id);
      setEditing(current ? { mode: 'edit', user: current } : null);
      setFormKey((value) => value + 1);
    }
  };

  const showsSignIn = (users.data?.items ?? []).some((user) => user.totpEnabled !== undefined);
  const columns: Column<User>[] = [
    {
      key: 'name',
      header: t('fields.displayName'),
      rowHeader: true,
      cell: (user) => (
        <>
          {user.displayName}
          {user.functionTitle && <span className="cell-note">{user.functionTitle}</span>}
        </>
      ),
    },
    { key: 'email', header: t('fields.email'), cell: (user) => user.email },
    {
      key: 'roles',
      header: t('fields.roles'),
      cell: (user) => user.roles.map((role) => t(`roles.${role}`)).join(', '),
    },
    {
      key: 'status',
      header: t('fields.status'),
      cell: (user) => <span className={`badge badge-${user.status}`}>{t(`userStatus.${user.status}`)}</span>,
    },
    // How colleagues sign in is shown only where the server sends it (to the administration).
    ...(showsSignIn
      ? [
          {
            key: 'totp',
            header: t('users.totpColumn'),
            cell: (user: User) => (user.totpEnabled ? t('common.yes') : t('common.no')),
          },
          {
            key: 'lastLogin',
            header: t('users.lastLogin'),
            cell: (user: User) =>
              formatDateTime(user.lastLoginAt ?? null, locale) || t('users.neverSignedIn'),
          },
        ]
      : []),
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('common.actions')}</span>,
      className: 'actions',
      cell: (user) => (
        <UserActions
          user={user}
          onEdit={() => open({ mode: 'edit', user })}
          onChanged={(changed) => {
            setActionError(null);
            showChanged(changed);
          }}
          onReinvited={(link) => {
            setEditing(null);
            setInvitation({ name: user.displayName, link });
          }}
          onError={setActionError}
        />
      ),
    },
  ];

  // The server names no assignable roles to whoever may not invite or change staff.
  const assignableRoles = assignable.data?.roles ?? [];
  const canInvite = assignableRoles.length > 0;

  return (
    <Page
      title={t('users.title')}
      intro={organisationName && <p>{organisationName}</p>}
      actions={
        canInvite &&
        editing === null && (
          <Button variant="primary" onClick={() => open({ mode: 'invite' })}>
            {t('users.invite')}
          </Button>
        )
      }
    >
      {invitation && <InvitationResult name={invitation.name} link={invitation.link} />}
      {editing && (
        <EditPanel
          key={editing.mode === 'edit' ? editing.user.id : 'invite'}
          title={
            editing.mode === 'edit'
              ? t('users.editTitle', { name: editing.user.displayName })
              : t('users.inviteTitle')
          }
        >
          {assignable.error && <FormError error={assignable.error} />}
          {isConflict(save.error) && <ConflictNotice onReload={() => void reloadAfterConflict()} />}
          <UserForm
            key={formKey}
            user={editing.mode === 'edit' ? editing.user : undefined}
            assignableRoles={assignableRoles}
            submitLabel={editing.mode === 'edit' ? t('actions.save') : t('users.sendInvitation')}
            submission={save}
            hideError={isConflict(save.error)}
            onSaved={(result) => {
              setEditing(null);
              // A new person takes their place in the sorted, paged list: that page is read again.
              if (result) {
                setInvitation(result);
                users.reload();
              }
            }}
            onCancel={() => setEditing(null)}
          />
        </EditPanel>
      )}
      <FilterBar label={t('users.filterLabel')} applied={filters} onApply={setFilters}>
        {(draft, set) => (
          <>
            <TextField
              name="q"
              type="search"
              label={t('filters.search')}
              hint={t('users.searchHint')}
              value={draft.q}
              onChange={(value) => set('q', value)}
            />
            <SelectField
              name="status"
              label={t('fields.status')}
              emptyLabel={t('filters.all')}
              options={userStatuses.map((status) => ({ value: status, label: t(`userStatus.${status}`) }))}
              value={draft.status}
              onChange={(value) => set('status', value)}
            />
          </>
        )}
      </FilterBar>
      {actionError &&
        (isConflict(actionError) ? (
          <ConflictNotice onReload={() => void reloadAfterConflict()} />
        ) : (
          <FormError error={actionError} />
        ))}
      <PagedTable
        resource={users}
        caption={(count) => t('users.tableCaption', { count })}
        columns={columns}
        rowKey={(user) => user.id}
        emptyText={t('users.empty')}
        paginationLabel={t('users.pagination')}
        offset={offset}
        limit={pageSize}
        onOffsetChange={setOffset}
      />
    </Page>
  );
}
